import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectRoot } from './build.ts';

/** The small fictional report used by schema and build tests. */
export const minimalReportsDir = path.join(projectRoot, 'tests/fixtures/reports/minimal');

/** Fictional reports followed across rounds: two reports of one issuer linked by `continues`, and one of another issuer. */
export const roundsReportsDir = path.join(projectRoot, 'tests/fixtures/reports/rounds');
/** A fictional report whose problems need continuation slides: eight long inline measures, a 60-character title. */
export const longReportsDir = path.join(projectRoot, 'tests/fixtures/reports/long');
/** A fictional report printed in groups of its own (方面), with long-term problems and outcome figures. */
export const groupedReportsDir = path.join(projectRoot, 'tests/fixtures/reports/grouped');
/** The id of the long report (also part of the fixture site, tests/fixtures/site.ts). */
export const LONG_REPORT_ID = 'longdemo-2024';

/** Copies a reports folder to a fresh temp folder and returns its path. */
export function copyReports(from: string = minimalReportsDir): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'rk-reports-'));
  cpSync(from, dir, { recursive: true });
  return dir;
}

/** Rewrites one file of a reports folder with `edit`, failing loudly when the edit changes nothing. */
export function editFile(dir: string, relative: string, edit: (text: string) => string): void {
  const file = path.join(dir, relative);
  const before = readFileSync(file, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`fixture edit changed nothing in ${relative}`);
  writeFileSync(file, after);
}

/** A function that makes a fresh, empty reports folder under `parent` at each call (reports-1, reports-2, …). */
export function createReportsDirs(parent: string): () => string {
  let counter = 0;
  return () => {
    counter += 1;
    const dir = path.join(parent, `reports-${counter}`);
    mkdirSync(dir, { recursive: true });
    return dir;
  };
}
