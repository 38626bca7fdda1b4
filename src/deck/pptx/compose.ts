// The PowerPoint deck of a report: the deck plan (src/deck/plan.ts) slide by slide, in the web deck's order
// (a vertical stack's top first, as reveal.js and its PDF print them). No slide is added, dropped or reordered here.

import { listPlannedSlides, planDeck } from '#src/deck/plan.ts';
import type { IssueEntry, ReportEntry } from '#src/lib/entries.ts';
import type { DeckConfig } from '#src/schemas/deck.ts';
import type { PptxDeck } from './model.ts';
import { type MdxText, renderSlide } from './slides.ts';

/** What the deck needs besides the collection: the hand-written slides' text and the archive's public address. */
export interface ComposeOptions {
  /** Text of each mdx:<file> slide of the config, by file name. */
  mdx?: ReadonlyMap<string, MdxText>;
  /** The report's archive page, when the public origin is known (SITE_URL). */
  archiveUrl?: string | undefined;
}

/** The PowerPoint deck of a report: metadata and one rendered slide per planned slide. */
export function composePptxDeck(report: ReportEntry, issues: readonly IssueEntry[], config?: DeckConfig, options: ComposeOptions = {}): PptxDeck {
  const mdx = (file: string): MdxText => {
    const text = options.mdx?.get(file);
    if (!text) throw new Error(`slides/${report.id}/deck.yaml: mdx:${file} names slides/${report.id}/${file}.mdx, which was not read`);
    return text;
  };
  const slides = listPlannedSlides(planDeck(report, issues, config)).map((slide) => renderSlide(slide, { mdx, archiveUrl: options.archiveUrl }));
  return {
    title: report.data.title,
    author: report.data.issuer,
    subject: `${report.data.inspection.team}${report.data.inspection.kind}整改情况`,
    slides,
  };
}
