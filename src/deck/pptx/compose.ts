// Turns the deck plan (src/deck/plan.ts) into PowerPoint slide views, in the plan's order, with the same
// facts and notes the web deck's sections show; then renders them. No slide is added, dropped or reordered here.
import { formatDue, getCommitmentStateLabel, listCommitments } from '../../lib/commitments.ts';
import type { IssueEntry, ReportEntry } from '../../lib/entries.ts';
import { getBodyText, listMeasures } from '../../lib/measures.ts';
import { getStatusLabel, listIssuesByStatus } from '../../lib/order.ts';
import { formatShare, getReportStats } from '../../lib/stats.ts';
import { splitSentences } from '../../lib/text.ts';
import { formatDay, getReportTimeline } from '../../lib/timeline.ts';
import type { DeckConfig } from '../../schemas/deck.ts';
import { listOrganisationFacts } from '../facts.ts';
import type { MdxSlideText } from '../mdx-text.ts';
import { type PlannedSlide, planDeck } from '../plan.ts';
import type { PptxDeck } from './model.ts';
import { renderIssueSlide, renderSlide } from './slides.ts';
import type { IssueView, SlideView } from './views.ts';

/** What the deck needs besides the collection: the hand-written slides' text and the archive's public address. */
export interface ComposeOptions {
  /** Text of each mdx:<file> slide of the config, by file name. */
  mdx?: ReadonlyMap<string, MdxSlideText>;
  /** The report's archive page, when the public origin is known (SITE_URL). */
  archiveUrl?: string | undefined;
}

const leadLimit = 40;

/** A measure's lead phrase as the slide shows it: up to the first 。 or ；, or its first 40 characters when longer. */
export function getLeadPhrase(text: string): string {
  const cut = text.search(/[。；]/u);
  const lead = cut >= 0 ? text.slice(0, cut + 1) : text;
  return [...lead].length > leadLimit ? [...lead].slice(0, leadLimit).join('') : lead;
}

/** The problem as printed, without the “关于” and “（问题）的整改” that frame it in the report. */
export function getPrintedProblem(title: string): string {
  return title.replace(/^关于/u, '').replace(/(?:问题)?的整改[。．.]?$/u, '');
}

/** The views of one problem: the first slide, then continuations (（续）, ids …-2, …-3) while its measures do not fit. */
function listIssueViews(report: ReportEntry, issue: IssueEntry, id: string): IssueView[] {
  const { data } = issue;
  const bullets = listMeasures(issue.body ?? '').map((measure) => ({
    ordinal: measure.ordinal,
    lead: getLeadPhrase(measure.ordinal ? measure.paragraph.slice(measure.ordinal.length) : measure.paragraph),
  }));
  const commitments = (data.status === 'ongoing' ? listCommitments([report], [issue]) : []).map((c) => ({
    due: formatDue(c.due),
    state: getCommitmentStateLabel(c.state),
    quote: c.quote,
  }));
  const notes = `${data.title}\n\n${getBodyText(issue.body)}`;
  const make = (part: number, slice: IssueView['bullets'], last: boolean): IssueView => ({
    kind: 'issue',
    id: part === 1 ? id : `${id}-${part}`,
    status: data.status,
    tag: `${getStatusLabel(data.status)} · 第${data.number}个问题${part > 1 ? '（续）' : ''}`,
    number: data.number,
    heading: `${data.shortTitle}${part > 1 ? '（续）' : ''}`,
    printed: getPrintedProblem(data.title),
    highlights: part === 1 ? data.highlights.slice(0, 3).map((h) => ({ value: h.value, unit: h.unit, label: h.label })) : [],
    bullets: slice,
    commitments: last ? commitments : [],
    notes,
  });
  // Until the shared planner (src/deck/fit.ts) decides continuations, take as many measures as the slide holds.
  const views: IssueView[] = [];
  let rest = bullets;
  while (views.length === 0 || rest.length > 0) {
    let take = rest.length;
    while (take > 1 && !fits(make(views.length + 1, rest.slice(0, take), take === rest.length))) take -= 1;
    views.push(make(views.length + 1, rest.slice(0, take), take === rest.length));
    rest = rest.slice(take);
  }
  return views;
}

function fits(view: IssueView): boolean {
  try {
    renderIssueSlide(view);
    return true;
  } catch {
    return false;
  }
}

/** The views of one planned slide (a problem may need more than one). */
function listViews(report: ReportEntry, issues: readonly IssueEntry[], slide: PlannedSlide, options: ComposeOptions): SlideView[] {
  const { data } = report;
  switch (slide.kind) {
    case 'title':
      return [
        {
          kind: 'title',
          id: slide.id,
          kicker: `${data.inspection.team}${data.inspection.kind}`,
          title: data.title,
          issuer: data.issuer,
          date: formatDay(data.date),
          notes: data.preface.join('\n'),
        },
      ];
    case 'overview': {
      const stats = getReportStats(report, issues);
      return [
        {
          kind: 'overview',
          id: slide.id,
          items: data.declared.items,
          problems: data.declared.problems,
          completed: data.declared.completed,
          ongoing: data.declared.ongoing,
          share: formatShare(data.declared.problems === 0 ? 0 : data.declared.completed / data.declared.problems),
          countNote: stats.matchesDeclared ? `已逐条核对：收录的${stats.total}个问题与通报所列一致` : `逐条统计${stats.total}个问题，与通报所列不一致，请核对`,
          notes: data.organisation.intro,
        },
      ];
    }
    case 'timeline': {
      const events = getReportTimeline(report, issues).filter((event) => event.kind !== 'commitment');
      return [
        {
          kind: 'timeline',
          id: slide.id,
          heading: '巡察整改时间线',
          events: events.map((event) => ({ display: event.display, label: event.label })),
          notes: events.map((event) => `${event.display}：${event.label}${event.dateNote ? `（${event.dateNote}）` : ''}`).join('\n'),
        },
      ];
    }
    case 'organisation': {
      const { organisation } = data;
      return [
        {
          kind: 'organisation',
          id: slide.id,
          heading: organisation.heading,
          measures: listOrganisationFacts(report).map((m) => ({
            ordinal: m.ordinal,
            lead: m.lead,
            facts: m.facts.map((fact) => `${fact.display} ${fact.label}`),
          })),
          notes: [organisation.intro, ...organisation.measures.map((m) => `${m.ordinal}${m.lead}${m.text}`)].join('\n\n'),
        },
      ];
    }
    case 'group': {
      const { implementation } = data;
      const list = listIssuesByStatus(report.id, slide.status, issues);
      const heading = slide.status === 'completed' ? implementation.completedHeading : implementation.ongoingHeading;
      const intro = slide.status === 'completed' ? implementation.completedIntro : implementation.ongoingIntro;
      return [
        {
          kind: 'group',
          id: slide.id,
          status: slide.status,
          heading,
          count: list.length,
          layout: slide.layout,
          intro,
          grid: list.map((issue) => ({ number: issue.data.number, shortTitle: issue.data.shortTitle })),
          notes: intro,
        },
      ];
    }
    case 'issue':
      return listIssueViews(report, slide.issue, slide.id);
    case 'plan':
      return [
        {
          kind: 'plan',
          id: slide.id,
          heading: data.plan.heading,
          points: data.plan.paragraphs.flatMap((paragraph) => splitSentences(paragraph).slice(0, 1)),
          notes: data.plan.paragraphs.join('\n\n'),
        },
      ];
    case 'commitments': {
      const commitments = listCommitments([report], issues);
      const byId = new Map(issues.map((issue) => [issue.id, issue]));
      return [
        {
          kind: 'commitments',
          id: slide.id,
          heading: '整改承诺与时间节点',
          rows: commitments.map((c) => ({
            due: formatDue(c.due),
            shortTitle: byId.get(c.issueId)?.data.shortTitle ?? '',
            quote: c.quote,
            state: getCommitmentStateLabel(c.state),
          })),
          empty: '本通报未列出带时间节点的整改承诺。',
          notes: commitments.map((c) => `${formatDue(c.due)}：${c.quote}${c.dateNote ? `（${c.dateNote}）` : ''}`).join('\n') || '无',
        },
      ];
    }
    case 'closing': {
      const { contact } = data;
      const contacts = [
        ...(contact.phone ? [{ label: '电话', value: contact.phone }] : []),
        ...(contact.address ? [{ label: '通讯地址', value: `${contact.address}${contact.postcode ? `（邮编${contact.postcode}）` : ''}` }] : []),
        ...(contact.email ? [{ label: '电子邮箱', value: contact.email }] : []),
      ];
      return [
        {
          kind: 'closing',
          id: slide.id,
          heading: '欢迎监督',
          contacts,
          signature: data.signature ?? data.issuer,
          archiveUrl: options.archiveUrl,
          notes: contact.text,
        },
      ];
    }
    case 'mdx': {
      const text = options.mdx?.get(slide.file);
      if (!text) throw new Error(`slides/${report.id}/deck.yaml: mdx:${slide.file} names slides/${report.id}/${slide.file}.mdx, which was not read`);
      return [{ kind: 'mdx', id: slide.id, title: text.title, paragraphs: text.paragraphs, notes: [text.title, ...text.paragraphs].join('\n\n') }];
    }
  }
}

/** Every slide view of a report's deck, in presenting order (a stack's top first, as the web deck and its PDF). */
export function composeSlideViews(report: ReportEntry, issues: readonly IssueEntry[], config?: DeckConfig, options: ComposeOptions = {}): SlideView[] {
  return planDeck(report, issues, config).flatMap((stack) => stack.flatMap((slide) => listViews(report, issues, slide, options)));
}

/** The PowerPoint deck of a report: metadata and rendered slides. */
export function composePptxDeck(report: ReportEntry, issues: readonly IssueEntry[], config?: DeckConfig, options: ComposeOptions = {}): PptxDeck {
  return {
    title: report.data.title,
    author: report.data.issuer,
    subject: `${report.data.inspection.team}${report.data.inspection.kind}整改情况`,
    slides: composeSlideViews(report, issues, config, options).map(renderSlide),
  };
}
