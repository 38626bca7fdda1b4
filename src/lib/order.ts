import { type IssueStatus, issueStatuses } from '#src/schemas/issue.ts';
import type { IssueEntry, ReportEntry } from './entries.ts';

/** The URL slug of a problem within its report, e.g. completed-01. */
export function getIssueSlug(issue: Pick<IssueEntry, 'data'>): string {
  return `${issue.data.status}-${String(issue.data.number).padStart(2, '0')}`;
}

/** Compares problems in the report's order: completed before ongoing, then by number. */
export function compareIssues(a: Pick<IssueEntry, 'data'>, b: Pick<IssueEntry, 'data'>): number {
  return issueStatuses.indexOf(a.data.status) - issueStatuses.indexOf(b.data.status) || a.data.number - b.data.number;
}

/** The problems of one report, in the report's order. */
export function listReportIssues<T extends IssueEntry>(reportId: string, issues: readonly T[]): T[] {
  return issues.filter((issue) => issue.data.report === reportId).sort(compareIssues);
}

/** The problems of one report with a given status, in order. */
export function listIssuesByStatus<T extends IssueEntry>(reportId: string, status: IssueStatus, issues: readonly T[]): T[] {
  return listReportIssues(reportId, issues).filter((issue) => issue.data.status === status);
}

/** The problems before and after one problem in its report's order. */
export function getAdjacentIssues<T extends IssueEntry>(issue: T, issues: readonly T[]): { prev: T | undefined; next: T | undefined } {
  const ordered = listReportIssues(issue.data.report, issues);
  const index = ordered.findIndex((candidate) => candidate.id === issue.id);
  return { prev: index > 0 ? ordered[index - 1] : undefined, next: index >= 0 ? ordered[index + 1] : undefined };
}

/** Reports newest first (by the report's date, then id). */
export function sortReportsNewestFirst<T extends ReportEntry>(reports: readonly T[]): T[] {
  return [...reports].sort((a, b) => b.data.date.localeCompare(a.data.date) || a.id.localeCompare(b.id));
}
