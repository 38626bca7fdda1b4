// Reads a report's source file from disk, converting .doc/.wps/.odt to .docx with headless LibreOffice first;
// extracting the text by format lives in src/import/source.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ImportError, ScannedPdfError } from '#src/import/errors.ts';
import { convertedExtensions, describeUnsupported, extractSourceText, type SourceText, supportedExtensions } from '#src/import/source.ts';
import { readScannedPdf } from './ocr.ts';

/** The LibreOffice binary: SOFFICE_PATH, else soffice or libreoffice on PATH; undefined when none is installed. */
export function findSoffice(): string | undefined {
  if (process.env['SOFFICE_PATH']) return existsSync(process.env['SOFFICE_PATH']) ? process.env['SOFFICE_PATH'] : undefined;
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
    for (const name of ['soffice', 'libreoffice']) if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

/** Converts a .doc/.wps/.odt to .docx bytes with headless LibreOffice (its own profile, so it runs beside an open one). */
function convertToDocx(file: string): Buffer {
  const soffice = findSoffice();
  const extension = path.extname(file).toLowerCase();
  if (!soffice) {
    throw new ImportError(
      `读取 ${extension} 需要 LibreOffice：请安装（apt-get install libreoffice-writer）或在 Word/WPS 中另存为 .docx。Reading ${extension} needs LibreOffice: install it (apt-get install libreoffice-writer) or save the file as .docx.`,
    );
  }
  const work = mkdtempSync(path.join(tmpdir(), 'rk-soffice-'));
  try {
    const profile = pathToFileURL(path.join(work, 'profile')).href;
    const result = spawnSync(
      soffice,
      [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', path.join(work, 'out'), file],
      { encoding: 'utf8', timeout: 120_000 },
    );
    const converted = existsSync(path.join(work, 'out')) ? readdirSync(path.join(work, 'out')).find((name) => name.endsWith('.docx')) : undefined;
    if (result.status !== 0 || !converted) {
      throw new ImportError(
        `LibreOffice 无法转换 ${file} LibreOffice could not convert it to .docx: ${(result.stderr || result.error?.message || '').trim().split('\n')[0]}`,
      );
    }
    return readFileSync(path.join(work, 'out', converted));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Reads a source file into text; a scanned PDF only with `ocr` (a PDF with a text layer is read from it either way).
 * Throws ImportError for a missing, unreadable or unsupported file.
 */
export async function readSource(file: string, options: { ocr?: boolean | undefined } = {}): Promise<SourceText> {
  const extension = path.extname(file).toLowerCase();
  if (!(supportedExtensions as readonly string[]).includes(extension)) throw new ImportError(describeUnsupported(extension));
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new ImportError(`无法读取文件 cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (!(convertedExtensions as readonly string[]).includes(extension)) {
    try {
      return await extractSourceText(bytes, extension, file);
    } catch (error) {
      if (error instanceof ScannedPdfError && options.ocr) return readScannedPdf(file);
      throw error;
    }
  }
  if (bytes.length === 0) throw new ImportError(`文件为空 the file is empty: ${file}`);
  const text = await extractSourceText(convertToDocx(file), '.docx', file);
  return { ...text, format: extension.slice(1), encoding: 'LibreOffice → docx' };
}
