// The one module that reads the content collections; everything else takes entries as arguments.
import { getCollection } from 'astro:content';
import type { IssueEntry, ReportEntry } from './entries.ts';
import { sortReportsNewestFirst } from './order.ts';

/** Every report, newest first. */
export async function loadReports(): Promise<ReportEntry[]> {
  const reports = await getCollection('reports');
  return sortReportsNewestFirst(reports.map(({ id, data, filePath }) => ({ id, data, filePath })));
}

/** Every problem of every report, with its raw body. */
export async function loadIssues(): Promise<IssueEntry[]> {
  const issues = await getCollection('issues');
  return issues.map(({ id, data, body, filePath }) => ({ id, data, body, filePath }));
}

/** Reports and problems together, as most pages need both. */
export async function loadArchive(): Promise<{ reports: ReportEntry[]; issues: IssueEntry[] }> {
  const [reports, issues] = await Promise.all([loadReports(), loadIssues()]);
  return { reports, issues };
}
