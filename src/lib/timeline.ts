import { formatDue, listCommitments } from './commitments.ts';
import type { IssueEntry, ReportEntry } from './entries.ts';

/** One dated event of a report. */
export interface TimelineEvent {
  /** The day, or the first day of the period, YYYY-MM-DD. */
  date: string;
  /** The date as shown, e.g. 2021年7月21日 or 2022年3月. */
  display: string;
  label: string;
  kind: 'inspection' | 'feedback' | 'meeting' | 'commitment' | 'report';
  /** The verbatim words behind the event, when it comes from the text. */
  quote?: string;
  /** The problem it belongs to, for commitments. */
  issueId?: string;
  /** How the date was read where the source omits part of it. */
  dateNote?: string;
}

/** A YYYY-MM-DD day in Chinese, e.g. 2022年4月22日. */
export function formatDay(day: string): string {
  return formatDue(day);
}

/** The report's dated events in order: inspection, feedback, meetings, commitments and the report itself. */
export function getReportTimeline(report: ReportEntry, issues: readonly IssueEntry[]): TimelineEvent[] {
  const { inspection } = report.data;
  const kind = inspection.kind ?? '巡察';
  const events: TimelineEvent[] = [
    // A report that gives no period has no inspection events: nothing is dated that the report does not date.
    ...(inspection.start
      ? [
          {
            date: inspection.start,
            display: formatDay(inspection.start),
            label: `${inspection.team ?? '巡察组'}进驻，开展${kind}`,
            kind: 'inspection' as const,
          },
        ]
      : []),
    ...(inspection.end ? [{ date: inspection.end, display: formatDay(inspection.end), label: `${kind}结束`, kind: 'inspection' as const }] : []),
    // A report may not date the feedback; the timeline then leaves it out rather than guess.
    ...(inspection.feedback
      ? [
          {
            date: inspection.feedback,
            display: formatDay(inspection.feedback),
            label: '巡察组反馈巡察意见',
            kind: 'feedback' as const,
            ...(inspection.dateNote ? { dateNote: inspection.dateNote } : {}),
          },
        ]
      : []),
    ...report.data.events.map(
      (event): TimelineEvent => ({
        date: event.date,
        display: formatDay(event.date),
        label: event.label,
        kind: 'meeting',
        quote: event.quote,
        ...(event.dateNote ? { dateNote: event.dateNote } : {}),
      }),
    ),
    ...listCommitments([report], issues).map(
      (commitment): TimelineEvent => ({
        date: commitment.dueStart,
        display: formatDue(commitment.due),
        label: commitment.quote,
        kind: 'commitment',
        quote: commitment.quote,
        issueId: commitment.issueId,
        ...(commitment.dateNote ? { dateNote: commitment.dateNote } : {}),
      }),
    ),
    { date: report.data.date, display: formatDay(report.data.date), label: `印发《${report.data.title}》`, kind: 'report' },
  ];
  return events.sort((a, b) => a.date.localeCompare(b.date));
}
