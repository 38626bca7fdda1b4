// Which slides a report's deck holds, in order, and everything each one shows: the one place that turns config +
// entries into slides. The web deck's section templates and the PowerPoint export render these records as they
// are (no list is recomputed there), so both show the same slides, the same words and the same continuations.
// What fits a slide is decided here, from the character budget in src/deck/fit.ts.

import { formatDue, listCommitments } from '#src/lib/commitments.ts';
import type { IssueEntry, ReportEntry } from '#src/lib/entries.ts';
import {
  formatCountedNote,
  formatIssueName,
  formatIssueOrdinal,
  formatNotesLabel,
  formatProgressSummary,
  formatTotalCaption,
  getCommitmentStateLabel,
  getStatusGroupLabel,
  getStatusLabel,
  getTotalUnit,
  labels,
} from '#src/lib/labels.ts';
import { listMeasurePoints, splitMeasures } from '#src/lib/measures.ts';
import { getIssueSlug, listIssuesByStatus, listReportIssues } from '#src/lib/order.ts';
import { indexRounds, listCarriedIssues, type Round } from '#src/lib/rounds.ts';
import { formatGroupHeading, getIssueGroupPath, getStatusGroupText, type IssueGroupNode, listIssueGroups } from '#src/lib/sections.ts';
import { formatShare, getReportStats, type TotalKey } from '#src/lib/stats.ts';
import { splitSentences } from '#src/lib/text.ts';
import { formatDay, getReportTimeline } from '#src/lib/timeline.ts';
import { getPrintedProblem } from '#src/lib/titles.ts';
import { getBriefDeckPath, getDeckPath, getDeckSlideId, getReportPath } from '#src/lib/urls.ts';
import { type DeckConfig, type DeckLength, deckConfigSchema } from '#src/schemas/deck.ts';
import { type Highlight, type IssueStatus, isIssueStatus } from '#src/schemas/issue.ts';
import { layoutTotalsChart, type TotalsChart } from './chart.ts';
import { listIntroMeasures, listOrganisationFacts } from './facts.ts';
import {
  BLOCK,
  CONTENT_WIDTH,
  getTextHeight,
  HEADING_TRACKING,
  LINE_HEIGHT,
  leavesShortLastLine,
  listWholeForms,
  paginate,
  pickBaseForm,
  SCALES,
  TYPE,
  type TypeScale,
  USABLE_HEIGHT,
} from './fit.ts';
import { GRID_COLUMNS, INTRO_SIZES, ISSUE_SCALES, LIST_SCALES, SPACE, TITLE_SIZES } from './tokens.ts';

/** Where a slide stands in a run of continuations: part 1 of 1 for a slide that fits. */
export interface SlidePart {
  /** 1-based. */
  index: number;
  total: number;
}

/** What every planned slide carries. */
interface SlideBase {
  /** Stable id (…/deck/#/<id>); continuations add -2, -3, … */
  id: string;
  part: SlidePart;
  /** The speaker notes, plain text; paragraphs separated by blank lines. */
  notes: string;
  /** The accessible name of the notes, e.g. 演讲者备注：整改总体情况. */
  notesLabel: string;
  /** Type sizes the slide is set in (px); renderers use these, never their own. */
  scale: TypeScale;
}

/** A dated entry of a list (timeline, commitments, organisation facts). */
export interface PlannedDate {
  /** YYYY-MM-DD (the first day of a period). */
  iso: string;
  /** As shown, e.g. 2022年3月. */
  display: string;
}

export interface TitleSlide extends SlideBase {
  kind: 'title';
  /** Inspection team and kind, e.g. 市委第二巡察组巡察“回头看”. */
  kicker: string;
  title: string;
  issuer: string;
  date: PlannedDate;
}

export interface OverviewSlide extends SlideBase {
  kind: 'overview';
  heading: string;
  /**
   * The figures, in order: each total the report states (…项…个问题, completed, ongoing; the build has checked the
   * entries agree), and for one it does not state the count of the entries, captioned as counted (逐条统计).
   */
  totals: { key: TotalKey; value: number; unit: string; caption: string; stated: boolean }[];
  /** Completion rate, e.g. 88%. */
  completionRate: string;
  /** The chart's description: problems, completed, ongoing and the rate (marked counted where not stated). */
  summary: string;
  /** The visible note on the counted entries: agreeing with the totals the report states, or counted where it states none. */
  countedNote: string;
  /** One stacked bar: completed and ongoing. */
  chart: TotalsChart;
}

export interface TimelineSlide extends SlideBase {
  kind: 'timeline';
  heading: string;
  events: { date: PlannedDate; label: string; kind: string }[];
}

export interface OrganisationSlide extends SlideBase {
  kind: 'organisation';
  heading: string;
  /** points: a part's measures by their lead phrases (the full deck; the brief form shows the part headings alone). */
  items: { ordinal: string; lead: string; facts: { date: PlannedDate; label: string }[]; points: string[] }[];
}

export interface GroupSlide extends SlideBase {
  kind: 'group';
  /** The status its problems share; absent for a group of the report's own whose problems differ in status. */
  status: IssueStatus | undefined;
  /** opener: heading, count, intro; grid: short titles linking to the problems' slides; table (brief): printed problems. */
  layout: 'opener' | 'grid' | 'table';
  heading: string;
  /** How many problems the group holds. */
  count: number;
  /** The report's intro of the group (opener layout; also in the notes). */
  intro: string;
  /** Grid layout: the problems of this part, linking to their slides. */
  /** target: the slide a cell links to ('' for none); slide: the problem's own slide id, planned or not (the brief form plans none for its completed problems). */
  cells: { number: number; shortTitle: string; target: string; slide: string; problem?: string }[];
}

/** One measure on a problem slide: ordinal and lead phrase, verbatim. */
export interface PlannedBullet {
  /** The anchor of the measure on the problem page, e.g. measure-2. */
  measureId: string;
  ordinal: string | null;
  /** The lead phrase (up to the first 。 or ；), or its first 40 characters when longer; for a body without ordinals, one
   * bullet per sentence of a paragraph (see listMeasurePoints), each showing its lead phrase. */
  lead: string;
  /** False when `lead` is the first 40 characters of a longer phrase; the slide marks it, the notes hold all. */
  complete: boolean;
}

export interface PlannedCommitment {
  due: PlannedDate;
  state: 'due' | 'past-due';
  stateLabel: string;
  quote: string;
}

export interface IssueSlide extends SlideBase {
  kind: 'issue';
  /** The collection id of the problem, e.g. szkj-20220422/completed-03. */
  issueId: string;
  status: IssueStatus;
  number: number;
  /** e.g. 已整改完成 · 第3个问题 · 深化科技创新政策宣传 (the editorial short title as kicker). */
  kicker: string;
  shortTitle: string;
  /** The title exactly as printed. */
  title: string;
  /** The problem in the report's words, as the slide heading; continuations end in （续）. */
  heading: string;
  /** Key figures on this part (all of them over the first part(s), rows of up to three). */
  figures: Highlight[];
  /** The text before 一是, as its lead phrase (first part only). */
  leadIn: { text: string; complete: boolean } | null;
  bullets: PlannedBullet[];
  /** Ongoing problems: dated promises (on the part where they fit, after the bullets). */
  commitments: PlannedCommitment[];
}

export interface PlanSlide extends SlideBase {
  kind: 'plan';
  heading: string;
  /** Each paragraph of this part as shown: whole where there is room, else its first whole clauses (complete false,
   * tagged 见备注); the whole plan is in the notes. */
  points: { text: string; complete: boolean }[];
}

export interface CommitmentsSlide extends SlideBase {
  kind: 'commitments';
  heading: string;
  items: (PlannedCommitment & { shortTitle: string; target: string })[];
  /** Shown instead of the list when the report gives no dated promise. */
  empty: string | null;
}

/** A problem this report carries on from an earlier one: what the last round said, and what this one says. */
export interface CarriedItem {
  /** This report's problem. */
  status: IssueStatus;
  number: number;
  /** The problem in the report's words (printed title without its frame). */
  problem: string;
  /** Its slide in this deck. */
  target: string;
  /** The round before this one: its report's date and title, and the problem's status and number there. */
  previous: { date: PlannedDate; reportTitle: string; status: IssueStatus; number: number };
  /** e.g. 上轮持续整改问题1 → 本轮已整改完成问题1. */
  progress: string;
}

/** 上轮持续整改问题进展: the problems this report carries on from earlier reports, one line each. */
export interface CarriedSlide extends SlideBase {
  kind: 'carried';
  heading: string;
  items: CarriedItem[];
}

export interface ClosingSlide extends SlideBase {
  kind: 'closing';
  heading: string;
  contacts: { label: string; value: string }[];
  signature: string;
  /** The report's archive page inside the site (for the QR code, when the public URL is known). */
  archivePath: string;
}

export interface MdxSlide extends SlideBase {
  kind: 'mdx';
  /** slides/<report-id>/<file>.mdx */
  file: string;
}

/** One row of a deck across reports' summary: a report's counted totals, or their sum. */
export interface SummaryRow {
  /** The report's id; 'total' for the sum of the rows. */
  key: string;
  /** The report's issuer, or 合计. */
  label: string;
  /** The report's date (none on the sum). */
  date: PlannedDate | null;
  problems: number;
  /** One count per status of the slide's `statuses`, in order. */
  counts: number[];
  /** Completed ÷ problems, e.g. 88%. */
  rate: string;
}

/** A deck across reports: the totals of each report counted from its problems, one row each, and their sum. */
export interface SummarySlide extends SlideBase {
  kind: 'summary';
  heading: string;
  /** The statuses the table has a column for: completed and ongoing, long-term where a selected report has some. */
  statuses: IssueStatus[];
  /** Column headings: 通报, 问题, a column per status, 完成率. */
  columns: string[];
  rows: SummaryRow[];
  /** The sum of every report (on the last part only). */
  total: SummaryRow | null;
}

/** A problem on a list of a deck across reports: what it is, and which report and round it stands in. */
export interface ListedProblem {
  /** The collection id, e.g. lh-2023/ongoing-01. */
  issueId: string;
  status: IssueStatus;
  number: number;
  /** The problem in the report's words (printed title without its frame). */
  problem: string;
  /** Its report's date. */
  date: PlannedDate;
  /** e.g. 中共某局党组 · 持续整改问题1. */
  context: string;
}

/** A deck across reports: the problems of the selected reports still open (持续整改, 需长期坚持), oldest report first. */
export interface OpenSlide extends SlideBase {
  kind: 'open';
  heading: string;
  items: ListedProblem[];
}

/** One slide of the plan, with everything a renderer needs. */
export type PlannedSlide =
  | SummarySlide
  | OpenSlide
  | TitleSlide
  | OverviewSlide
  | TimelineSlide
  | OrganisationSlide
  | GroupSlide
  | IssueSlide
  | PlanSlide
  | CommitmentsSlide
  | CarriedSlide
  | ClosingSlide
  | MdxSlide;

/** A horizontal position of the deck: one slide, or a vertical stack whose first slide is the top. */
export type PlannedStack = PlannedSlide[];

/** The default configuration, used when a report has no slides/<id>/deck.yaml. */
export function getDefaultDeckConfig(): DeckConfig {
  return deckConfigSchema.parse({});
}

/** The id of a hand-written MDX slide, from its file name. */
export function getMdxSlideId(file: string): string {
  return `slide-${file}`;
}

/** The id of part `index` (1-based) of a slide whose first part is `id`: id, id-2, id-3, … */
export function getPartId(id: string, index: number): string {
  return index === 1 ? id : `${id}-${index}`;
}

/** The mark a continuation's heading ends in. */
export const CONTINUED = labels.deck.continued;

const LARGEST = SCALES[0]!;
const SMALLEST = SCALES.at(-1)!;
const headingHeight = (text: string, size: number, width: number = CONTENT_WIDTH) =>
  getTextHeight(text, size, width, LINE_HEIGHT.heading, HEADING_TRACKING) + BLOCK.headingRule;

/**
 * Lays a list out over as few slides as fit: tries each scale, largest first, for one slide; else paginates at the
 * smallest. `fixed` is the height of the slide's own parts at a scale (first part, continuations).
 */
function fitList<T>(
  items: readonly T[],
  heightOf: (item: T, scale: TypeScale) => number,
  fixed: (scale: TypeScale) => { first: number; rest: number },
  what: string,
  scales: readonly TypeScale[] = SCALES,
) {
  for (const scale of scales) {
    const pages = paginate(items, (item) => heightOf(item, scale), fixed(scale), what);
    if (pages.length === 1) return { scale, pages };
  }
  // Continuations are planned at the usual smallest scale: a second slide has room, so it needs no compact type.
  // A continuation is never left with a single item when the slide before it can spare one.
  const heightAt = (item: T) => heightOf(item, SMALLEST);
  return { scale: SMALLEST, pages: balancePages(paginate(items, heightAt, fixed(SMALLEST), what), heightAt, fixed(SMALLEST)) };
}

/**
 * Lays out a problem's items so each slide shows as much as it has room for. Every lead-in and bullet starts at its
 * base form (what a full slide shows); the items are split into pages at the largest scale that fits one slide
 * (else at the smallest scale, over several), a continuation never left with a single item when the one before it
 * can spare one; then each page lengthens its items clause by clause, in turn, while the page still fits. A smaller
 * scale is taken when it shows every item whole on one slide and the larger could not.
 */
function fitShownList<T extends { type: string }>(
  items: readonly T[],
  heightOf: (item: T, scale: TypeScale) => number,
  fixed: (scale: TypeScale) => { first: number; rest: number },
  what: string,
  scales: readonly TypeScale[] = SCALES,
) {
  const shown = items.filter((item): item is T & ShownText => 'forms' in item);
  const layout = (scale: TypeScale) => {
    for (const item of shown) item.level = item.base;
    const pages = balancePages(
      paginate(items, (item) => heightOf(item, scale), fixed(scale), what),
      (item) => heightOf(item, scale),
      fixed(scale),
      (item) => 'forms' in item,
    );
    pages.forEach((page, index) => {
      const frame = index === 0 ? fixed(scale).first : fixed(scale).rest;
      let used = frame + page.reduce((sum, item) => sum + heightOf(item, scale), 0);
      const open = page.filter((item): item is T & ShownText => 'forms' in item);
      while (open.length > 0) {
        for (const item of [...open]) {
          if (item.level >= item.forms.length - 1) {
            open.splice(open.indexOf(item), 1);
            continue;
          }
          const before = heightOf(item, scale);
          item.level += 1;
          const after = heightOf(item, scale);
          if (used - before + after <= USABLE_HEIGHT) used += after - before;
          else {
            item.level -= 1;
            open.splice(open.indexOf(item), 1);
          }
        }
      }
    });
    return { scale, pages, whole: shown.every(isShownWhole) };
  };
  const single = scales.filter((scale) => {
    for (const item of shown) item.level = item.base;
    return paginate(items, (item) => heightOf(item, scale), fixed(scale), what).length === 1;
  });
  if (single.length === 0) return layout(SMALLEST);
  const largest = layout(single[0]!);
  if (largest.whole) return largest;
  const whole = single.slice(1).find((scale) => layout(scale).whole);
  return layout(whole ?? single[0]!);
}

/**
 * Moves items from the end of a page to the next while that page would hold a single item and both still fit.
 * `counts` says which items count (a problem's bullets: its commitments below them do not make a slide full).
 */
function balancePages<T>(
  pages: T[][],
  heightOf: (item: T) => number,
  fixed: { first: number; rest: number },
  counts: (item: T) => boolean = () => true,
): T[][] {
  const heightOfPage = (page: T[], index: number) => (index === 0 ? fixed.first : fixed.rest) + page.reduce((sum, item) => sum + heightOf(item), 0);
  const countOf = (page: T[]) => page.filter(counts).length;
  for (let index = pages.length - 1; index > 0; index -= 1) {
    const page = pages[index]!;
    const previous = pages[index - 1]!;
    while (countOf(page) < 2 && countOf(previous) > 2 && counts(previous.at(-1)!)) {
      const moved = previous.at(-1)!;
      if (heightOfPage([moved, ...page], index) > USABLE_HEIGHT) break;
      page.unshift(previous.pop()!);
    }
  }
  return pages;
}

/** Section-slide lists: a heading at TYPE.heading (continuations add （续）), then items. */
export function planSectionList<T, S extends SlideBase>(
  id: string,
  heading: string,
  items: readonly T[],
  heightOf: (item: T, scale: TypeScale) => number,
  build: (page: T[], part: SlidePart, scale: TypeScale, heading: string) => Omit<S, keyof SlideBase> & Partial<SlideBase> & { notes: string },
  notesLabel: string,
  what: string,
  /** Height of a part every slide of the list repeats under its heading (a table's header row). */
  header = 0,
  /** The scales tried for one slide, largest first (LIST_SCALES: a compact step before a second slide). */
  scales: readonly TypeScale[] = SCALES,
): S[] {
  const fixed = () => ({
    first: headingHeight(heading, TYPE.heading) + header,
    rest: headingHeight(`${heading}${CONTINUED}`, TYPE.heading) + header,
  });
  const { scale, pages } = fitList(items, heightOf, fixed, what, scales);
  return pages.map((page, position) => {
    const part = { index: position + 1, total: pages.length };
    const shown = position === 0 ? heading : `${heading}${CONTINUED}`;
    return {
      id: getPartId(id, part.index),
      part,
      notesLabel,
      scale: { heading: TYPE.heading, body: scale.body },
      ...build(page, part, scale, shown),
    } as unknown as S;
  });
}

/** A day as a planned date: ISO and as shown. */
export const toPlannedDate = (date: string): PlannedDate => ({ iso: date, display: formatDay(date) });
const sourceOf = (entry: { id: string; filePath?: string | undefined }) => entry.filePath ?? entry.id;

/** The title slide's heading size: the largest of TITLE_SIZES at which `title` stays within three lines. */
export function pickTitleSize(title: string): number {
  return (
    TITLE_SIZES.find((px) => getTextHeight(title, px, CONTENT_WIDTH, LINE_HEIGHT.heading, HEADING_TRACKING) <= 3 * px * LINE_HEIGHT.heading) ??
    TITLE_SIZES.at(-1)!
  );
}

function planTitle(report: ReportEntry): TitleSlide {
  const { data } = report;
  const size = pickTitleSize(data.title);
  return {
    kind: 'title',
    id: 'title',
    part: { index: 1, total: 1 },
    notes: data.preface.join('\n'),
    notesLabel: formatNotesLabel(labels.deck.cover),
    scale: { heading: size, body: LARGEST.body },
    kicker: `${data.inspection.team ?? ''}${data.inspection.kind ?? ''}`,
    title: data.title,
    issuer: data.issuer,
    date: toPlannedDate(data.date),
  };
}

function planOverview(report: ReportEntry, issues: readonly IssueEntry[]): OverviewSlide {
  const stats = getReportStats(report, issues);
  // The loader refuses a collection whose entries disagree with a stated total, so the slide only says they agree.
  if (!stats.matchesDeclared) throw new Error(`${sourceOf(report)}: declared: the totals disagree with the entries; the build should have stopped`);
  const { declared } = stats;
  const stated = Object.fromEntries(stats.totals.map((total) => [total.key, total.stated]));
  // The rate as the report prints it, where it prints one.
  const completionRate = declared.rate ?? formatShare(stats.shareCompleted);
  const { outcomes } = report.data;
  const outcomeLine = outcomes.length > 0 ? `${labels.archive.report.outcomes}：${outcomes.map((o) => `${o.label}${o.value}${o.unit}`).join('、')}` : '';
  return {
    kind: 'overview',
    id: 'overview',
    part: { index: 1, total: 1 },
    notes: [report.data.organisation?.intro ?? report.data.preface.join('\n\n'), ...outcomes.map((o) => o.quote)].join('\n\n'),
    notesLabel: formatNotesLabel(labels.deck.overview),
    scale: { heading: TYPE.heading, body: LARGEST.body },
    heading: labels.deck.overview,
    totals: stats.totals.map((total) => ({ ...total, unit: getTotalUnit(total.key), caption: formatTotalCaption(total) })),
    completionRate,
    summary: [formatProgressSummary(stats.completed, stats.ongoing, stats.total, completionRate, !stats.allStated, stats.longTerm), outcomeLine]
      .filter(Boolean)
      .join('；'),
    countedNote: formatCountedNote(stats.total, stats.completed, stats.ongoing, stated, stats.longTerm),
    chart: layoutTotalsChart(stats),
  };
}

function planTimeline(report: ReportEntry, issues: readonly IssueEntry[]): TimelineSlide[] {
  const events = getReportTimeline(report, issues).filter((event) => event.kind !== 'commitment');
  const labelWidth = CONTENT_WIDTH - BLOCK.timelineIndent - BLOCK.timeColumn;
  return planSectionList<(typeof events)[number], TimelineSlide>(
    'timeline',
    labels.deck.timeline,
    events,
    (event, scale) => getTextHeight(event.label, scale.body, labelWidth) + BLOCK.itemGap,
    (page, _part, _scale, heading) => ({
      kind: 'timeline',
      heading,
      events: page.map((event) => ({ date: { iso: event.date, display: event.display }, label: event.label, kind: event.kind })),
      notes: page.map((event) => `${event.display}：${event.label}${event.dateNote ? `（${event.dateNote}）` : ''}`).join('\n'),
    }),
    formatNotesLabel(labels.deck.timeline),
    `${sourceOf(report)}: timeline`,
  );
}

function planOrganisation(report: ReportEntry, brief = false): OrganisationSlide[] {
  const { organisation } = report.data;
  // planDeck plans this section only for a report that has it.
  if (!organisation) return [];
  // The brief form shows the measures' leads without their dated facts, so the section keeps to one slide.
  const measures = listOrganisationFacts(report).map((measure) => (brief ? { ...measure, facts: [], points: [] } : measure));
  // The ordinal （一） stands in its own column, three characters wide at the lead's size.
  const width = (scale: TypeScale) => CONTENT_WIDTH - 3 * (scale.body + 4) - 12;
  // A measure printed without an ordinal or lead shows its first sentence; its whole text is in the notes.
  const leadOf = (measure: (typeof measures)[number]) => measure.lead ?? splitSentences(measure.text)[0] ?? measure.text;
  // Measures read from the intro (listIntroMeasures) carry its text into the notes themselves.
  const introInNotes = listIntroMeasures(organisation).length === 0;
  return planSectionList<(typeof measures)[number], OrganisationSlide>(
    'organisation',
    organisation.heading ?? labels.deck.organisationHeading,
    measures,
    (measure, scale) =>
      getTextHeight(leadOf(measure), scale.body + 4, width(scale)) +
      (measure.facts.length > 0 ? getTextHeight(measure.facts.map((f) => `${f.display} ${f.label}`).join('；'), TYPE.small, width(scale)) : 0) +
      measure.points.reduce((sum, point) => sum + getTextHeight(point, scale.body, width(scale)), 0) +
      BLOCK.itemGap * 2,
    (page, part, _scale, heading) => ({
      kind: 'organisation',
      heading,
      items: page.map((measure) => ({
        ordinal: measure.ordinal ?? '',
        lead: leadOf(measure),
        facts: measure.facts.map((fact) => ({ date: { iso: fact.date, display: fact.display }, label: fact.label })),
        points: measure.points,
      })),
      notes: [
        ...(part.index === 1 && organisation.intro && introInNotes ? [organisation.intro] : []),
        ...page.map((m) => `${m.ordinal ?? ''}${m.lead ?? ''}${m.text}`),
      ].join('\n\n'),
    }),
    formatNotesLabel(organisation.heading ?? labels.deck.organisationHeading),
    `${sourceOf(report)}: organisation`,
    0,
    LIST_SCALES,
  );
}

function planPlan(report: ReportEntry): PlanSlide[] {
  const { plan } = report.data;
  if (!plan) return [];
  const heading = plan.heading ?? labels.deck.planHeading;
  // Each paragraph starts at its base form (its lead sentence or first whole clauses) and lengthens while the slide
  // has room, as a problem's bullets do.
  const items = plan.paragraphs.map((paragraph) => ({ type: 'point' as const, paragraph, ...toShownText(paragraph.trim(), true) }));
  const width = CONTENT_WIDTH - BLOCK.bulletIndent;
  const heightOf = (item: (typeof items)[number], scale: TypeScale) =>
    getTextHeight(`${shownOf(item)}${isShownWhole(item) ? '' : '　'.repeat(Math.ceil(MORE_TAG_PX / scale.body))}`, scale.body, width) + 2 * BLOCK.itemGap;
  const fixed = () => ({ first: headingHeight(heading, TYPE.heading), rest: headingHeight(`${heading}${CONTINUED}`, TYPE.heading) });
  const { scale, pages } = fitShownList(items, heightOf, fixed, `${sourceOf(report)}: plan`, LIST_SCALES);
  return pages.map((page, position) => {
    const part = { index: position + 1, total: pages.length };
    return {
      kind: 'plan',
      id: getPartId('plan', part.index),
      part,
      notesLabel: formatNotesLabel(heading),
      scale: { heading: TYPE.heading, body: scale.body },
      heading: position === 0 ? heading : `${heading}${CONTINUED}`,
      points: page.map((item) => ({ text: shownOf(item), complete: isShownWhole(item) })),
      notes: page.map((item) => item.paragraph).join('\n\n'),
    };
  });
}

function planCommitments(report: ReportEntry, issues: readonly IssueEntry[]): CommitmentsSlide[] {
  const byId = new Map(issues.map((issue) => [issue.id, issue]));
  const list = listCommitments([report], issues).map((c) => {
    const issue = byId.get(c.issueId);
    return {
      due: { iso: c.dueStart, display: formatDue(c.due) },
      state: c.state,
      stateLabel: getCommitmentStateLabel(c.state),
      quote: c.quote,
      dateNote: c.dateNote,
      shortTitle: issue?.data.shortTitle ?? '',
      target: issue ? getDeckSlideId(getIssueSlug(issue)) : '',
    };
  });
  const width = CONTENT_WIDTH - BLOCK.timelineIndent - BLOCK.timeColumn;
  const slides = planSectionList<(typeof list)[number], CommitmentsSlide>(
    'commitments',
    labels.deck.commitments,
    list,
    (c, scale) => getTextHeight(`${c.shortTitle}：${c.quote}${c.stateLabel}`, scale.body - 4, width) + BLOCK.itemGap,
    (page, _part, _scale, heading) => ({
      kind: 'commitments',
      heading,
      items: page.map(({ dateNote: _note, ...item }) => item),
      empty: list.length === 0 ? labels.deck.noCommitments : null,
      notes: page.map((c) => `${c.due.display}：${c.quote}${c.dateNote ? `（${c.dateNote}）` : ''}`).join('\n') || labels.deck.none,
    }),
    formatNotesLabel(labels.deck.commitments),
    `${sourceOf(report)}: commitments`,
  );
  return slides;
}

/**
 * The carried section: one line per problem that continues a problem of an earlier report (date of the previous
 * round, the problem, its status then and now), over as many slides as fit; none when nothing is carried.
 */
function planCarried(report: ReportEntry, issues: readonly IssueEntry[], reports: readonly ReportEntry[]): CarriedSlide[] {
  const carried = listCarriedIssues(report.id, issues, indexRounds(reports, issues));
  if (carried.length === 0) return [];
  const { previousRound, thisRound } = labels.deck;
  const items = carried.flatMap(({ issue, earlier }) => {
    const previous = earlier.at(-1);
    if (!previous) return [];
    const item: CarriedItem & { rounds: typeof earlier } = {
      status: issue.data.status,
      number: issue.data.number,
      problem: getPrintedProblem(issue.data.title),
      target: getDeckSlideId(getIssueSlug(issue)),
      previous: { date: toPlannedDate(previous.date), reportTitle: previous.reportTitle, status: previous.status, number: previous.number },
      progress: `${previousRound}${formatIssueName(previous.status, previous.number)} → ${thisRound}${formatIssueName(issue.data.status, issue.data.number)}`,
      rounds: earlier,
    };
    return [item];
  });
  return paginateCarried(labels.deck.carried, items, (item) => `${item.progress}：${item.problem}`, `${sourceOf(report)}: carried`);
}

/**
 * The carried slides (a report's, or a deck across reports'): one line per problem, paginated under `heading`; the
 * notes give each problem's `firstLine` and every round in full, oldest first.
 */
export function paginateCarried(
  heading: string,
  items: readonly (CarriedItem & { rounds: readonly Round[] })[],
  firstLine: (item: CarriedItem) => string,
  source: string,
): CarriedSlide[] {
  const width = CONTENT_WIDTH - BLOCK.timelineIndent - BLOCK.timeColumn;
  return planSectionList<(typeof items)[number], CarriedSlide>(
    'carried',
    heading,
    items,
    (item, scale) => getTextHeight(item.problem, scale.body, width) + getTextHeight(item.progress, TYPE.small, width) + BLOCK.itemGap,
    (page, _part, _scale, pageHeading) => ({
      kind: 'carried',
      heading: pageHeading,
      items: page.map(({ rounds: _rounds, ...item }) => item),
      notes: page
        .map((item) =>
          [
            firstLine(item),
            ...item.rounds.map((round) => `${formatDay(round.date)}《${round.reportTitle}》${formatIssueName(round.status, round.number)}：${round.title}`),
          ].join('\n'),
        )
        .join('\n\n'),
    }),
    formatNotesLabel(heading),
    source,
  );
}

function planClosing(report: ReportEntry): ClosingSlide {
  const contact = report.data.contact ?? { text: '' };
  const contacts = [
    ...(contact.phone ? [{ label: labels.contact.phone, value: contact.phone }] : []),
    ...(contact.address
      ? [{ label: labels.contact.address, value: `${contact.address}${contact.postcode ? `（${labels.contact.postcode}${contact.postcode}）` : ''}` }]
      : []),
    ...(contact.email ? [{ label: labels.contact.email, value: contact.email }] : []),
  ];
  return {
    kind: 'closing',
    id: 'closing',
    part: { index: 1, total: 1 },
    // The report's words on supervision; where it has none, the contacts the slide shows.
    notes: contact.text || [...contacts.map((c) => `${c.label}：${c.value}`), report.data.signature ?? report.data.issuer].join('\n'),
    notesLabel: formatNotesLabel(labels.deck.closing),
    scale: { heading: TYPE.heading, body: LARGEST.body },
    heading: labels.deck.closing,
    contacts,
    signature: report.data.signature ?? report.data.issuer,
    archivePath: getReportPath(report.id),
  };
}

/**
 * The problems in the report's own groups (deck.yaml problemOrder: report): each top-level group opened by a slide of
 * its heading, count and intro, then its problems (and its subgroups') in printed order. A report without groups of
 * its own has its status groups here, so the order is the status order.
 */
function planReportGroups(report: ReportEntry, issues: readonly IssueEntry[], planProblem: (issue: IssueEntry) => IssueSlide[]): PlannedStack[] {
  const stacks: PlannedStack[] = [];
  const listSubtreeIssues = (node: IssueGroupNode): IssueEntry[] => [...node.issues, ...node.children.flatMap(listSubtreeIssues)];
  for (const node of listIssueGroups(report, issues)) {
    const list = listSubtreeIssues(node);
    if (list.length === 0) continue;
    // Problems printed under no group open with no slide of their own.
    if (node.heading) {
      const heading = formatGroupHeading(node);
      const intro = node.intro.join('\n\n');
      // A group the report introduces with no words of its own: the notes list its problems as printed.
      const notes = intro || list.map((issue) => `${issue.data.ordinal ?? `${issue.data.number}.`}${issue.data.title}`).join('\n\n');
      const base = {
        kind: 'group' as const,
        status: node.status,
        layout: 'opener' as const,
        count: list.length,
        intro,
        notes,
        notesLabel: formatNotesLabel(heading),
      };
      stacks.push([planOpener(base, `group-${node.key.replaceAll('.', '-')}`, heading, intro)]);
    }
    for (const issue of list) stacks.push(...planProblem(issue).map((slide) => [slide]));
  }
  return stacks;
}

/** An opener: the heading with its count beside it, the intro below at the largest size that fits. */
function planOpener(base: Omit<GroupSlide, 'id' | 'part' | 'scale' | 'heading' | 'cells'>, id: string, heading: string, intro: string): GroupSlide {
  // The count sits beside the heading at TYPE.count, so the heading row is taller than a plain one.
  const headingRow = TYPE.count * LINE_HEIGHT.heading + BLOCK.headingRule;
  const size = INTRO_SIZES.find((px) => headingRow + SPACE.openerGap + getTextHeight(intro, px, CONTENT_WIDTH) <= USABLE_HEIGHT) ?? INTRO_SIZES.at(-1)!;
  return { ...base, id, part: { index: 1, total: 1 }, scale: { heading: TYPE.heading, body: size }, heading, cells: [] };
}

function planGroup(report: ReportEntry, issues: readonly IssueEntry[], status: IssueStatus, layout: GroupSlide['layout']): GroupSlide[] {
  const list = listIssuesByStatus(report.id, status, issues);
  const text = getStatusGroupText(report, status);
  // The report's own heading of the group, where it has one.
  const heading = text.heading || getStatusGroupLabel(status);
  const intro = text.intro ?? '';
  const base = { kind: 'group' as const, status, layout, count: list.length, intro, notes: intro, notesLabel: formatNotesLabel(heading) };
  // The count sits beside the heading at TYPE.count, so the heading row is taller than a plain one.
  const headingRow = TYPE.count * LINE_HEIGHT.heading + BLOCK.headingRule;
  // A group the report introduces with no words of its own: the notes list its problems as printed.
  const notes = intro || list.map((issue) => `${issue.data.number}. ${issue.data.title}`).join('\n\n');
  if (layout === 'opener' && intro) return [planOpener({ ...base, notes }, status, heading, intro)];
  if (layout === 'table') return planGroupTable(report, list, base, heading, headingRow);
  // An opener with no words of the report's own lists the group's problems (as the grid does), not a bare heading.
  // Grid: four cells a row; a row is as tall as its tallest short title.
  const cellWidth = (CONTENT_WIDTH - (GRID_COLUMNS - 1) * SPACE.gridGap) / GRID_COLUMNS - 2 * (SPACE.cellPadX + SPACE.cellBorder);
  const rows: (typeof list)[] = [];
  for (let from = 0; from < list.length; from += GRID_COLUMNS) rows.push(list.slice(from, from + GRID_COLUMNS));
  const fontPx = TYPE.small;
  const rowHeight = (row: typeof list) =>
    Math.max(...row.map((issue) => getTextHeight(`${issue.data.number} ${issue.data.shortTitle}`, fontPx, cellWidth))) +
    2 * (SPACE.cellPadY + SPACE.cellBorder) +
    SPACE.gridRowGap;
  const pages = paginate(rows, rowHeight, { first: headingRow, rest: headingRow }, `${sourceOf(report)}: ${status} grid`);
  return pages.map((page, position) => ({
    ...base,
    layout: 'grid' as const,
    notes,
    id: getPartId(status, position + 1),
    part: { index: position + 1, total: pages.length },
    scale: { heading: TYPE.heading, body: fontPx },
    heading: position === 0 ? heading : `${heading}${CONTINUED}`,
    cells: page.flat().map((issue) => {
      const slide = getDeckSlideId(getIssueSlug(issue));
      return { number: issue.data.number, shortTitle: issue.data.shortTitle, target: slide, slide };
    }),
  }));
}

/**
 * The brief form's table of a status group: every problem as printed, two to a row, at the largest of a few sizes
 * that keeps the table on at most two slides (more only when even the smallest cannot).
 */
function planGroupTable(
  report: ReportEntry,
  list: readonly IssueEntry[],
  base: Omit<GroupSlide, 'id' | 'part' | 'scale' | 'heading' | 'cells'> & { status: IssueStatus },
  heading: string,
  headingRow: number,
): GroupSlide[] {
  const columns = TABLE_COLUMNS;
  const cellWidth = (CONTENT_WIDTH - (columns - 1) * SPACE.gridGap) / columns - 2 * (SPACE.cellPadX + SPACE.cellBorder);
  const rows: IssueEntry[][] = [];
  for (let from = 0; from < list.length; from += columns) rows.push(list.slice(from, from + columns));
  const paginateAt = (fontPx: number) =>
    paginate(
      rows,
      (row) =>
        Math.max(...row.map((issue) => getTextHeight(`${issue.data.number}　${getPrintedProblem(issue.data.title)}`, fontPx, cellWidth))) +
        2 * (SPACE.cellPadY + SPACE.cellBorder) +
        SPACE.gridRowGap,
      { first: headingRow, rest: headingRow },
      `${sourceOf(report)}: ${base.status} table`,
    );
  // The largest size that keeps the table to two slides and leaves no problem's last one or two characters alone on
  // a line of their own (a wider face wraps sooner still); else the largest that keeps it to two.
  const cellText = (issue: IssueEntry) => `${issue.data.number}　${getPrintedProblem(issue.data.title)}`;
  const fits = (px: number) => paginateAt(px).length <= 2;
  const fontPx =
    TABLE_SIZES.find((px) => fits(px) && !list.some((issue) => leavesShortLastLine(cellText(issue), px, cellWidth))) ??
    TABLE_SIZES.find(fits) ??
    TABLE_SIZES.at(-1)!;
  const pages = paginateAt(fontPx);
  return pages.map((page, position) => ({
    ...base,
    id: getPartId(base.status, position + 1),
    part: { index: position + 1, total: pages.length },
    scale: { heading: TYPE.heading, body: fontPx },
    heading: position === 0 ? heading : `${heading}${CONTINUED}`,
    // Each page's notes are labelled by its own heading: two asides of one name would be two landmarks of one name.
    notesLabel: formatNotesLabel(position === 0 ? heading : `${heading}${CONTINUED}`),
    cells: page.flat().map((issue) => ({
      number: issue.data.number,
      shortTitle: issue.data.shortTitle,
      target: '',
      slide: getDeckSlideId(getIssueSlug(issue)),
      problem: getPrintedProblem(issue.data.title),
    })),
    notes: [...(position === 0 && base.intro ? [base.intro] : []), ...page.flat().map((issue) => `${issue.data.number}. ${issue.data.title}`)].join('\n\n'),
  }));
}

/** The items a problem slide lays out in order: rows of figures, the lead-in, bullets, commitments. */
type IssueItem =
  | { type: 'figures'; figures: Highlight[] }
  | ({ type: 'leadIn'; full: string } & ShownText)
  | ({ type: 'bullet'; measureId: string; ordinal: string | null; full: string; continues: boolean } & ShownText)
  | { type: 'commitment'; commitment: PlannedCommitment; first: boolean };

/**
 * The text a lead-in or bullet shows: one of its whole forms (fit.ts listWholeForms), from `base` (what a full slide
 * shows) up to the whole text, chosen by how much room its slide has. `whole` is false when the last form is not all
 * of the item's text (a measure of several paragraphs); the notes always hold all of it.
 */
interface ShownText {
  forms: string[];
  base: number;
  level: number;
  whole: boolean;
}

function toShownText(text: string, whole: boolean): ShownText {
  const forms = listWholeForms(text);
  const base = pickBaseForm(forms);
  return { forms, base, level: base, whole };
}

const shownOf = (item: ShownText) => item.forms[item.level]!;
const isShownWhole = (item: ShownText) => item.whole && item.level === item.forms.length - 1;

const FIGURES_PER_ROW = 3;
/** The brief form's table of problems: two to a row, at the largest of these sizes that keeps it to two slides. */
const TABLE_COLUMNS = 2;
const TABLE_SIZES = [26, 24, 22] as const;
// The “见备注” tag after a clipped lead: three characters at TYPE.label, padding, border and gap (theme.css .more).
const MORE_TAG_PX = 3 * TYPE.label + 2 * SPACE.tagPadX + 2 + SPACE.tagGap;

/** Plans one problem's slides: all of its measures, continued on further slides (（续）) when they do not fit. */
export function planIssue(report: ReportEntry, issue: IssueEntry, leads: Readonly<Record<string, string>> = {}): IssueSlide[] {
  const { data } = issue;
  const split = splitMeasures(issue.body ?? '');
  const statusLabel = getStatusLabel(data.status);
  const heading = getPrintedProblem(data.title);
  const id = getDeckSlideId(getIssueSlug(issue));
  const items: IssueItem[] = [];
  for (let from = 0; from < data.highlights.length; from += FIGURES_PER_ROW)
    items.push({ type: 'figures', figures: data.highlights.slice(from, from + FIGURES_PER_ROW) });
  if (split.leadIn.length > 0) {
    const full = split.leadIn.join('\n\n');
    items.push({ type: 'leadIn', full, ...toShownText(split.leadIn[0]!.trim(), split.leadIn.length === 1) });
  }
  for (const measure of split.measures) {
    // The presenter's words (deck.yaml leads) make the measure one bullet; its notes keep the report's text.
    const own = leads[String(measure.index)];
    if (own !== undefined) {
      items.push({
        type: 'bullet',
        measureId: measure.id,
        ordinal: measure.ordinal,
        full: listMeasurePoints(measure).join(''),
        continues: false,
        forms: [own],
        base: 0,
        level: 0,
        whole: true,
      });
      continue;
    }
    // A measure with an ordinal is one bullet (its lead phrase); a paragraph without ordinals gives a bullet per
    // sentence, so the slide shows its sentences' leads and not one fragment. The notes hold every word.
    listMeasurePoints(measure).forEach((point, index) => {
      // The bullet's text after its ordinal; a measure of several paragraphs shows at most its first.
      const paragraphs = (measure.ordinal ? point.trim().slice(measure.ordinal.length) : point.trim()).split(/\n\s*\n/u);
      items.push({
        type: 'bullet',
        measureId: measure.id,
        ordinal: measure.ordinal,
        full: point,
        continues: index > 0,
        ...toShownText(paragraphs[0]!.trim(), paragraphs.length === 1),
      });
    });
  }
  // A completed problem has nothing left to promise; every other status may (ongoing, long-term).
  const commitments = data.status !== 'completed' ? listCommitments([report], [issue]) : [];
  commitments.forEach((c, index) => {
    items.push({
      type: 'commitment',
      first: index === 0,
      commitment: { due: { iso: c.dueStart, display: formatDue(c.due) }, state: c.state, stateLabel: getCommitmentStateLabel(c.state), quote: c.quote },
    });
  });

  const groups = report.data.groups.length > 0 ? getIssueGroupPath(report, issue) : [];
  // Numbering restarts in each group of a grouped report: the kicker names the problem by its printed ordinals
  // (一、（一）), which are unique, where a bare 第1个问题 would repeat across groups.
  const place = groups.length > 0 ? `${groups.map((group) => group.ordinal ?? '').join('')}${data.ordinal ?? data.number}` : formatIssueOrdinal(data.number);
  const kicker = `${statusLabel} · ${place} · ${data.shortTitle}`;
  const groupPath = groups.map(formatGroupHeading).join(' › ');
  const printedContext = [groupPath, data.statusFrom === 'line' ? (data.statusWords ?? '') : '', data.measuresLabel ?? ''].filter(Boolean);
  const headingWidth = CONTENT_WIDTH - BLOCK.numberBadge;
  const textWidth = CONTENT_WIDTH - BLOCK.bulletIndent;
  const heightOf = (item: IssueItem, scale: TypeScale): number => {
    switch (item.type) {
      case 'figures':
        return BLOCK.figures;
      case 'leadIn':
        return getTextHeight(shownOf(item), scale.body, CONTENT_WIDTH) + BLOCK.itemGap;
      case 'bullet': {
        const text = `${item.ordinal ?? ''}${shownOf(item)}${isShownWhole(item) ? '' : '　'.repeat(Math.ceil(MORE_TAG_PX / scale.body))}`;
        return getTextHeight(text, scale.body, textWidth) + BLOCK.itemGap;
      }
      case 'commitment': {
        const line = `${item.commitment.due.display}　${item.commitment.stateLabel}　${item.commitment.quote}`;
        return getTextHeight(line, TYPE.small, CONTENT_WIDTH) + 6 + (item.first ? BLOCK.commitmentsRule : 0);
      }
    }
  };
  const fixed = (scale: TypeScale) => ({
    first: BLOCK.kicker + headingHeight(heading, scale.heading, headingWidth),
    rest: BLOCK.kicker + headingHeight(`${heading}${CONTINUED}`, scale.heading, headingWidth),
  });
  const { scale, pages } = fitShownList(items, heightOf, fixed, `${sourceOf(issue)}: deck slide`, ISSUE_SCALES);
  return pages.map((page, position): IssueSlide => {
    const part = { index: position + 1, total: pages.length };
    const leadIn = page.find((item) => item.type === 'leadIn');
    // The text of the page's lead-in and bullets; a paragraph's sentences on one page join back into the paragraph.
    const texts: string[] = [];
    page.forEach((item, index) => {
      if (item.type === 'bullet' && item.continues && page[index - 1]?.type === 'bullet') texts[texts.length - 1] += item.full;
      else if (item.type === 'leadIn' || item.type === 'bullet') texts.push(item.full);
    });
    const notes = [
      position === 0 ? data.title : `${data.title}${CONTINUED}`,
      // What the report prints around the problem and the slide does not show: its groups and a 整改状态 line.
      ...(position === 0 ? printedContext : []),
      ...texts.map((text) => text.trim()),
      ...page.flatMap((item) => (item.type === 'commitment' ? [`${labels.deck.commitmentNote}${item.commitment.due.display}，${item.commitment.quote}`] : [])),
    ];
    return {
      kind: 'issue',
      id: getPartId(id, part.index),
      part,
      notes: notes.join('\n\n'),
      notesLabel: formatNotesLabel(`${statusLabel}${formatIssueOrdinal(data.number)}${part.total > 1 ? `（${part.index}/${part.total}）` : ''}`),
      scale,
      issueId: issue.id,
      status: data.status,
      number: data.number,
      kicker,
      shortTitle: data.shortTitle,
      title: data.title,
      heading: position === 0 ? heading : `${heading}${CONTINUED}`,
      figures: page.flatMap((item) => (item.type === 'figures' ? item.figures : [])),
      leadIn: leadIn && leadIn.type === 'leadIn' ? { text: shownOf(leadIn), complete: isShownWhole(leadIn) } : null,
      bullets: page.flatMap((item) =>
        item.type === 'bullet' ? [{ measureId: item.measureId, ordinal: item.ordinal, lead: shownOf(item), complete: isShownWhole(item) }] : [],
      ),
      commitments: page.flatMap((item) => (item.type === 'commitment' ? [item.commitment] : [])),
    };
  });
}

/**
 * Plans a report's deck from its config and entries: horizontal stacks of slides in presenting order. `reports`
 * (the archive's reports) lets the carried section name earlier rounds; without it that section plans nothing.
 */
export function planDeck(
  report: ReportEntry,
  issues: readonly IssueEntry[],
  config: DeckConfig & { file?: string } = getDefaultDeckConfig(),
  reports: readonly ReportEntry[] = [report],
  length: DeckLength = 'full',
): PlannedStack[] {
  const stacks: PlannedStack[] = [];
  const brief = length === 'brief';
  checkDeckLeads(report, issues, config);
  const issueSlides = (status: IssueStatus): IssueSlide[][] =>
    listIssuesByStatus(report.id, status, issues).map((issue) => planIssue(report, issue, config.leads?.[getIssueSlug(issue)]));
  // Continuations are further horizontal slides; in a vertical stack they follow their first part there.
  const alone = (slides: readonly PlannedSlide[]) => slides.map((slide) => [slide]);
  // A section the report lacks (no organisation section, a status group with no problems) gets no slide.
  let inReportOrder = false;
  const lacks = (section: string) =>
    (section === 'organisation' && !report.data.organisation) || (isIssueStatus(section) && listIssuesByStatus(report.id, section, issues).length === 0);
  for (const section of config.sections) {
    if (lacks(section)) continue;
    if (section.startsWith('mdx:')) {
      const file = section.slice('mdx:'.length);
      stacks.push([
        {
          kind: 'mdx',
          id: getMdxSlideId(file),
          file,
          part: { index: 1, total: 1 },
          notes: '',
          notesLabel: formatNotesLabel(file),
          scale: { heading: TYPE.heading, body: LARGEST.body },
        },
      ]);
      continue;
    }
    switch (section) {
      case 'title':
        stacks.push([planTitle(report)]);
        break;
      case 'overview':
        // The brief form keeps the totals and leaves the timeline to the full deck.
        stacks.push([planOverview(report, issues)], ...(brief ? [] : alone(planTimeline(report, issues))));
        break;
      case 'organisation':
        stacks.push(...alone(planOrganisation(report, brief)));
        break;
      case 'carried':
        if (!brief) stacks.push(...alone(planCarried(report, issues, reports)));
        break;
      case 'plan':
        stacks.push(...alone(planPlan(report)));
        break;
      case 'commitments':
        stacks.push(...alone(planCommitments(report, issues)));
        break;
      case 'closing':
        stacks.push([planClosing(report)]);
        break;
      default:
        // A status section: its opener, then one slide (or more) per problem; completed may be a grid instead.
        // The brief form shows the completed problems together as a table, every other status a slide per problem.
        if (!isIssueStatus(section)) break;
        if (config.problemOrder === 'report' && !brief) {
          // Every problem once, in the report's groups, at the place of the first status section listed.
          if (!inReportOrder) stacks.push(...planReportGroups(report, issues, (issue) => planIssue(report, issue, config.leads?.[getIssueSlug(issue)])));
          inReportOrder = true;
        } else if (brief) {
          if (section === 'completed') stacks.push(...alone(planGroup(report, issues, section, 'table')));
          else stacks.push(...issueSlides(section).flatMap(alone));
        } else if (section === 'completed' && config.completedLayout === 'grid') {
          stacks.push([...planGroup(report, issues, section, 'grid'), ...issueSlides(section).flat()]);
        } else {
          stacks.push(...alone(planGroup(report, issues, section, 'opener')), ...issueSlides(section).flatMap(alone));
        }
        break;
    }
  }
  return retargetLinks(stacks);
}

/**
 * Checks a deck config's `leads` against the report: each key a problem slug of the report, each measure number one
 * of its measures. Throws naming the config file and the key, so a typo is a build error, never a silent no-op.
 */
export function checkDeckLeads(report: ReportEntry, issues: readonly IssueEntry[], config: Pick<DeckConfig, 'leads'> & { file?: string }): void {
  const file = config.file ?? `slides/${report.id}/deck.yaml`;
  const own = listReportIssues(report.id, issues);
  for (const [slug, measures] of Object.entries(config.leads ?? {})) {
    const issue = own.find((candidate) => getIssueSlug(candidate) === slug);
    if (!issue) throw new Error(`${file}: leads.${slug}: report ${report.id} has no problem ${slug} (its problems: ${own.map(getIssueSlug).join(', ')})`);
    const count = splitMeasures(issue.body ?? '').measures.length;
    for (const number of Object.keys(measures))
      if (Number(number) < 1 || Number(number) > count)
        throw new Error(`${file}: leads.${slug}.${number}: problem ${slug} has ${count} measure${count === 1 ? '' : 's'} (1–${count})`);
  }
}

/** Path of a report's deck in the given form inside the site: the full deck at deck/, the brief form at deck/brief/. */
export function getDeckFormPath(reportId: string, length: DeckLength): string {
  return length === 'brief' ? getBriefDeckPath(reportId) : getDeckPath(reportId);
}

/** Whether a section name is a problem status (issueStatuses). */
/** Every slide of a plan in presenting order (top of a stack first). */
export function listPlannedSlides(stacks: readonly PlannedStack[]): PlannedSlide[] {
  return stacks.flat();
}

/**
 * Points every link of the plan at a slide it has: a problem without a slide of its own (the brief form's completed
 * problems) is linked to the table slide that lists it, else not linked.
 */
function retargetLinks(stacks: PlannedStack[]): PlannedStack[] {
  const slides = listPlannedSlides(stacks);
  const present = new Set(slides.map((slide) => slide.id));
  const listedOn = new Map<string, string>();
  for (const slide of slides) {
    if (slide.kind !== 'group') continue;
    for (const cell of slide.cells) if (!listedOn.has(cell.slide)) listedOn.set(cell.slide, slide.id);
  }
  const resolve = (target: string) => (target === '' || present.has(target) ? target : (listedOn.get(target) ?? ''));
  for (const slide of slides) {
    const items = slide.kind === 'commitments' || slide.kind === 'carried' ? slide.items : slide.kind === 'group' ? slide.cells : [];
    for (const item of items) item.target = resolve(item.target);
  }
  return stacks;
}

/** Every slide id of a plan in presenting order (top of a stack first). */
export function listPlannedSlideIds(stacks: readonly PlannedStack[]): string[] {
  return stacks.flatMap((stack) => stack.map((slide) => slide.id));
}
