import path from 'node:path';

/** The folder holding one sub-folder per report; REPORTS_DIR overrides it (tests build fixtures this way). */
export function getReportsDir(root: string = process.cwd()): string {
  return path.resolve(root, process.env['REPORTS_DIR'] ?? 'content/reports');
}
