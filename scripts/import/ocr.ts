// Reads a scanned PDF with OCR: poppler's pdftoppm renders each page, Tesseract's Simplified Chinese model reads it.
// Tesseract's TSV output gives each word's confidence, so the lines it was unsure of can be listed for an editor.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ImportError } from '#src/import/errors.ts';
import type { OcrReading, SourceText } from '#src/import/source.ts';

/** The resolution pages are rendered at: enough for 小四 text, little enough for a few seconds a page. */
export const OCR_DPI = 200;
/** A line whose mean word confidence is below this is listed for checking. */
export const LOW_CONFIDENCE = 70;
/** More pages than any 通报: a bound on time for a file that is something else. */
const MAX_PAGES = 60;

const PACKAGES = 'apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils';

/** A program on PATH (or at the path an environment variable names); undefined when absent. */
function findProgram(name: string, env: string): string | undefined {
  const override = process.env[env];
  if (override) return existsSync(override) ? override : undefined;
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  return undefined;
}

/** Runs a program to its end; rejects with its first line of error output. */
function run(program: string, args: string[], timeout: number): Promise<void> {
  return new Promise((resolve, reject) => {
    // One thread each: pages are read two at a time instead, on a machine that has other work too.
    const child = spawn(program, args, { stdio: ['ignore', 'ignore', 'pipe'], timeout, env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(
            signal ? `${path.basename(program)} stopped (${signal})` : (stderr.trim().split('\n').at(-1) ?? `${path.basename(program)} exited ${code}`),
          ),
        );
    });
  });
}

const CJK = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef\\u2018-\\u201f\\u2026\\u2014';
/** OCR puts a space between Han characters (and beside Chinese punctuation); such spaces are not in the text. */
export function removeCjkSpaces(text: string): string {
  return text.replace(new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, 'gu'), '');
}

const FULL_WIDTH: Record<string, string> = { '(': '（', ')': '）', ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };

/**
 * Chinese text prints full-width punctuation; Tesseract's chi_sim often reads it half-width, with spaces around:
 * (一 ) for （一）, 1. 关于 for 1．关于, 统筹抓整改落实 ; for ；. Half-width punctuation beside a Han character is made
 * full-width, and a problem's number 1. (with a stray comma read after it) becomes 1．, as the report's headings read.
 */
export function normalizeOcrPunctuation(line: string): string {
  const han = '\\p{Script=Han}';
  return line
    .replace(/^(\d{1,2})\s*[.．·,，、]+\s*(?=\p{Script=Han})/u, '$1．')
    .replace(
      new RegExp(`(?<=[${han}（])\\s*([(),;:?!])|([(),;:?!])\\s*(?=[${han}])`, 'gu'),
      (_, before: string | undefined, after: string | undefined) => FULL_WIDTH[before ?? after ?? ''] ?? '',
    )
    .replace(/(?<=[（），；：？！])\s+|\s+(?=[（），；：？！])/gu, '');
}

/** One line as Tesseract read it. */
export interface OcrLine {
  text: string;
  confidence: number;
}

/** Rebuilds the lines of one page from Tesseract's TSV (level 5 = word, with block, paragraph and line numbers). */
export function readTesseractTsv(tsv: string): OcrLine[] {
  const lines = new Map<string, { words: string[]; confidences: number[] }>();
  for (const row of tsv.split('\n').slice(1)) {
    const cells = row.split('\t');
    if (cells[0] !== '5' || cells.length < 12) continue;
    const text = cells.slice(11).join('\t').trim();
    if (!text) continue;
    const key = `${cells[2]}.${cells[3]}.${cells[4]}`;
    const line = lines.get(key) ?? { words: [], confidences: [] };
    line.words.push(text);
    line.confidences.push(Number(cells[10]));
    lines.set(key, line);
  }
  return [...lines.values()].map(({ words, confidences }) => ({
    text: normalizeOcrPunctuation(removeCjkSpaces(words.join(' '))),
    confidence: Math.round(confidences.reduce((sum, value) => sum + value, 0) / confidences.length),
  }));
}

/** Reads a scanned PDF's pages with OCR into text laid out as a PDF's (wrapped lines, a blank line per page). Throws ImportError. */
export async function readScannedPdf(file: string): Promise<SourceText> {
  const pdftoppm = findProgram('pdftoppm', 'PDFTOPPM_PATH');
  const tesseract = findProgram('tesseract', 'TESSERACT_PATH');
  if (!pdftoppm || !tesseract) {
    throw new ImportError(
      `OCR 需要 ${[!tesseract && 'Tesseract', !pdftoppm && 'poppler (pdftoppm)'].filter(Boolean).join(' 和 ')}：请安装 install it: ${PACKAGES}`,
    );
  }
  const langs = spawnSync(tesseract, ['--list-langs'], { encoding: 'utf8' });
  if (!/^chi_sim$/mu.test(`${langs.stdout}${langs.stderr}`)) throw new ImportError(`OCR 需要 Tesseract 的简体中文模型 chi_sim：请安装 install it: ${PACKAGES}`);
  const version = /tesseract\s+v?([\d.]+)/iu.exec(spawnSync(tesseract, ['--version'], { encoding: 'utf8' }).stdout)?.[1] ?? '';
  const work = mkdtempSync(path.join(tmpdir(), 'rk-ocr-'));
  try {
    try {
      await run(pdftoppm, ['-r', String(OCR_DPI), '-gray', '-png', '-l', String(MAX_PAGES), file, path.join(work, 'page')], 300_000);
    } catch (error) {
      throw new ImportError(`无法渲染 cannot render ${file} for OCR: ${(error as Error).message}`);
    }
    const images = readdirSync(work)
      .filter((name) => name.endsWith('.png'))
      .sort();
    if (images.length === 0) throw new ImportError(`无法渲染 cannot render ${file} for OCR: it has no pages`);
    const pages: OcrLine[][] = new Array(images.length);
    let next = 0;
    const worker = async () => {
      while (next < images.length) {
        const index = next++;
        const image = path.join(work, images[index] ?? '');
        await run(tesseract, [image, image, '-l', 'chi_sim', '--psm', '4', 'tsv'], 180_000);
        pages[index] = readTesseractTsv(await readFile(`${image}.tsv`, 'utf8'));
      }
    };
    try {
      await Promise.all([worker(), worker()]);
    } catch (error) {
      throw new ImportError(`OCR 失败 Tesseract could not read ${file}: ${(error as Error).message}`);
    }
    const out: string[] = [];
    const lowConfidence: OcrReading['lowConfidence'] = [];
    pages.forEach((lines, page) => {
      for (const line of lines) {
        out.push(line.text);
        if (line.confidence < LOW_CONFIDENCE) lowConfidence.push({ line: out.length, page: page + 1, confidence: line.confidence, text: line.text });
      }
      out.push('');
    });
    const engine = `tesseract ${version} chi_sim, ${OCR_DPI} dpi`.replace(/\s+/gu, ' ');
    return {
      text: out.join('\n'),
      format: 'pdf',
      encoding: `OCR (${engine})`,
      layout: 'wrapped',
      ocr: { engine, pages: pages.length, threshold: LOW_CONFIDENCE, lowConfidence },
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
