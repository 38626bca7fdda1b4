import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { glob, type Loader } from 'astro/loaders';
import { parse } from 'yaml';
import type { ReportEntry } from '../lib/entries.ts';
import { reportSchema } from '../schemas/report.ts';
import { getReportsDir } from './paths.ts';

/** Loads one entry per report from <reports>/<report-id>/report.yaml; the folder name is the id. */
export function reportsLoader(): Loader {
  return glob({
    base: getReportsDir(),
    pattern: '*/report.yaml',
    generateId: ({ entry }) => entry.split('/')[0] ?? entry,
  });
}

/**
 * Reads and validates every report straight from disk. The issues loader needs the reports for its
 * cross-entry checks, and a loader cannot read another collection's store.
 */
export function readReportsFromDisk(dir: string = getReportsDir()): { reports: ReportEntry[]; errors: string[] } {
  const reports: ReportEntry[] = [];
  const errors: string[] = [];
  if (!existsSync(dir)) return { reports, errors: [`${dir}: the reports folder does not exist`] };
  for (const id of readdirSync(dir).sort()) {
    const file = path.join(dir, id, 'report.yaml');
    if (!existsSync(file)) continue;
    const relative = path.relative(process.cwd(), file);
    try {
      const result = reportSchema.safeParse(parse(readFileSync(file, 'utf8')));
      if (result.success) reports.push({ id, data: result.data, filePath: relative });
      else errors.push(...result.error.issues.map((issue) => `${relative}: ${issue.path.join('.') || '(root)'}: ${issue.message}`));
    } catch (error) {
      errors.push(`${relative}: ${(error as Error).message}`);
    }
  }
  return { reports, errors };
}
