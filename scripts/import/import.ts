// Imports one report: reads the source, prepares and validates the collection's files (src/import), and only
// then moves the folder into place.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ImportError } from '#src/import/errors.ts';
import { prepareImport } from '#src/import/prepare.ts';
import { preparePublishedSource } from '#src/import/published.ts';
import type { ImportOutcome } from '#src/import/summary.ts';
import { readIssuesFromDisk, readReportsFromDisk } from '#src/loaders/disk.ts';
import type { IssueStatus } from '#src/schemas/issue.ts';
import { readSource } from './read.ts';

export interface ImportOptions {
  /** The source file: .txt (UTF-8 or GB18030), .docx, .doc/.wps/.odt (through LibreOffice), .pdf, or a saved web page .html/.htm. */
  file: string;
  /** The folder holding one sub-folder per report, e.g. content/reports. */
  reportsDir: string;
  /** The report's id (folder name); derived from the report's date when absent. */
  id?: string | undefined;
  /** Parse and validate, write nothing. */
  dryRun?: boolean | undefined;
  /** Replace an existing report folder of the same id. */
  force?: boolean | undefined;
  /** The level that holds the problems where the structure has two readings, as an ordinal: 一、 （一） 1. （1）. */
  problemsAt?: string | undefined;
  /** The status of problems whose status the report states nowhere (otherwise the import refuses them). */
  status?: IssueStatus | undefined;
  /** Read a scanned PDF with OCR (Tesseract); the report is then marked as read by OCR until an editor confirms it. */
  ocr?: boolean | undefined;
}

/** Runs the whole import. Throws ImportError (naming the line where there is one) and then writes nothing. */
export async function importReport(options: ImportOptions): Promise<ImportOutcome> {
  const source = await readSource(options.file, { ocr: options.ocr });
  // The collection already there, to propose continues links against (what cannot be read is simply not matched).
  const reportsDir = path.resolve(options.reportsDir);
  const existing = existsSync(reportsDir) ? { reports: readReportsFromDisk(reportsDir).reports, issues: readIssuesFromDisk(reportsDir).issues } : undefined;
  const prepared = prepareImport(source, options.id, existing, { problemsAt: options.problemsAt, defaultStatus: options.status });
  const dir = path.join(path.resolve(options.reportsDir), prepared.id);
  const exists = existsSync(dir);
  if (exists && !options.force) {
    throw new ImportError(`报告目录已存在 ${dir} already exists: pass --force to replace it, or --id to choose another id`);
  }
  const { text: _text, ...read } = source;
  // The source document itself goes into the report folder too, as source.<ext>: the build publishes it as 原文.
  const published = preparePublishedSource(await readFile(options.file), path.extname(options.file));
  const result: ImportOutcome = { ...prepared, file: options.file, dir, written: false, replaced: false, source: read, published };
  if (options.dryRun) return result;

  const files = new Map<string, string | Uint8Array>([...prepared.files, [published.fileName, published.bytes]]);
  await writeReportFolder(path.resolve(options.reportsDir), prepared.id, files);
  return { ...result, written: true, replaced: exists };
}

/**
 * Writes the files into a temporary folder beside the reports folder (content/.import-*: same file system, and
 * outside the collection so a concurrent build never sees half a report), then renames it into place. An existing
 * folder (only with --force) is moved aside first and removed once the new one is in place.
 */
async function writeReportFolder(reportsDir: string, id: string, files: Map<string, string | Uint8Array>): Promise<void> {
  await mkdir(reportsDir, { recursive: true });
  const staging = await mkdtemp(path.join(path.dirname(reportsDir), `.import-${id}-`));
  const target = path.join(reportsDir, id);
  const aside = `${staging}-previous`;
  try {
    const folder = path.join(staging, id);
    for (const [name, content] of files) {
      const file = path.join(folder, name);
      await mkdir(path.dirname(file), { recursive: true });
      await (typeof content === 'string' ? writeFile(file, content, 'utf8') : writeFile(file, content));
    }
    const replacing = existsSync(target);
    if (replacing) await rename(target, aside);
    try {
      await rename(folder, target);
    } catch (error) {
      if (replacing) await rename(aside, target);
      throw error;
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(aside, { recursive: true, force: true });
  }
}
