import type { Commitment } from '#src/schemas/issue.ts';
import type { IssueEntry, ReportEntry } from './entries.ts';
import { compareIssues } from './order.ts';

/** A commitment with its problem, its due period and whether that period had passed by the report's date. */
export interface DatedCommitment extends Commitment {
  issueId: string;
  reportId: string;
  /** First day of the due period (YYYY-MM-DD). */
  dueStart: string;
  /** Last day of the due period (YYYY-MM-DD). */
  dueEnd: string;
  /** past-due: the period ended before the report's date; due: it had not. */
  state: 'due' | 'past-due';
}

/** The first and last day of a due period written YYYY, YYYY-MM or YYYY-MM-DD. */
export function getDuePeriod(due: string): { start: string; end: string } {
  const [year, month, day] = due.split('-');
  if (day) return { start: due, end: due };
  if (month) {
    const last = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    return { start: `${year}-${month}-01`, end: `${year}-${month}-${String(last).padStart(2, '0')}` };
  }
  return { start: `${year}-01-01`, end: `${year}-12-31` };
}

/** A due period in Chinese, e.g. 2022年3月. */
export function formatDue(due: string): string {
  const [year, month, day] = due.split('-');
  return `${year}年${month ? `${Number(month)}月` : ''}${day ? `${Number(day)}日` : ''}`;
}

/** The commitments of the given reports' problems, soonest deadline (end of the due period) first, each marked due or past due against its report's date. */
export function listCommitments(reports: readonly ReportEntry[], issues: readonly IssueEntry[]): DatedCommitment[] {
  const reportDates = new Map(reports.map((report) => [report.id, report.data.date]));
  const list: (DatedCommitment & { issue: IssueEntry })[] = [];
  for (const issue of issues) {
    const reportDate = reportDates.get(issue.data.report);
    if (!reportDate) continue;
    for (const commitment of issue.data.commitments) {
      const { start, end } = getDuePeriod(commitment.due);
      list.push({
        ...commitment,
        issueId: issue.id,
        reportId: issue.data.report,
        dueStart: start,
        dueEnd: end,
        state: end < reportDate ? 'past-due' : 'due',
        issue,
      });
    }
  }
  return (
    list
      // A promise is kept by the end of its period: "3月份" is due before "今年", though the year starts first.
      .sort((a, b) => a.dueEnd.localeCompare(b.dueEnd) || a.dueStart.localeCompare(b.dueStart) || compareIssues(a.issue, b.issue))
      .map(({ issue: _issue, ...commitment }) => commitment)
  );
}
