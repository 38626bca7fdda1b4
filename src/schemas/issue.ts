import { z } from 'astro/zod';
import { correctionSchema } from './correction.ts';
import { dueSchema } from './dates.ts';

/** The two status groups of section 二, in the report's order. */
export const issueStatuses = ['completed', 'ongoing'] as const;

/** How `continues` names a problem: its report's id (folder name), a slash, its slug as in its URL. */
export const CONTINUES_PATTERN = new RegExp(`^[a-z0-9][a-z0-9-]*/(${issueStatuses.join('|')})-\\d{2,}$`, 'u');

/** A problem's status: completed (已整改完成) or ongoing (持续整改). */
export type IssueStatus = (typeof issueStatuses)[number];

/** A key figure of a problem, shown large on its slide. */
export const highlightSchema = z.object({
  /** The figure as printed, e.g. 4035.4; value + unit must occur in the body. */
  value: z.string({ error: 'highlights.value: required' }).min(1, { message: 'highlights.value: must not be empty' }),
  /** Its unit as printed, e.g. 万元. */
  unit: z.string().default(''),
  /** What it counts (editorial), e.g. 贷款贴息、保费补贴. */
  label: z.string({ error: 'highlights.label: required' }).min(1, { message: 'highlights.label: must not be empty' }),
});

/** A dated promise still to be kept, quoted from the body. */
export const commitmentSchema = z.object({
  /** When it is due: YYYY, YYYY-MM or YYYY-MM-DD. */
  due: dueSchema('commitments.due'),
  /** The promise, verbatim; must occur in the body. */
  quote: z.string({ error: 'commitments.quote: required' }).min(1, { message: 'commitments.quote: must not be empty' }),
  /** How the due date was read where the source omits part of it, e.g. the year (editorial). */
  dateNote: z.string().optional(),
});

/** One problem (问题) raised by the inspectors and what was done about it; the body holds the text. */
export const issueSchema = z.object({
  /** The id of the report this problem belongs to (its folder name). */
  report: z.string({ error: 'report: required' }).min(1, { message: 'report: must not be empty' }),
  /** completed (已整改完成) or ongoing (持续整改). */
  status: z.enum(issueStatuses, { error: `status: expected one of ${issueStatuses.join(', ')}` }),
  /** Its number within its status group, as printed. */
  number: z
    .number({ error: 'number: expected a whole number' })
    .int({ message: 'number: expected a whole number' })
    .positive({ message: 'number: must be 1 or more' }),
  /** The title exactly as printed, without its number. */
  title: z.string({ error: 'title: required' }).min(1, { message: 'title: must not be empty' }),
  /** A short title for slides and lists (editorial). */
  shortTitle: z
    .string({ error: 'shortTitle: required' })
    .min(1, { message: 'shortTitle: must not be empty' })
    .max(20, { message: 'shortTitle: at most 20 characters, it must fit a slide heading' }),
  /** Key figures (curated); each value + unit must occur in the body. */
  highlights: z.array(highlightSchema).max(6, { message: 'highlights: at most 6' }).default([]),
  /** Dated promises still to be kept (curated); each quote must occur in the body. */
  commitments: z.array(commitmentSchema).default([]),
  /** Evident extraction errors in this problem's text, kept as printed and noted here. */
  corrections: z.array(correctionSchema).default([]),
  /** The problem of an earlier report this one carries on, as <report-id>/<problem-slug>, e.g. szkj-20220422/ongoing-01 (editorial). */
  continues: z
    .string({ error: 'continues: expected <report-id>/<problem-slug>, e.g. szkj-20220422/ongoing-01' })
    .regex(CONTINUES_PATTERN, { message: 'continues: expected <report-id>/<problem-slug>, e.g. szkj-20220422/ongoing-01' })
    .optional(),
});

export type IssueData = z.infer<typeof issueSchema>;
export type Highlight = z.infer<typeof highlightSchema>;
export type Commitment = z.infer<typeof commitmentSchema>;
