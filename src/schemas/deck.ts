import { z } from 'astro/zod';
import { issueStatuses } from './issue.ts';

/** The built-in sections of a deck, in their default order. */
// carried (上轮持续整改问题进展) plans slides only when the report continues problems of an earlier one; one section
// per problem status (completed, ongoing, …, in issueStatuses' order) holds that status's problems.
export const deckSections = ['title', 'overview', 'organisation', 'carried', ...issueStatuses, 'plan', 'commitments', 'closing'] as const;

/** A built-in section of a deck. */
export type DeckSection = (typeof deckSections)[number];

/** How long the deck is: full (every problem on slides of its own, the default) or brief (a short briefing). */
export const deckLengths = ['full', 'brief'] as const;

/** The order of the problem slides: by status (completed, then ongoing, then long-term), or as the report groups them. */
export const problemOrders = ['status', 'report'] as const;

/** How the completed problems are shown: one slide each, or a grid of short titles with the detail as vertical sub-slides. */
export const completedLayouts = ['slides', 'grid'] as const;

// A section item is a built-in section name or `mdx:<file>`, a hand-written slide in slides/<report-id>/<file>.mdx.
const sectionItem = z.string().regex(new RegExp(`^(${deckSections.join('|')}|mdx:[a-z0-9][a-z0-9-]*)$`, 'u'), {
  message: `expected one of ${deckSections.join(', ')} or mdx:<file> (a slides/<report-id>/<file>.mdx)`,
});

/** A report's deck configuration, read from slides/<report-id>/deck.yaml; every field is optional. */
export const deckConfigSchema = z
  .object({
    /** The sections in order; leave one out to drop it; mdx:<file> inserts a hand-written slide. Default: every built-in section. */
    sections: z
      .array(sectionItem)
      .min(1, { message: 'must hold at least one section' })
      .default([...deckSections]),
    /**
     * status: the problems by status, each status opened by its group slide (default); report: in the report's own
     * groups (方面, categories, units) and printed order, each top-level group opened by a slide of its heading.
     */
    problemOrder: z.enum(problemOrders, { error: `expected one of ${problemOrders.join(', ')}` }).default('status'),
    /** slides: one slide per completed problem (default); grid: one grid slide, details as vertical sub-slides. */
    completedLayout: z.enum(completedLayouts, { error: `expected one of ${completedLayouts.join(', ')}` }).default('slides'),
    /**
     * The presenter's own slide text for measures, by problem slug and measure number: `completed-01: { 2: 某某 }`.
     * The slide shows it instead of the measure's own words; the notes, page and exports keep the report's text.
     */
    leads: z
      .record(
        z.string(),
        z.record(
          z.string().regex(/^[1-9][0-9]*$/u, { message: 'a measure is named by its number (1, 2, …)' }),
          z.string({ error: 'expected the slide text' }).trim().min(1, { message: 'must not be empty' }),
          { error: 'expected measure numbers and their slide text under each problem' },
        ),
        { error: 'expected problem slugs (e.g. completed-01) and their measures' },
      )
      .default({}),
  })
  .strict();

export type DeckConfig = z.infer<typeof deckConfigSchema>;
export type DeckLength = (typeof deckLengths)[number];
export type CompletedLayout = (typeof completedLayouts)[number];
