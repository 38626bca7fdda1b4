// The report's numbered structure (一、二、三 and the status groups （一）（二） of section 二), derived once from
// the entries so the report page renders it and never recomputes it.
import { issueStatuses } from '#src/schemas/issue.ts';
import type { IssueEntry, IssueStatus, ReportEntry } from './entries.ts';
import { formatChineseNumeral } from './numerals.ts';
import { listIssuesByStatus } from './order.ts';

export { formatChineseNumeral };

/** The ordinal of a top-level section, e.g. 二、 */
export function formatSectionOrdinal(position: number): string {
  return `${formatChineseNumeral(position)}、`;
}

/** The ordinal of a sub-section, e.g. （一） */
export function formatSubsectionOrdinal(position: number): string {
  return `（${formatChineseNumeral(position)}）`;
}

/** The numbered sections of a report's body, in the report's order. */
export const reportSectionKeys = ['organisation', 'implementation', 'plan'] as const;

/** One numbered section of a report's body. */
export interface ReportSection {
  key: (typeof reportSectionKeys)[number];
  /** The ordinal as the report prints it, e.g. 一、 */
  ordinal: string;
  /** The heading as the report prints it, without its ordinal. */
  heading: string;
}

/** The report's numbered sections by key: 一、organisation, 二、implementation (the problems), 三、plan. */
export function getReportSections(report: ReportEntry): Record<ReportSection['key'], ReportSection> {
  const entries = reportSectionKeys.map((key, index) => [key, { key, ordinal: formatSectionOrdinal(index + 1), heading: report.data[key].heading }]);
  return Object.fromEntries(entries) as Record<ReportSection['key'], ReportSection>;
}

/** One status group of section 二: its ordinal, the report's heading and intro, and its problems in order. */
export interface StatusGroup<T extends IssueEntry = IssueEntry> {
  status: IssueStatus;
  /** The ordinal as the report prints it, e.g. （一） */
  ordinal: string;
  heading: string;
  intro: string;
  issues: T[];
}

/** The status groups of a report, in the report's order (completed, then ongoing), each with its problems. */
export function listStatusGroups<T extends IssueEntry>(report: ReportEntry, issues: readonly T[]): StatusGroup<T>[] {
  const { implementation } = report.data;
  const text: Record<IssueStatus, { heading: string; intro: string }> = {
    completed: { heading: implementation.completedHeading, intro: implementation.completedIntro },
    ongoing: { heading: implementation.ongoingHeading, intro: implementation.ongoingIntro },
  };
  return issueStatuses.map((status, index) => ({
    status,
    ordinal: formatSubsectionOrdinal(index + 1),
    ...text[status],
    issues: listIssuesByStatus(report.id, status, issues),
  }));
}
