// The published source document of a report, kept beside its content as <reports>/<id>/source.<ext>.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { getReportsDir } from './paths.ts';

/** The formats a source document may have (every format the importer reads), in the order they are looked for. */
export const sourceExtensions = ['pdf', 'docx', 'doc', 'wps', 'odt', 'html', 'htm', 'txt'] as const;

/** A report's source document on disk. */
export interface ReportSource {
  /** The file name inside the report folder and inside the built report's folder, e.g. source.txt. */
  fileName: string;
  /** Absolute path on disk. */
  file: string;
  /** Size in bytes. */
  bytes: number;
  /** The format in capitals, as the download link shows it (TXT, PDF, HTML for .html and .htm, …). */
  format: string;
}

/** The source document of one report, or undefined when its folder holds none. */
export function findReportSource(reportId: string, reportsDir: string = getReportsDir()): ReportSource | undefined {
  for (const extension of sourceExtensions) {
    const fileName = `source.${extension}`;
    const file = path.join(reportsDir, reportId, fileName);
    if (existsSync(file)) return { fileName, file, bytes: statSync(file).size, format: (extension === 'htm' ? 'html' : extension).toUpperCase() };
  }
  return undefined;
}

/** The source document of every report of a folder that has one, by report id. */
export function listReportSources(reportsDir: string = getReportsDir()): Map<string, ReportSource> {
  const sources = new Map<string, ReportSource>();
  if (!existsSync(reportsDir)) return sources;
  for (const id of readdirSync(reportsDir).sort()) {
    const source = findReportSource(id, reportsDir);
    if (source) sources.set(id, source);
  }
  return sources;
}
