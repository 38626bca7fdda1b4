import { type IssueStatus, issueStatuses } from '#src/schemas/issue.ts';
import type { IssueEntry, ReportEntry } from './entries.ts';

/** Counts derived from a report's entries beside the totals the report declares. */
export interface ReportStats {
  total: number;
  byStatus: Record<IssueStatus, number>;
  completed: number;
  ongoing: number;
  /** Share of problems completed, 0 to 1 (0 when there are none). */
  shareCompleted: number;
  declared: ReportEntry['data']['declared'];
  /** Whether every declared total equals the derived count. */
  matchesDeclared: boolean;
}

/** Statistics of one report, counted from its problem entries. */
export function getReportStats(report: ReportEntry, issues: readonly IssueEntry[]): ReportStats {
  const own = issues.filter((issue) => issue.data.report === report.id);
  const byStatus = Object.fromEntries(issueStatuses.map((status) => [status, own.filter((i) => i.data.status === status).length])) as Record<
    IssueStatus,
    number
  >;
  const total = own.length;
  const { declared } = report.data;
  return {
    total,
    byStatus,
    completed: byStatus.completed,
    ongoing: byStatus.ongoing,
    shareCompleted: total === 0 ? 0 : byStatus.completed / total,
    declared,
    matchesDeclared: declared.problems === total && declared.completed === byStatus.completed && declared.ongoing === byStatus.ongoing,
  };
}

/** A share as a Chinese-style percentage with at most one decimal, e.g. 88%. */
export function formatShare(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}
