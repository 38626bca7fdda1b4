import { type IssueStatus, issueStatuses } from '#src/schemas/issue.ts';
import type { IssueEntry, ReportEntry } from './entries.ts';

/** The URL slug of a problem within its report: its file name, e.g. completed-01 or 02-01-03. */
export function getIssueSlug(issue: Pick<IssueEntry, 'id'>): string {
  return issue.id.slice(issue.id.indexOf('/') + 1);
}

/** A problem's ordinal as printed, e.g. （1）; the seed's problems print theirs as N．. */
export function getPrintedOrdinal(issue: Pick<IssueEntry, 'data'>): string {
  return issue.data.ordinal ?? `${issue.data.number}．`;
}

/** Compares two group keys (1, 1.2) in printed order: by position at each level, a parent before its children. */
export function compareGroupKeys(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let index = 0; index < Math.min(left.length, right.length); index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}

/**
 * Compares problems in the report's printed order: by their group's position where the report prints groups of
 * its own, else by status (the seed's status groups: completed before ongoing before long-term); then by number.
 */
export function compareIssues(a: Pick<IssueEntry, 'data'>, b: Pick<IssueEntry, 'data'>): number {
  const byGroup = a.data.group !== undefined && b.data.group !== undefined ? compareGroupKeys(a.data.group, b.data.group) : 0;
  if (byGroup !== 0) return byGroup;
  // Only the seed's status groups (no group of the report's own, the status read from the group heading) put status
  // first; within a group, or in a flat list whose status stands in lines or phrases, the printed number is the order.
  const inStatusGroup = (issue: Pick<IssueEntry, 'data'>) => issue.data.group === undefined && (issue.data.statusFrom ?? 'heading') === 'heading';
  const byStatus = inStatusGroup(a) && inStatusGroup(b) ? issueStatuses.indexOf(a.data.status) - issueStatuses.indexOf(b.data.status) : 0;
  return byStatus || a.data.number - b.data.number;
}

/** The problems of one report, in the report's order. */
export function listReportIssues<T extends IssueEntry>(reportId: string, issues: readonly T[]): T[] {
  return issues.filter((issue) => issue.data.report === reportId).sort(compareIssues);
}

/** The problems of one report with a given status, in printed order across the report's groups. */
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
