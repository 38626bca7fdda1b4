// The rectification ledger (整改台账): one row per problem across reports. The /ledger/ pages and the Excel/CSV
// export both render these rows, so they agree.
import type { IssueStatus } from '#src/schemas/issue.ts';
import { getIssuerKey } from './archive.ts';
import { formatDue } from './commitments.ts';
import type { IssueEntry, ReportEntry } from './entries.ts';
import { formatIssueName, formatMeasureCount, getStatusLabel, labels } from './labels.ts';
import { getBodyText, listMeasures } from './measures.ts';
import { compareIssues, getIssueSlug } from './order.ts';
import { getNextRound, indexRounds, type Round, type RoundIndex } from './rounds.ts';
import { formatGroupHeading, getIssueGroupPath } from './sections.ts';

/** How many characters of a measure the ledger shows as its opening words; the full text is on the problem page and in the export. */
export const MEASURE_OPENING_LENGTH = 24;

/** One measure as the ledger lists it: its ordinal (when printed) and its opening words. */
export interface LedgerMeasure {
  ordinal: string | null;
  /** The ordinal and lead phrase, cut to MEASURE_OPENING_LENGTH characters with … where longer. */
  opening: string;
}

/** A deadline (承诺时限) of a problem, from its commitments. */
export interface LedgerDeadline {
  /** As written in the entry: YYYY, YYYY-MM or YYYY-MM-DD. */
  due: string;
  /** In Chinese, e.g. 2022年3月. */
  display: string;
  /** Whether the day is known (YYYY-MM-DD), so a spreadsheet may hold it as a date. */
  exact: boolean;
}

/** One row of the ledger: a problem with its report, status, measures, deadlines and the round that follows it. */
export interface LedgerRow {
  issueId: string;
  issuer: string;
  issuerKey: string;
  reportId: string;
  reportTitle: string;
  /** The report's date, YYYY-MM-DD. */
  reportDate: string;
  status: IssueStatus;
  statusLabel: string;
  /** The groups it is printed under, outermost first, as printed (a status group in the seed's layout). */
  group: string;
  /** Its number within its group, as printed. */
  number: number;
  slug: string;
  /** The problem's title as printed. */
  title: string;
  measures: LedgerMeasure[];
  /** The whole body, paragraphs separated by blank lines. */
  measuresText: string;
  deadlines: LedgerDeadline[];
  /** The round that carries this problem on in a later report, if any. */
  next: Round | undefined;
}

/** The ledger's column headers, as both the page and the export head them. */
export const LEDGER_COLUMNS = labels.archive.ledger.columns;

/** A measure's opening words: ordinal and lead phrase, cut visibly with … when longer than `length`. */
export function getMeasureOpening(measure: { ordinal: string | null; lead: string }, length: number = MEASURE_OPENING_LENGTH): string {
  const text = `${measure.ordinal ?? ''}${measure.lead}`;
  const chars = [...text];
  return chars.length > length ? `${chars.slice(0, length).join('')}…` : text;
}

/** The row of one problem. */
export function toLedgerRow(issue: IssueEntry, report: ReportEntry, index: RoundIndex): LedgerRow {
  return {
    issueId: issue.id,
    issuer: report.data.issuer,
    issuerKey: getIssuerKey(report.data.issuer),
    reportId: report.id,
    reportTitle: report.data.title,
    reportDate: report.data.date,
    status: issue.data.status,
    statusLabel: getStatusLabel(issue.data.status),
    group: getIssueGroupPath(report, issue).map(formatGroupHeading).join(' › '),
    number: issue.data.number,
    slug: getIssueSlug(issue),
    title: issue.data.title,
    measures: listMeasures(issue.body ?? '').map((measure) => ({ ordinal: measure.ordinal, opening: getMeasureOpening(measure) })),
    measuresText: getBodyText(issue.body),
    deadlines: issue.data.commitments.map((commitment) => ({ due: commitment.due, display: formatDue(commitment.due), exact: commitment.due.length === 10 })),
    next: getNextRound(issue, index),
  };
}

/** Reports oldest first (date, then id), so rows of a new report are appended and earlier rows keep their place. */
export function sortReportsOldestFirst<T extends ReportEntry>(reports: readonly T[]): T[] {
  return [...reports].sort((a, b) => a.data.date.localeCompare(b.data.date) || a.id.localeCompare(b.id));
}

/** Every problem of every report as ledger rows: reports oldest first, each in the report's order. */
export function listLedgerRows(reports: readonly ReportEntry[], issues: readonly IssueEntry[]): LedgerRow[] {
  const index = indexRounds(reports, issues);
  return sortReportsOldestFirst(reports).flatMap((report) =>
    issues
      .filter((issue) => issue.data.report === report.id)
      .sort(compareIssues)
      .map((issue) => toLedgerRow(issue, report, index)),
  );
}

/** An issuing body and its reports (oldest first), for narrowing the ledger. */
export interface LedgerIssuer {
  key: string;
  issuer: string;
  reports: ReportEntry[];
}

/** The issuing bodies of the reports, in order of their first report, each with its reports oldest first. */
export function listLedgerIssuers(reports: readonly ReportEntry[]): LedgerIssuer[] {
  const byIssuer = new Map<string, LedgerIssuer>();
  for (const report of sortReportsOldestFirst(reports)) {
    const { issuer } = report.data;
    const entry = byIssuer.get(issuer) ?? { key: getIssuerKey(issuer), issuer, reports: [] };
    entry.reports.push(report);
    byIssuer.set(issuer, entry);
  }
  return [...byIssuer.values()];
}

/** The measures cell: the count, then the opening words of each measure on its own line. */
export function formatMeasuresSummary(row: Pick<LedgerRow, 'measures'>): string {
  return [formatMeasureCount(row.measures.length), ...row.measures.map((measure) => measure.opening)].join('\n');
}

/** The next round as text, e.g. 关于巡察“回头看”整改情况的通报（2023年4月18日）已整改完成问题1. */
export function formatRound(round: Round): string {
  return `${round.reportTitle}（${formatDue(round.date)}）${formatIssueName(round.status, round.number)}`;
}
