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

/** The report's numbered sections by key: 一、organisation, 二、implementation (the problems), 三、plan. A report
 * without an organisation section numbers the rest from 一、, as it prints them. */
export function getReportSections(report: ReportEntry): { organisation?: ReportSection; implementation: ReportSection; plan: ReportSection } {
  const present = reportSectionKeys.filter((key) => report.data[key] !== undefined);
  const entries = present.map((key, index) => [key, { key, ordinal: formatSectionOrdinal(index + 1), heading: report.data[key]?.heading ?? '' }]);
  return Object.fromEntries(entries) as { organisation?: ReportSection; implementation: ReportSection; plan: ReportSection };
}

/** One status group of section 二: its ordinal, the report's heading and intro, and its problems in order. */
export interface StatusGroup<T extends IssueEntry = IssueEntry> {
  status: IssueStatus;
  /** The ordinal as the report prints it, e.g. （一） */
  ordinal: string;
  heading: string;
  /** The group's opening paragraph; absent where the report prints none. */
  intro: string | undefined;
  issues: T[];
}

/** The status groups of a report that hold problems, in the report's order (completed, then ongoing), numbered in sequence. */
export function listStatusGroups<T extends IssueEntry>(report: ReportEntry, issues: readonly T[]): StatusGroup<T>[] {
  const { implementation } = report.data;
  const text: Record<IssueStatus, { heading: string; intro: string | undefined }> = {
    completed: { heading: implementation.completedHeading, intro: implementation.completedIntro },
    ongoing: { heading: implementation.ongoingHeading, intro: implementation.ongoingIntro },
  };
  // An all-completed report has no ongoing group: no empty group is listed.
  return issueStatuses
    .map((status) => ({ status, ...text[status], issues: listIssuesByStatus(report.id, status, issues) }))
    .filter((group) => group.issues.length > 0)
    .map((group, index) => ({ ...group, ordinal: formatSubsectionOrdinal(index + 1) }));
}
