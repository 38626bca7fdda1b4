import { z } from 'astro/zod';

/** The sections of a deck across reports, in their default order. */
// carried plans a slide only where a selected report continues a problem of an earlier one.
export const crossDeckSections = ['title', 'summary', 'open', 'commitments', 'carried'] as const;

/** A section of a deck across reports. */
export type CrossDeckSection = (typeof crossDeckSections)[number];

/** The name of a deck across reports: its file name under slides/decks/, and its URL (/decks/<name>/). */
export const crossDeckNamePattern = /^[a-z0-9][a-z0-9-]*$/u;

/** Which reports a deck across reports covers: every report of an issuer, of a year, or both; or a list of report ids. */
const selectSchema = z
  .object({
    /** The issuing body, exactly as the reports' `issuer` gives it. */
    issuer: z.string({ error: 'expected the issuing body as the reports give it' }).trim().min(1, { message: 'must not be empty' }).optional(),
    /** The year of the reports' dates (YYYY). */
    year: z.coerce
      .number({ error: 'expected a year (YYYY)' })
      .int({ message: 'expected a year (YYYY)' })
      .min(1949, { message: 'expected a year (YYYY)' })
      .max(9999, { message: 'expected a year (YYYY)' })
      .optional(),
    /** Report ids (folder names under content/reports/), in any order; the deck shows them oldest first. */
    reports: z
      .array(z.string({ error: 'expected report ids' }).trim().min(1, { message: 'a report id must not be empty' }), {
        error: 'expected a list of report ids',
      })
      .min(1, { message: 'must name at least one report' })
      .optional(),
  })
  .strict()
  .refine((select) => select.issuer !== undefined || select.year !== undefined || select.reports !== undefined, {
    message: 'name an issuer, a year or a list of reports',
  })
  .refine((select) => select.reports === undefined || (select.issuer === undefined && select.year === undefined), {
    message: 'a list of reports stands alone (not with issuer or year)',
  });

/** A deck across reports, read from slides/decks/<name>.yaml. */
export const crossDeckConfigSchema = z
  .object({
    /** The deck's title, on its title slide and page (e.g. 2023年度巡察整改情况汇总). */
    title: z.string({ error: 'expected the deck’s title' }).trim().min(1, { message: 'must not be empty' }),
    /** Which reports it covers (see selectSchema). */
    select: selectSchema,
    /** The sections in order; leave one out to drop it. Default: every section. */
    sections: z
      .array(z.enum(crossDeckSections, { error: `expected one of ${crossDeckSections.join(', ')}` }))
      .min(1, { message: 'must hold at least one section' })
      .default([...crossDeckSections]),
  })
  .strict();

export type CrossDeckConfig = z.infer<typeof crossDeckConfigSchema>;
export type CrossDeckSelect = CrossDeckConfig['select'];
