import { z } from 'astro/zod';

/** The built-in sections of a deck, in their default order. */
// carried (上轮持续整改问题进展) plans slides only when the report continues problems of an earlier one.
export const deckSections = ['title', 'overview', 'organisation', 'carried', 'completed', 'ongoing', 'longTerm', 'plan', 'commitments', 'closing'] as const;

/** A built-in section of a deck. */
export type DeckSection = (typeof deckSections)[number];

/** How the completed problems are shown: one slide each, or a grid of short titles with the detail as vertical sub-slides. */
export const completedLayouts = ['slides', 'grid'] as const;

// A section item is a built-in section name or `mdx:<file>`, a hand-written slide in slides/<report-id>/<file>.mdx.
const sectionItem = z.string().regex(new RegExp(`^(${deckSections.join('|')}|mdx:[a-z0-9][a-z0-9-]*)$`, 'u'), {
  message: `sections: expected one of ${deckSections.join(', ')} or mdx:<file> (a slides/<report-id>/<file>.mdx)`,
});

/** A report's deck configuration, read from slides/<report-id>/deck.yaml; every field is optional. */
export const deckConfigSchema = z
  .object({
    /** The sections in order; leave one out to drop it; mdx:<file> inserts a hand-written slide. Default: every built-in section. */
    sections: z
      .array(sectionItem)
      .min(1, { message: 'sections: must hold at least one section' })
      .default([...deckSections]),
    /** slides: one slide per completed problem (default); grid: one grid slide, details as vertical sub-slides. */
    completedLayout: z.enum(completedLayouts, { error: `completedLayout: expected one of ${completedLayouts.join(', ')}` }).default('slides'),
  })
  .strict();

export type DeckConfig = z.infer<typeof deckConfigSchema>;
export type CompletedLayout = (typeof completedLayouts)[number];
