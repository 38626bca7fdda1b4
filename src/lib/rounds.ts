// Rounds: a problem followed from report to report through the `continues` links of its entries.
import type { IssueStatus } from '#src/schemas/issue.ts';
import type { IssueEntry, ReportEntry } from './entries.ts';
import { compareIssues, getIssueSlug } from './order.ts';
import { normalizeTitle } from './text.ts';

/** One round of a problem: the problem as one report states it. */
export interface Round {
  /** The problem entry's id, e.g. szkj-20220422/ongoing-01. */
  issueId: string;
  /** The key `continues` uses: <report-id>/<problem-slug>. */
  key: string;
  reportId: string;
  reportTitle: string;
  issuer: string;
  /** The report's date, YYYY-MM-DD. */
  date: string;
  status: IssueStatus;
  number: number;
  slug: string;
  /** The problem's title as printed in that report. */
  title: string;
}

/** A problem this report carries on from an earlier one: its earlier rounds and how it stands now. */
export interface CarriedIssue {
  issue: IssueEntry;
  /** Earlier rounds, oldest first, ending with the round this problem continues. */
  earlier: Round[];
  /** The latest round of the whole chain (this report's or a later one's). */
  latest: Round;
}

/** The key by which `continues` names a problem: <report-id>/<problem-slug>. */
export function getRoundKey(issue: Pick<IssueEntry, 'id' | 'data'>): string {
  return `${issue.data.report}/${getIssueSlug(issue)}`;
}

/** Index of problems by round key, and of each problem continued by a later one (the first, when validation would fail). */
export interface RoundIndex {
  byKey: Map<string, IssueEntry>;
  /** Round key of a problem → the problem that continues it. */
  next: Map<string, IssueEntry>;
  reports: Map<string, ReportEntry>;
}

/** Indexes problems and their links once, so pages that ask for many chains do not rescan the collection. */
export function indexRounds(reports: readonly ReportEntry[], issues: readonly IssueEntry[]): RoundIndex {
  const byKey = new Map(issues.map((issue) => [getRoundKey(issue), issue]));
  const next = new Map<string, IssueEntry>();
  for (const issue of issues) {
    const target = issue.data.continues;
    if (target && !next.has(target)) next.set(target, issue);
  }
  return { byKey, next, reports: new Map(reports.map((report) => [report.id, report])) };
}

/** The round a problem makes, or undefined when its report is missing. */
export function toRound(issue: IssueEntry, reports: ReadonlyMap<string, ReportEntry>): Round | undefined {
  const report = reports.get(issue.data.report);
  if (!report) return undefined;
  return {
    issueId: issue.id,
    key: getRoundKey(issue),
    reportId: report.id,
    reportTitle: report.data.title,
    issuer: report.data.issuer,
    date: report.data.date,
    status: issue.data.status,
    number: issue.data.number,
    slug: getIssueSlug(issue),
    title: issue.data.title,
  };
}

/**
 * Every round of the chain a problem belongs to, earlier → later, the problem itself included. Follows
 * `continues` back and the problems continuing it forward; stops at a problem already seen, so even a
 * collection with a cycle (which validation rejects) cannot loop.
 */
export function listRounds(issue: IssueEntry, index: RoundIndex): Round[] {
  const seen = new Set<string>([getRoundKey(issue)]);
  const chain: IssueEntry[] = [issue];
  for (let back = issue.data.continues; back && !seen.has(back); ) {
    const earlier = index.byKey.get(back);
    if (!earlier) break;
    seen.add(back);
    chain.unshift(earlier);
    back = earlier.data.continues;
  }
  for (let forward = index.next.get(getRoundKey(issue)); forward && !seen.has(getRoundKey(forward)); ) {
    seen.add(getRoundKey(forward));
    chain.push(forward);
    forward = index.next.get(getRoundKey(forward));
  }
  return chain.flatMap((entry) => toRound(entry, index.reports) ?? []);
}

/** The round that continues a problem in a later report, if any. */
export function getNextRound(issue: IssueEntry, index: RoundIndex): Round | undefined {
  const later = index.next.get(getRoundKey(issue));
  return later ? toRound(later, index.reports) : undefined;
}

/** The problems of a report that carry on problems of earlier reports, in the report's order, with their chains. */
export function listCarriedIssues(reportId: string, issues: readonly IssueEntry[], index: RoundIndex): CarriedIssue[] {
  return issues
    .filter((issue) => issue.data.report === reportId && issue.data.continues && index.byKey.has(issue.data.continues))
    .sort(compareIssues)
    .flatMap((issue) => {
      const rounds = listRounds(issue, index);
      const at = rounds.findIndex((round) => round.issueId === issue.id);
      const latest = rounds.at(-1);
      return latest && at > 0 ? [{ issue, earlier: rounds.slice(0, at), latest }] : [];
    });
}

/** Whether a report carries on any problem of an earlier report. */
export function carriesEarlierIssues(reportId: string, issues: readonly IssueEntry[], index: RoundIndex): boolean {
  return listCarriedIssues(reportId, issues, index).length > 0;
}

/**
 * The chains of one issuer whose latest round is still 持续整改, oldest first: every ongoing problem that no
 * later report has carried on, with the rounds it has been through.
 */
export function listOpenChains(issuer: string, issues: readonly IssueEntry[], index: RoundIndex): Round[][] {
  return issues
    .filter((issue) => issue.data.status === 'ongoing' && !index.next.has(getRoundKey(issue)) && index.reports.get(issue.data.report)?.data.issuer === issuer)
    .map((issue) => listRounds(issue, index))
    .filter((rounds) => rounds.length > 0)
    .sort((a, b) => {
      const [first, second] = [a[0] as Round, b[0] as Round];
      return first.date.localeCompare(second.date) || first.reportId.localeCompare(second.reportId) || first.slug.localeCompare(second.slug);
    });
}

/**
 * The earlier round each incoming problem may continue: a problem of an earlier report of the same issuer whose
 * printed title is the same once whitespace and punctuation are removed. Where several match, the latest earlier
 * report's; a problem already continued, or proposed for an earlier incoming problem, is not proposed again.
 */
export function proposeContinues(
  incoming: { issuer: string; date: string },
  titles: readonly string[],
  reports: readonly ReportEntry[],
  issues: readonly IssueEntry[],
): (Round | undefined)[] {
  const index = indexRounds(reports, issues);
  const earlier = issues
    .flatMap((issue) => {
      const report = index.reports.get(issue.data.report);
      return report && report.data.issuer === incoming.issuer && report.data.date < incoming.date && !index.next.has(getRoundKey(issue))
        ? [toRound(issue, index.reports)!]
        : [];
    })
    .sort((a, b) => b.date.localeCompare(a.date) || a.reportId.localeCompare(b.reportId) || a.slug.localeCompare(b.slug));
  const taken = new Set<string>();
  return titles.map((title) => {
    const wanted = normalizeTitle(title);
    const match = earlier.find((round) => !taken.has(round.key) && normalizeTitle(round.title) === wanted);
    if (match) taken.add(match.key);
    return match;
  });
}
