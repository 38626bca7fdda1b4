// The report's numbered structure (一、二、三 and the status groups （一）（二） of section 二), derived once from
// the entries so the report page renders it and never recomputes it.
import { issueStatuses } from '#src/schemas/issue.ts';
import type { IssueEntry, IssueStatus, ReportEntry } from './entries.ts';
import { listIssuesByStatus } from './order.ts';

const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A whole number from 1 to 99 in Chinese numerals, as reports number their sections: 一, 十, 十二, 二十一. */
export function formatChineseNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 99) throw new RangeError(`formatChineseNumeral: ${value} is not a whole number from 1 to 99`);
  if (value <= 10) return NUMERALS[value] ?? '';
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  return `${tens === 1 ? '' : NUMERALS[tens]}十${ones === 0 ? '' : NUMERALS[ones]}`;
}

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
