// The deck across reports (/decks/<name>/, configured by slides/decks/<name>.yaml): which reports it covers and the
// slides it holds, planned as src/deck/plan.ts plans a report's deck, so the web deck, its PDF, the single file and
// the PowerPoint writer render the same records. Every figure is counted here from the collection's entries.

import { formatDue, listCommitments } from '#src/lib/commitments.ts';
import type { IssueEntry, ReportEntry } from '#src/lib/entries.ts';
import {
  formatAsOf,
  formatCrossCommitmentsHeading,
  formatCrossDeckIssuers,
  formatCrossDeckKicker,
  formatIssueName,
  formatLaterCommitments,
  formatNotesLabel,
  formatSummaryNote,
  getCommitmentStateLabel,
  getStatusLabel,
  labels,
} from '#src/lib/labels.ts';
import { compareIssues } from '#src/lib/order.ts';
import { getRoundKey, indexRounds, listCarriedIssues } from '#src/lib/rounds.ts';
import { formatShare, getReportStats } from '#src/lib/stats.ts';
import { formatDay } from '#src/lib/timeline.ts';
import { getPrintedProblem } from '#src/lib/titles.ts';
import type { CrossDeckConfig } from '#src/schemas/cross-deck.ts';
import type { IssueStatus } from '#src/schemas/issue.ts';
import { BLOCK, CONTENT_WIDTH, getTextHeight, LINE_HEIGHT, SCALES, TYPE, type TypeScale } from './fit.ts';
import {
  type CarriedItem,
  type CarriedSlide,
  type CommitmentsSlide,
  type ListedProblem,
  type OpenSlide,
  type PlannedCommitment,
  type PlannedStack,
  paginateCarried,
  pickTitleSize,
  planSectionList,
  type SummaryRow,
  type SummarySlide,
  type TitleSlide,
  toPlannedDate,
} from './plan.ts';
import { SPACE } from './tokens.ts';

/** A deck across reports as planned from: its name, config file (for messages) and config. */
export interface CrossDeckSource {
  name: string;
  file: string;
  config: CrossDeckConfig;
}

/**
 * The reports a config selects, oldest first: those of its issuer and/or year, or those it lists. Throws naming the
 * file and key for a listed id that is no report, and for a selection that matches none.
 */
export function selectCrossDeckReports(source: Pick<CrossDeckSource, 'file' | 'config'>, reports: readonly ReportEntry[]): ReportEntry[] {
  const { file, config } = source;
  const { select } = config;
  let chosen: ReportEntry[];
  if (select.reports) {
    select.reports.forEach((id, index) => {
      if (!reports.some((report) => report.id === id))
        throw new Error(`${file}: select.reports.${index}: no report ${id} (known: ${reports.map((report) => report.id).join(', ') || 'none'})`);
    });
    chosen = reports.filter((report) => select.reports!.includes(report.id));
  } else {
    chosen = reports.filter(
      (report) =>
        (select.issuer === undefined || report.data.issuer === select.issuer) && (select.year === undefined || report.data.date.startsWith(`${select.year}-`)),
    );
    if (chosen.length === 0) {
      const asked = [select.issuer ? `issuer ${select.issuer}` : '', select.year ? `year ${select.year}` : ''].filter(Boolean).join(' and ');
      const issuers = [...new Set(reports.map((report) => report.data.issuer))].join(', ') || 'none';
      const years = [...new Set(reports.map((report) => report.data.date.slice(0, 4)))].sort().join(', ') || 'none';
      throw new Error(`${file}: select: no report matches ${asked} (issuers: ${issuers}; years: ${years})`);
    }
  }
  return [...chosen].sort((a, b) => a.data.date.localeCompare(b.data.date) || a.id.localeCompare(b.id));
}

/**
 * The problems of the selected reports still open: 持续整改 or 需长期坚持, and not carried on by a later report of the
 * collection (that report's round says how it stands now). Oldest report first, each report's in its printed order.
 */
export function listOpenIssues(selected: readonly ReportEntry[], reports: readonly ReportEntry[], issues: readonly IssueEntry[]): IssueEntry[] {
  const index = indexRounds(reports, issues);
  return selected.flatMap((report) =>
    issues.filter((issue) => issue.data.report === report.id && issue.data.status !== 'completed' && !index.next.has(getRoundKey(issue))).sort(compareIssues),
  );
}

/** Today in China (UTC+8) as YYYY-MM-DD, or BUILD_DATE where set: the day a deck across reports is stated as of. */
export function getBuildDate(env: Readonly<Record<string, string | undefined>> = process.env, now: Date = new Date()): string {
  const given = env['BUILD_DATE'];
  if (given) {
    if (!/^\d{4}-\d{2}-\d{2}$/u.test(given) || Number.isNaN(Date.parse(given))) throw new Error(`BUILD_DATE: expected YYYY-MM-DD, got ${given}`);
    return given;
  }
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

const LARGEST = SCALES[0]!;
const one = { index: 1, total: 1 };

/** The title slide: the config's title, the span of years and number of reports, the issuers and the build date. */
function planCrossTitle(source: CrossDeckSource, selected: readonly ReportEntry[], asOf: string): TitleSlide {
  const issuers = [...new Set(selected.map((report) => report.data.issuer))];
  const years = selected.map((report) => report.data.date.slice(0, 4));
  return {
    kind: 'title',
    id: 'title',
    part: one,
    notes: selected.map((report) => `${formatDay(report.data.date)}　${report.data.issuer}《${report.data.title}》`).join('\n'),
    notesLabel: formatNotesLabel(labels.deck.cover),
    scale: { heading: pickTitleSize(source.config.title), body: LARGEST.body },
    kicker: formatCrossDeckKicker(selected.length, years[0]!, years.at(-1)!),
    title: source.config.title,
    issuer: formatCrossDeckIssuers(issuers),
    // The build date, the day the figures are stated as of.
    date: { iso: asOf, display: formatAsOf(formatDay(asOf)) },
  };
}

/** The summary: one row per report counted from its problems (problems, each status, completion rate), and their sum. */
function planSummary(source: CrossDeckSource, selected: readonly ReportEntry[], issues: readonly IssueEntry[]): SummarySlide[] {
  const stats = selected.map((report) => ({ report, stats: getReportStats(report, issues) }));
  // Long-term gets its column where any selected report has (or states) such problems.
  const statuses = (['completed', 'ongoing', 'longTerm'] as const).filter((status) => stats.some((row) => row.stats.statuses.includes(status)));
  const rowOf = (key: string, label: string, date: string | null, problems: number, byStatus: Record<IssueStatus, number>): SummaryRow => ({
    key,
    label,
    date: date ? toPlannedDate(date) : null,
    problems,
    counts: statuses.map((status) => byStatus[status]),
    rate: formatShare(problems === 0 ? 0 : byStatus.completed / problems),
  });
  const rows = stats.map(({ report, stats: s }) => rowOf(report.id, report.data.issuer, report.data.date, s.total, s.byStatus));
  const sum = (status: IssueStatus) => stats.reduce((total, row) => total + row.stats.byStatus[status], 0);
  const total = rowOf(
    'total',
    labels.crossDeck.total,
    null,
    stats.reduce((count, row) => count + row.stats.total, 0),
    { completed: sum('completed'), ongoing: sum('ongoing'), longTerm: sum('longTerm') },
  );
  const columns = [labels.crossDeck.report, labels.crossDeck.problems, ...statuses.map(getStatusLabel), labels.stats.share];
  const labelWidth = CONTENT_WIDTH - (columns.length - 1) * BLOCK.summaryColumn;
  const rowPad = 2 * SPACE.tablePadY + 1;
  const heightOf = (row: SummaryRow, scale: TypeScale) =>
    getTextHeight(row.label, scale.body, labelWidth) + (row.date ? getTextHeight(row.date.display, TYPE.small, labelWidth) : 0) + rowPad;
  const headerRow = Math.ceil(TYPE.small * LINE_HEIGHT.body) + rowPad;
  const notes = stats.map(({ report, stats: s }, index) =>
    formatSummaryNote(
      { issuer: report.data.issuer, title: report.data.title, date: formatDay(report.data.date) },
      s.total,
      statuses.map((status) => ({ status, count: s.byStatus[status] })),
      rows[index]!.rate,
      report.data.declared?.rate,
    ),
  );
  // The sum is the list's last item, so it stays on the last part with the rows above it.
  const slides = planSectionList<SummaryRow, SummarySlide>(
    'summary',
    labels.crossDeck.summary,
    [...rows, total],
    heightOf,
    (page, _part, _scale, heading) => ({
      kind: 'summary',
      heading,
      statuses,
      columns,
      rows: page.filter((row) => row.key !== 'total'),
      total: page.find((row) => row.key === 'total') ?? null,
      notes: page.flatMap((row) => (row.key === 'total' ? [] : [notes[rows.indexOf(row)]!])).join('\n\n'),
    }),
    formatNotesLabel(labels.crossDeck.summary),
    `${source.file}: summary`,
    headerRow,
  );
  return slides;
}

/** The problems still open across the selected reports (listOpenIssues), one line each with its report. */
function planOpen(source: CrossDeckSource, open: readonly IssueEntry[], byId: ReadonlyMap<string, ReportEntry>): OpenSlide[] {
  const items: ListedProblem[] = open.map((issue) => {
    const report = byId.get(issue.data.report)!;
    return {
      issueId: issue.id,
      status: issue.data.status,
      number: issue.data.number,
      problem: getPrintedProblem(issue.data.title),
      date: toPlannedDate(report.data.date),
      context: `${report.data.issuer} · ${formatIssueName(issue.data.status, issue.data.number)}`,
    };
  });
  const width = CONTENT_WIDTH - BLOCK.timelineIndent - BLOCK.timeColumn;
  if (items.length === 0)
    return [
      {
        kind: 'open',
        id: 'open',
        part: one,
        notes: labels.crossDeck.noOpen,
        notesLabel: formatNotesLabel(labels.crossDeck.open),
        scale: { heading: LARGEST.heading, body: LARGEST.body },
        heading: labels.crossDeck.open,
        items: [],
      },
    ];
  return planSectionList<ListedProblem, OpenSlide>(
    'open',
    labels.crossDeck.open,
    items,
    (item, scale) => getTextHeight(item.problem, scale.body, width) + getTextHeight(item.context, TYPE.small, width) + BLOCK.itemGap,
    (page, _part, _scale, heading) => ({
      kind: 'open',
      heading,
      items: page,
      notes: page
        .map((item) => {
          const issue = open.find((candidate) => candidate.id === item.issueId)!;
          return `${item.date.display}　${item.context}：${issue.data.title}`;
        })
        .join('\n\n'),
    }),
    formatNotesLabel(labels.crossDeck.open),
    `${source.file}: open`,
  );
}

/**
 * The commitments of the open problems due or overdue as of `asOf`: those whose period has begun by then, marked
 * 已到期 where it ended before that day and 待兑现 where it is still running. Later ones are counted in the notes.
 */
function planCrossCommitments(
  source: CrossDeckSource,
  selected: readonly ReportEntry[],
  open: readonly IssueEntry[],
  byId: ReadonlyMap<string, ReportEntry>,
  asOf: string,
): CommitmentsSlide[] {
  const issueOf = new Map(open.map((issue) => [issue.id, issue]));
  const all = listCommitments(selected, open);
  const begun = all.filter((c) => c.dueStart <= asOf);
  const later = all.length - begun.length;
  const list = begun.map((c) => {
    const issue = issueOf.get(c.issueId)!;
    const state: PlannedCommitment['state'] = c.dueEnd < asOf ? 'past-due' : 'due';
    return {
      due: { iso: c.dueStart, display: formatDue(c.due) },
      state,
      stateLabel: getCommitmentStateLabel(state),
      quote: c.quote,
      shortTitle: issue.data.shortTitle,
      // The problem has no slide of its own in this deck.
      target: '',
      context: `${byId.get(c.reportId)!.data.issuer}${formatIssueName(issue.data.status, issue.data.number)}`,
      dateNote: c.dateNote,
    };
  });
  const heading = formatCrossCommitmentsHeading(formatDay(asOf));
  const width = CONTENT_WIDTH - BLOCK.timelineIndent - BLOCK.timeColumn;
  const laterNote = later > 0 ? [formatLaterCommitments(later)] : [];
  if (list.length === 0)
    return [
      {
        kind: 'commitments',
        id: 'commitments',
        part: one,
        notes: [labels.crossDeck.noCommitments, ...laterNote].join('\n'),
        notesLabel: formatNotesLabel(heading),
        scale: { heading: LARGEST.heading, body: LARGEST.body },
        heading,
        items: [],
        empty: labels.crossDeck.noCommitments,
      },
    ];
  return planSectionList<(typeof list)[number], CommitmentsSlide>(
    'commitments',
    heading,
    list,
    (c, scale) => getTextHeight(`${c.shortTitle}：${c.quote}${c.stateLabel}`, scale.body - 4, width) + BLOCK.itemGap,
    (page, part, _scale, shown) => ({
      kind: 'commitments',
      heading: shown,
      items: page.map(({ dateNote: _note, context: _context, ...item }) => item),
      empty: null,
      notes: [
        ...page.map((c) => `${c.due.display}（${c.stateLabel}）：${c.context}${c.shortTitle}：${c.quote}${c.dateNote ? `（${c.dateNote}）` : ''}`),
        ...(part.index === part.total ? laterNote : []),
      ].join('\n'),
    }),
    formatNotesLabel(heading),
    `${source.file}: commitments`,
  );
}

/** The problems of the selected reports that carry on a problem of an earlier report, with how they stood then and now. */
function planCrossCarried(
  source: CrossDeckSource,
  selected: readonly ReportEntry[],
  reports: readonly ReportEntry[],
  issues: readonly IssueEntry[],
): CarriedSlide[] {
  const index = indexRounds(reports, issues);
  const items = selected.flatMap((report) =>
    listCarriedIssues(report.id, issues, index).flatMap(({ issue, earlier }) => {
      const previous = earlier.at(-1);
      if (!previous) return [];
      const item: CarriedItem & { rounds: typeof earlier } = {
        status: issue.data.status,
        number: issue.data.number,
        problem: getPrintedProblem(issue.data.title),
        target: '',
        previous: { date: toPlannedDate(previous.date), reportTitle: previous.reportTitle, status: previous.status, number: previous.number },
        progress: `${formatDay(previous.date)}${formatIssueName(previous.status, previous.number)} → ${formatDay(report.data.date)}${formatIssueName(issue.data.status, issue.data.number)}`,
        rounds: [
          ...earlier,
          {
            ...previous,
            date: report.data.date,
            reportTitle: report.data.title,
            status: issue.data.status,
            number: issue.data.number,
            title: issue.data.title,
          },
        ],
      };
      return [item];
    }),
  );
  if (items.length === 0) return [];
  // The notes name every round in full, oldest first, this one included.
  return paginateCarried(labels.crossDeck.carried, items, (item) => item.progress, `${source.file}: carried`);
}

/**
 * Plans a deck across reports: title, the summary of each report's totals, the problems still open, the commitments
 * due or overdue as of `asOf` (YYYY-MM-DD; the build date, see getBuildDate), and the problems carried over rounds.
 * Every slide its own horizontal stack, in the config's order.
 */
export function planCrossDeck(source: CrossDeckSource, reports: readonly ReportEntry[], issues: readonly IssueEntry[], asOf: string): PlannedStack[] {
  const selected = selectCrossDeckReports(source, reports);
  const byId = new Map(reports.map((report) => [report.id, report]));
  const open = listOpenIssues(selected, reports, issues);
  const stacks: PlannedStack[] = [];
  for (const section of source.config.sections) {
    const slides =
      section === 'title'
        ? [planCrossTitle(source, selected, asOf)]
        : section === 'summary'
          ? planSummary(source, selected, issues)
          : section === 'open'
            ? planOpen(source, open, byId)
            : section === 'commitments'
              ? planCrossCommitments(source, selected, open, byId, asOf)
              : planCrossCarried(source, selected, reports, issues);
    stacks.push(...slides.map((slide) => [slide]));
  }
  return stacks;
}
