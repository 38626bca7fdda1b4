// The PowerPoint deck of a report (or of a deck across reports): the deck plan (src/deck/plan.ts) slide by slide, in the web deck's order
// (a vertical stack's top first, as reveal.js and its PDF print them). No slide is added, dropped or reordered here.

import { CONTINUED, listPlannedSlides, type PlannedSlide, type PlannedStack, planDeck } from '#src/deck/plan.ts';
import type { IssueEntry, ReportEntry } from '#src/lib/entries.ts';
import { getStatusGroupLabel, labels } from '#src/lib/labels.ts';
import type { DeckConfig, DeckLength } from '#src/schemas/deck.ts';
import type { PptxDeck } from './model.ts';
import { type MdxText, renderSlide } from './slides.ts';

/** What the deck needs besides the collection: the hand-written slides' text and the archive's public address. */
export interface ComposeOptions {
  /** Text of each mdx:<file> slide of the config, by file name. */
  mdx?: ReadonlyMap<string, MdxText>;
  /** The report's archive page, when the public origin is known (SITE_URL). */
  archiveUrl?: string | undefined;
  /** Every report of the archive, so the carried section can name earlier rounds (as the web deck does). */
  reports?: readonly ReportEntry[] | undefined;
}

/**
 * The PowerPoint section of each planned slide, so the slide sorter groups the deck as the report does: the cover,
 * the overview, each section of the report, the problems under their group. A hand-written slide joins the section
 * before it. Names are unique, as PowerPoint keys sections by name.
 */
export function listSections(slides: readonly PlannedSlide[]): string[] {
  const names: string[] = [];
  const used = new Map<string, number>();
  let previous = '';
  let current: string = labels.deck.cover;
  for (const slide of slides) {
    const own = (heading: string) => heading.replace(CONTINUED, '');
    switch (slide.kind) {
      case 'title':
        current = labels.deck.cover;
        break;
      case 'overview':
      case 'timeline':
        current = labels.deck.overview;
        break;
      case 'group':
      case 'organisation':
      case 'plan':
        current = own(slide.heading);
        break;
      case 'issue':
        // Problems follow their group's opener; one that opens the deck names its group itself.
        if (names.length === 0) current = getStatusGroupLabel(slide.status);
        break;
      case 'commitments':
        current = own(slide.heading);
        break;
      case 'carried':
        current = own(slide.heading);
        break;
      case 'summary':
      case 'open':
        current = own(slide.heading);
        break;
      case 'closing':
        current = labels.deck.closing;
        break;
      case 'mdx':
        break;
    }
    // A name met again after another section becomes “name (2)”.
    if (current !== previous) {
      const count = (used.get(current) ?? 0) + 1;
      used.set(current, count);
      previous = current;
      names.push(count === 1 ? current : `${current}（${count}）`);
    } else {
      names.push(names.at(-1)!);
    }
  }
  return names;
}

/** The PowerPoint deck of a report, in the given form (full or brief): metadata and one rendered slide per planned slide. */
export function composePptxDeck(
  report: ReportEntry,
  issues: readonly IssueEntry[],
  config?: DeckConfig,
  options: ComposeOptions = {},
  length: DeckLength = 'full',
): PptxDeck {
  const mdx = (file: string): MdxText => {
    const text = options.mdx?.get(file);
    if (!text) throw new Error(`slides/${report.id}/deck.yaml: mdx:${file} names slides/${report.id}/${file}.mdx, which was not read`);
    return text;
  };
  return composePptxSlides(planDeck(report, issues, config, options.reports, length), {
    title: length === 'brief' ? `${report.data.title}（${labels.deck.brief}）` : report.data.title,
    author: report.data.issuer,
    subject: `${report.data.inspection.team ?? ''}${report.data.inspection.kind ?? '巡察'}整改情况`,
    mdx,
    archiveUrl: options.archiveUrl,
  });
}

/** The PowerPoint deck of any plan (a report's, a deck across reports'): one rendered slide per planned slide, in sections. */
export function composePptxSlides(
  stacks: readonly PlannedStack[],
  meta: { title: string; author: string; subject: string; mdx?: (file: string) => MdxText; archiveUrl?: string | undefined },
): PptxDeck {
  const mdx =
    meta.mdx ??
    ((file: string): MdxText => {
      throw new Error(`mdx:${file}: this deck has no hand-written slides`);
    });
  const planned = listPlannedSlides(stacks);
  const sections = listSections(planned);
  const slides = planned.map((slide, index) => ({ ...renderSlide(slide, { mdx, archiveUrl: meta.archiveUrl }), section: sections[index]! }));
  return { title: meta.title, author: meta.author, subject: meta.subject, slides };
}
