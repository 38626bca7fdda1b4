import { type IssueStatus, issueStatuses } from '#src/schemas/issue.ts';
import type { IssueEntry, ReportEntry } from './entries.ts';

/** The totals a report may state. */
export type TotalKey = 'items' | 'problems' | 'completed' | 'ongoing' | 'longTerm';

/** One total as the outputs show it: the report's own figure, or the count of its entries where it states none. */
export interface ShownTotal {
  key: TotalKey;
  value: number;
  /** True where the report states this total; false where the figure is the count of the entries (shown as such). */
  stated: boolean;
}

/** Counts derived from a report's entries beside the totals the report states. */
export interface ReportStats {
  total: number;
  byStatus: Record<IssueStatus, number>;
  completed: number;
  ongoing: number;
  longTerm: number;
  /** The statuses the outputs show: completed and ongoing always, long-term where the report has or states some. */
  statuses: IssueStatus[];
  /** Share of problems completed, 0 to 1 (0 when there are none). */
  shareCompleted: number;
  /** The totals the report states; a field is absent where it states none. */
  declared: ReportEntry['data']['declared'];
  /** Whether every stated total equals the derived count (true where none is stated). */
  matchesDeclared: boolean;
  /** Whether the report states the problem total and both status counts, so no shown figure is merely counted. */
  allStated: boolean;
  /**
   * The totals to show, in order: 项 only where stated (entries cannot count it), then problems, completed and
   * ongoing, each the stated figure or, where the report states none, the counted one marked `stated: false`.
   */
  totals: ShownTotal[];
}

/** Statistics of one report, counted from its problem entries. */
export function getReportStats(report: ReportEntry, issues: readonly IssueEntry[]): ReportStats {
  const own = issues.filter((issue) => issue.data.report === report.id);
  const byStatus = Object.fromEntries(issueStatuses.map((status) => [status, own.filter((i) => i.data.status === status).length])) as Record<
    IssueStatus,
    number
  >;
  const total = own.length;
  const declared = report.data.declared ?? {};
  const counted = { problems: total, completed: byStatus.completed, ongoing: byStatus.ongoing, longTerm: byStatus.longTerm };
  const statuses = issueStatuses.filter((status) => status !== 'longTerm' || byStatus.longTerm > 0 || declared.longTerm !== undefined);
  const countedKeys: Exclude<TotalKey, 'items'>[] = ['problems', ...statuses];
  const totals: ShownTotal[] = [
    ...(declared.items === undefined ? [] : [{ key: 'items' as const, value: declared.items, stated: true }]),
    ...countedKeys.map((key) => ({ key, value: declared[key] ?? counted[key], stated: declared[key] !== undefined })),
  ];
  return {
    total,
    byStatus,
    completed: byStatus.completed,
    ongoing: byStatus.ongoing,
    longTerm: byStatus.longTerm,
    statuses,
    shareCompleted: total === 0 ? 0 : byStatus.completed / total,
    declared,
    matchesDeclared: countedKeys.every((key) => declared[key] === undefined || declared[key] === counted[key]),
    allStated: countedKeys.every((key) => declared[key] !== undefined),
    totals,
  };
}

/** A share as a Chinese-style percentage with at most one decimal, e.g. 88%. */
export function formatShare(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}
