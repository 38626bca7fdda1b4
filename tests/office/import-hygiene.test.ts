// Documents as they arrive (#21): every encoding Windows and WPS write, invisible characters, a saved page that
// carries scripts, broken and hostile files, and a scanned PDF read with --ocr. Built on the seed's layout.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { findInvisible, removeInvisible } from '#src/lib/hygiene.ts';
import { sanitizeSourceHtml } from '#src/lib/source-html.ts';
import { readIssuesFromDisk, readReportsFromDisk, validateReportsFolder } from '#src/loaders/disk.ts';
import { readParagraphs, secondReportFile, writeDocx, writeHostilePage, writePdf, writeScannedPdf } from '#tests/fixtures/import/generate.ts';
import { projectRoot } from '#tests/helpers/build.ts';
import { createReportsDirs } from '#tests/helpers/fixtures.ts';
import { importReport } from '../../scripts/import/import.ts';
import { normalizeOcrPunctuation, readTesseractTsv, removeCjkSpaces } from '../../scripts/import/ocr.ts';

const SEED_ID = 'szkj-20220422';
const seedReportsDir = path.join(projectRoot, 'content/reports');
const seedFile = path.join(seedReportsDir, SEED_ID, 'source.txt');
const seedText = readFileSync(seedFile, 'utf8');
/** The seed's problems as the collection holds them: file → title. */
const seedTitles = new Map(
  readIssuesFromDisk(seedReportsDir)
    .issues.filter((issue) => issue.data.report === SEED_ID)
    .map((issue) => [`${issue.data.status}-${String(issue.data.number).padStart(2, '0')}.mdx`, issue.data.title]),
);
const work = mkdtempSync(path.join(tmpdir(), 'rk-hygiene-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const freshReportsDir = createReportsDirs(work);

/** Runs the importer's CLI as a clerk would, bounded as the issue asks: 90 s, a 1.5 GB heap. */
function runCli(args: string[], timeout = 90_000): { status: number; stdout: string; stderr: string; ms: number; kb: number } {
  const started = Date.now();
  const result = spawnSync(
    '/usr/bin/time',
    ['-f', '%M', process.execPath, '--max-old-space-size=1536', path.join(projectRoot, 'scripts/import/cli.ts'), ...args],
    {
      cwd: projectRoot,
      encoding: 'utf8',
      timeout,
    },
  );
  // GNU time prints the peak resident set (KB) as the last line of stderr.
  const lines = result.stderr.trimEnd().split('\n');
  const kb = Number(lines.at(-1));
  return { status: result.status ?? 1, stdout: result.stdout, stderr: lines.slice(0, -1).join('\n'), ms: Date.now() - started, kb };
}

/** The written files of a report folder: relative path → text. */
function readFolder(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(path.relative(dir, path.join(entry.parentPath, entry.name)), readFileSync(path.join(entry.parentPath, entry.name), 'utf8'));
  }
  return files;
}

/** The problems of an imported report folder: file → title. */
function readTitles(reportsDir: string, id: string): Map<string, string> {
  return new Map(
    readIssuesFromDisk(reportsDir)
      .issues.filter((issue) => issue.data.report === id)
      .map((issue) => [path.basename(issue.filePath ?? ''), issue.data.title]),
  );
}

const bom = (bytes: number[], body: Buffer) => Buffer.concat([Buffer.from(bytes), body]);

describe('every encoding a Windows or WPS tool writes', () => {
  const forms: [string, () => Buffer, RegExp][] = [
    [
      'UTF-16 LE with a BOM (Notepad "Unicode"), CRLF',
      () => bom([0xff, 0xfe], iconv.encode(seedText.replace(/\n/gu, '\r\n'), 'utf-16le')),
      /utf-16le \(BOM\)/u,
    ],
    ['UTF-16 BE with a BOM', () => bom([0xfe, 0xff], iconv.encode(seedText, 'utf-16be')), /utf-16be \(BOM\)/u],
    ['UTF-8 with a BOM, CR line ends', () => bom([0xef, 0xbb, 0xbf], Buffer.from(seedText.replace(/\n/gu, '\r'), 'utf8')), /utf-8 \(BOM\)/u],
    ['UTF-8 without a BOM, CRLF', () => Buffer.from(seedText.replace(/\n/gu, '\r\n'), 'utf8'), /\(utf-8/u],
    ['GB18030', () => iconv.encode(seedText, 'gb18030'), /gb18030/u],
  ];
  for (const [name, bytes, encoding] of forms) {
    it(`imports the seed saved as ${name}: its problems and titles, the source kept in UTF-8`, () => {
      const file = path.join(work, `${name.replace(/\W+/gu, '-')}.txt`);
      writeFileSync(file, bytes());
      const reportsDir = freshReportsDir();
      const result = runCli([file, '--out', reportsDir, '--id', 'seed']);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toMatch(encoding);
      expect(readTitles(reportsDir, 'seed')).toEqual(seedTitles);
      const kept = readFileSync(path.join(reportsDir, 'seed', 'source.txt'), 'utf8');
      expect(kept.replace(/\r\n?/gu, '\n')).toBe(seedText);
      expect(validateReportsFolder(reportsDir)).toEqual([]);
    });
  }

  it('says what a text that is no report looked like, not which section it missed', () => {
    const cases: [string, Buffer, RegExp][] = [
      ['novel.txt', Buffer.from('从前有座山，山里有座庙，庙里有个老和尚。'.repeat(20), 'utf8'), /no 通报 heading found.*the text begins: “从前有座山/u],
      ['latin.txt', Buffer.from('Meeting notes. Budget review. '.repeat(20), 'latin1'), /mostly not Chinese.*the text begins: “Meeting notes/u],
      ['random.txt', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), /不像一份通报.*the text begins: “/u],
    ];
    for (const [name, bytes, message] of cases) {
      const file = path.join(work, name);
      writeFileSync(file, bytes);
      const reportsDir = freshReportsDir();
      const result = runCli([file, '--out', reportsDir]);
      expect(result.status, name).toBe(1);
      expect(result.stderr, name).toMatch(message);
      expect(result.stderr).not.toMatch(/section 一、|not found/u);
      expect(readdirSync(reportsDir)).toEqual([]);
    }
  });
});

describe('invisible characters', () => {
  // A bidi override in the title, a NUL and a BEL in a problem title, zero-width characters and a C1 control in a body.
  const inserted = ['\u202e', '\u0000', '\u0007', '\u200b', '\u2066', '\u0085', '\ufeff'];
  const dirty = seedText
    .replace('关于巡察“回头看”整改情况的通报', '关于巡察“回头看”\u202e整改情况的通报')
    .replace('1．关于局党组把关定向功能', '1．关于局党组\u0000把关\u0007定向功能')
    .replace('一、整改工作组织情况', '一、整改工作\u200b组织情况')
    .replace('（一）提高政治站位', '（一）提高\u2066政治\u0085站位\ufeff');

  it('are removed on import, counted and named by file and line in the summary, and reach no written file', () => {
    expect(findInvisible(dirty)).toHaveLength(inserted.length);
    const file = path.join(work, 'dirty.txt');
    writeFileSync(file, dirty);
    const reportsDir = freshReportsDir();
    const result = runCli([file, '--out', reportsDir, '--id', 'seed']);
    expect(result.status, result.stderr).toBe(0);
    const lineOf = (text: string) => dirty.split('\n').findIndex((line) => line.includes(text)) + 1;
    expect(result.stdout).toContain(`removed: ${inserted.length}（${file}: `);
    expect(result.stdout).toContain(`line ${lineOf('\u202e')} (U+202E)`);
    expect(result.stdout).toContain(`line ${lineOf('\u0007')} (U+0000, U+0007)`);
    for (const [name, text] of readFolder(path.join(reportsDir, 'seed'))) expect(findInvisible(text), name).toEqual([]);
    expect(readTitles(reportsDir, 'seed')).toEqual(seedTitles);
    expect(readReportsFromDisk(reportsDir).reports[0]?.data.title).toBe('关于巡察“回头看”整改情况的通报');
    expect(validateReportsFolder(reportsDir)).toEqual([]);
  });

  it('are removed from a .docx too', async () => {
    const paragraphs = readParagraphs(secondReportFile).map((text, index) => (index === 1 ? `${text.slice(0, 4)}\u202e\u200b${text.slice(4)}` : text));
    const docx = path.join(work, 'dirty.docx');
    await writeDocx(paragraphs, docx);
    const result = runCli([docx, '--out', freshReportsDir(), '--dry-run']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/removed: 2（.*dirty\.docx: line \d+ \(U\+202E, U\+200B\)）/u);
    const fromDocx = await importReport({ file: docx, reportsDir: freshReportsDir(), dryRun: true });
    for (const [name, text] of fromDocx.files) expect(findInvisible(text), name).toEqual([]);
    expect(fromDocx.parsed.data.title).toBe(readParagraphs(secondReportFile)[1]);
  }, 120_000);

  it('keep tabs and line breaks, and turn a form feed into a line break', () => {
    expect(removeInvisible('一\t二\r\n三\f四\u202e五')).toBe('一\t二\r\n三\n四五');
  });
});

describe('a saved page that carries scripts', () => {
  const disclosure = {
    indexNumber: '114300000012345678/2024-00012',
    publisher: '中共青川市文化广电和旅游局党组',
    published: '2024-01-18',
    documentNumber: '青文旅党〔2024〕3号',
  };
  let file = '';
  beforeAll(async () => {
    file = path.join(work, 'hostile.htm');
    await writeHostilePage(readParagraphs(secondReportFile), file, disclosure);
  });

  /** Everything in a page that could run or fetch: what an inert page must hold none of. */
  function listActive(html: string): string[] {
    const { document } = parseHTML(html);
    const found: string[] = [];
    for (const element of document.querySelectorAll('*')) {
      const tag = element.tagName.toLowerCase();
      if (['script', 'iframe', 'frame', 'object', 'embed', 'form', 'input', 'button', 'link', 'base', 'svg', 'style'].includes(tag)) found.push(`<${tag}>`);
      if (tag === 'meta' && /refresh/iu.test(element.getAttribute('http-equiv') ?? '')) found.push('<meta refresh>');
      for (const attribute of element.getAttributeNames()) {
        const value = element.getAttribute(attribute) ?? '';
        if (/^on/iu.test(attribute)) found.push(`${tag}[${attribute}]`);
        if (/^\s*javascript:/iu.test(value)) found.push(`${tag}[${attribute}=javascript:]`);
        if (/(?:^|url\()\s*(?:[a-z]+:)?\/\//iu.test(value)) found.push(`${tag}[${attribute}=${value}]`);
        if (attribute === 'style') found.push(`${tag}[style]`);
      }
    }
    return found;
  }

  it('holds active markup to begin with (so the checks below can fail)', () => {
    const raw = iconv.decode(readFileSync(file), 'gbk');
    expect(listActive(raw).length).toBeGreaterThan(10);
  });

  it('imports, and the source kept is sanitised: no script, handler, iframe, form, javascript: or remote reference', () => {
    const reportsDir = freshReportsDir();
    const result = runCli([file, '--out', reportsDir, '--id', 'qc']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/source\.html（\d+ bytes，由 gb18030 转为 UTF-8.*sanitised/u);
    const kept = readFileSync(path.join(reportsDir, 'qc', 'source.html'), 'utf8');
    expect(listActive(kept)).toEqual([]);
    expect(kept).not.toMatch(/\.example|__pwned|javascript:/u);
    // The article's text is all there.
    const text = parseHTML(kept).document.body.textContent ?? '';
    for (const paragraph of readParagraphs(secondReportFile).slice(1)) expect(text).toContain(paragraph);
    expect(kept).toContain('<meta http-equiv="Content-Security-Policy"');
    // Sanitising is stable: what the build does again to a published page changes nothing.
    expect(sanitizeSourceHtml(kept)).toBe(kept);
  });
});

describe('broken and hostile files are refused quickly, in at most four lines naming the file, writing nothing', () => {
  const cases: { name: string; make: () => Promise<string>; message: RegExp }[] = [];
  const add = (name: string, message: RegExp, make: () => Promise<string>) => cases.push({ name, make, message });
  add('a truncated .docx', /cannot read .* as docx/u, async () => {
    const file = path.join(work, 'report.docx');
    await writeDocx(readParagraphs(secondReportFile), file);
    const bytes = readFileSync(file);
    const truncated = path.join(work, 'truncated.docx');
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    return truncated;
  });
  add('a truncated PDF', /cannot read .* as pdf|scanned PDF/u, async () => {
    const file = path.join(work, 'report.pdf');
    await writePdf(readParagraphs(secondReportFile), file);
    const bytes = readFileSync(file);
    const truncated = path.join(work, 'truncated.pdf');
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 3)));
    return truncated;
  });
  add('a zip bomb named .docx (a 256 MB entry of zeros in a few hundred KB)', /cannot read .* as docx/u, async () => {
    // Inflated whole, it would take the importer past its memory bound; it is abandoned at MAX_PART_BYTES.
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', new Uint8Array(256 * 1024 * 1024), { compression: 'DEFLATE', compressionOptions: { level: 9 } });
    const file = path.join(work, 'bomb.docx');
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    return file;
  });
  add('a docx that is not XML', /cannot read .* as docx/u, async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<<<\u0000 not xml');
    const file = path.join(work, 'not-xml.docx');
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    return file;
  });
  add('random bytes named .pdf', /cannot read .* as pdf/u, async () => {
    const file = path.join(work, 'random.pdf');
    writeFileSync(file, Buffer.from(Array.from({ length: 65536 }, (_, i) => (i * 2654435761) % 251)));
    return file;
  });
  add('a billion-laughs page', /不像一份通报|not found|no text/u, async () => {
    const entities = [
      '<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">',
      ...Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`),
    ];
    const file = path.join(work, 'laughs.html');
    writeFileSync(file, `<?xml version="1.0"?><!DOCTYPE html [${entities.join('')}]><html><body><p>&j;</p></body></html>`);
    return file;
  });
  add('a scanned PDF without --ocr: the refusal says it is a scan and names the flag', /scanned PDF .*pass --ocr/u, async () => {
    const file = path.join(work, 'scan-one-page.pdf');
    await writeScannedPdf(readParagraphs(secondReportFile).slice(0, 10), file);
    return file;
  });
  for (const { name, make, message } of cases) {
    it(name, async () => {
      const file = await make();
      const reportsDir = freshReportsDir();
      const result = runCli([file, '--out', reportsDir]);
      expect(result.status, result.stderr).toBe(1);
      expect(result.ms).toBeLessThan(90_000);
      expect(result.kb).toBeLessThan(1.5 * 1024 * 1024);
      const lines = result.stderr.trim().split('\n');
      expect(lines.length, result.stderr).toBeLessThanOrEqual(4);
      expect(lines[0]).toContain(`Import failed, nothing was written: ${file}`);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/^\s+at /mu);
      expect(readdirSync(reportsDir)).toEqual([]);
      expect(readdirSync(path.dirname(reportsDir)).filter((entry) => entry.startsWith('.import-'))).toEqual([]);
    }, 180_000);
  }
});

describe('OCR output', () => {
  it('loses the spaces Tesseract puts between Han characters and reads its half-width punctuation as Chinese text prints it', () => {
    expect(removeCjkSpaces('关 于 巡 察 整改 2021 年')).toBe('关于巡察整改 2021 年');
    expect(normalizeOcrPunctuation('(一 ) 提高政治站位')).toBe('（一）提高政治站位');
    expect(normalizeOcrPunctuation('3.，关于对企业科技创新')).toBe('3．关于对企业科技创新');
    expect(normalizeOcrPunctuation('统筹抓整改落实 ; 班子其他成员')).toBe('统筹抓整改落实；班子其他成员');
    expect(normalizeOcrPunctuation('资金 4035.4 万元')).toBe('资金 4035.4 万元');
  });

  it('groups TSV words into lines with their mean confidence', () => {
    const header = 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
    const word = (line: number, conf: number, text: string) => `5\t1\t1\t1\t${line}\t1\t0\t0\t10\t10\t${conf}\t${text}`;
    expect(readTesseractTsv([header, word(1, 90, '关'), word(1, 80, '于'), word(2, 40, '通报')].join('\n'))).toEqual([
      { text: '关于', confidence: 85 },
      { text: '通报', confidence: 40 },
    ]);
  });
});

describe('a scanned PDF of the seed, read with --ocr', () => {
  it('gives the seed’s problems with their titles, marked as read by OCR, low-confidence lines listed', async () => {
    const scan = path.join(work, 'seed-scan.pdf');
    await writeScannedPdf(
      seedText.split('\n').filter((line) => line.trim().length > 0),
      scan,
    );
    const refused = runCli([scan, '--out', freshReportsDir()]);
    expect(refused.stderr).toMatch(/scanned PDF .*pass --ocr/u);
    const reportsDir = freshReportsDir();
    const result = runCli([scan, '--out', reportsDir, '--id', 'seed-ocr', '--ocr'], 600_000);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/OCR: \d+ pages \(tesseract [\d.]+ chi_sim, \d+ dpi\)/u);
    expect(result.stdout).toMatch(/low-confidence lines \(mean word confidence below \d+\): \d+/u);
    const titles = readTitles(reportsDir, 'seed-ocr');
    expect([...titles.keys()].sort()).toEqual([...seedTitles.keys()].sort());
    // OCR misreads a character here and there: each title is the seed's, but for at most two characters.
    let exact = 0;
    for (const [name, title] of seedTitles) {
      const read = titles.get(name) ?? '';
      const differing = [...title].filter((char, index) => [...read][index] !== char).length + Math.abs([...read].length - [...title].length);
      expect(differing, `${name}: ${read} ≠ ${title}`).toBeLessThanOrEqual(2);
      if (read === title) exact += 1;
    }
    console.info(`OCR of the seed: ${exact} of ${seedTitles.size} titles exact, in ${Math.round(result.ms / 1000)} s`);
    expect(exact).toBeGreaterThanOrEqual(seedTitles.size - 3);
    const yaml = parseYaml(readFileSync(path.join(reportsDir, 'seed-ocr', 'report.yaml'), 'utf8')) as { ocr?: { confirmed: boolean } };
    expect(yaml.ocr?.confirmed).toBe(false);
    expect(validateReportsFolder(reportsDir)).toEqual([]);
  }, 900_000);
});
