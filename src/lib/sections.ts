// The report's numbered structure (一、二、三 and the status groups （一）（二） of section 二), derived once from
// the entries so the report page renders it and never recomputes it.
import { issueStatuses } from '#src/schemas/issue.ts';
import type { IssueEntry, IssueStatus, ReportEntry } from './entries.ts';
import { formatChineseNumeral } from './numerals.ts';
import { listIssuesByStatus, listReportIssues } from './order.ts';

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

/**
 * The report's sections by key, each with the ordinal it prints (一、organisation, 二、implementation, 三、plan, or
 * its own, e.g. （四） for a plan). A section is listed only where the report heads it: a report whose problems
 * stand under no 整改落实情况 heading, or whose plan is an unheaded 下一步 paragraph, has no such section here.
 */
export function getReportSections(report: ReportEntry): Partial<Record<(typeof reportSectionKeys)[number], ReportSection>> {
  const present = reportSectionKeys.filter((key) => report.data[key]?.heading !== undefined);
  const entries = present.map((key, index) => [
    key,
    { key, ordinal: report.data[key]?.ordinal ?? formatSectionOrdinal(index + 1), heading: report.data[key]?.heading ?? '' },
  ]);
  return Object.fromEntries(entries);
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

/** A status group's heading and opening paragraph as the report prints them (the schema supplies the standard heading). */
export function getStatusGroupText(report: ReportEntry, status: IssueStatus): { heading: string; intro: string | undefined } {
  const { implementation } = report.data;
  return { heading: implementation[`${status}Heading`], intro: implementation[`${status}Intro`] };
}

/** The status groups of a report that hold problems, in the report's order (completed, then ongoing), numbered in sequence. */
export function listStatusGroups<T extends IssueEntry>(report: ReportEntry, issues: readonly T[]): StatusGroup<T>[] {
  // An all-completed report has no ongoing group: no empty group is listed.
  return issueStatuses
    .map((status) => ({ status, ...getStatusGroupText(report, status), issues: listIssuesByStatus(report.id, status, issues) }))
    .filter((group) => group.issues.length > 0)
    .map((group, index) => ({ ...group, ordinal: formatSubsectionOrdinal(index + 1) }));
}

/** A group of problems as the report prints it, with its problems and subgroups in printed order. */
export interface IssueGroupNode<T extends IssueEntry = IssueEntry> {
  /** Its key (1, 1.2); a status group of the seed's layout is keyed by its position. */
  key: string;
  /** The ordinal as printed, e.g. （一）; absent where the heading has none. */
  ordinal: string | undefined;
  heading: string;
  intro: readonly string[];
  /** The status its heading states, where it states one. */
  status: IssueStatus | undefined;
  /** Its depth, 1 for a top-level group. */
  depth: number;
  issues: T[];
  children: IssueGroupNode<T>[];
}

/**
 * The report's groups of problems as it prints them: its own `groups` (方面, categories, units, themes), or, where it
 * has none, its status groups (已整改完成的问题, 持续整改的问题, …). Problems outside any group come in a group of
 * their own with no heading, so every problem is listed once.
 */
export function listIssueGroups<T extends IssueEntry>(report: ReportEntry, issues: readonly T[]): IssueGroupNode<T>[] {
  const own = listReportIssues(report.id, issues);
  if (report.data.groups.length === 0) {
    return listStatusGroups(report, own).map((group, index) => ({
      key: String(index + 1),
      ordinal: group.ordinal,
      heading: group.heading,
      intro: group.intro === undefined ? [] : [group.intro],
      status: group.status,
      depth: 1,
      issues: group.issues,
      children: [],
    }));
  }
  const nodes = new Map<string, IssueGroupNode<T>>();
  const roots: IssueGroupNode<T>[] = [];
  for (const group of report.data.groups) {
    const node: IssueGroupNode<T> = {
      key: group.key,
      ordinal: group.ordinal,
      heading: group.heading,
      intro: group.intro,
      status: group.status,
      depth: group.key.split('.').length,
      issues: [],
      children: [],
    };
    nodes.set(group.key, node);
    const parent = nodes.get(group.key.split('.').slice(0, -1).join('.'));
    (parent ? parent.children : roots).push(node);
  }
  const loose: T[] = [];
  for (const issue of own) {
    const node = issue.data.group === undefined ? undefined : nodes.get(issue.data.group);
    (node ? node.issues : loose).push(issue);
  }
  if (loose.length > 0) roots.push({ key: '0', ordinal: undefined, heading: '', intro: [], status: undefined, depth: 1, issues: loose, children: [] });
  return roots;
}

/** The groups a problem is printed under, outermost first (empty where the report prints it under none). */
export function getIssueGroupPath(report: ReportEntry, issue: Pick<IssueEntry, 'data'>): ReportEntry['data']['groups'] {
  const key = issue.data.group;
  if (key === undefined) {
    if (report.data.groups.length > 0) return [];
    const { status } = issue.data;
    return [{ key: status, heading: getStatusGroupText(report, status).heading, intro: [], status }];
  }
  const segments = key.split('.');
  return segments
    .map((_, index) => report.data.groups.find((group) => group.key === segments.slice(0, index + 1).join('.')))
    .filter((group) => group !== undefined);
}

/** A group's heading with its ordinal, as printed, e.g. （一）在“…”方面. */
export function formatGroupHeading(group: { ordinal?: string | undefined; heading: string }): string {
  return `${group.ordinal ?? ''}${group.heading}`;
}
