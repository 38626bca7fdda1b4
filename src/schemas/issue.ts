import { z } from 'astro/zod';
import { correctionSchema } from './correction.ts';
import { dueSchema } from './dates.ts';

/** A problem's three statuses, in the order decks and lists present them: completed, ongoing, long-term. */
export const issueStatuses = ['completed', 'ongoing', 'longTerm'] as const;

/** Whether a string (a deck section, a --status value) names a problem status. */
export function isIssueStatus(value: string): value is (typeof issueStatuses)[number] {
  return (issueStatuses as readonly string[]).includes(value);
}

/** Where a report states a problem's status: its group's heading, a 整改状态： line, or a closing phrase of the body. */
export const statusSources = ['heading', 'line', 'phrase'] as const;

/** A problem's slug (its file name and URL segment): lowercase letters, digits and hyphens. */
export const ISSUE_SLUG_PATTERN = /^[a-z0-9][a-z0-9-]*$/u;

/** How `continues` names a problem: its report's id (folder name), a slash, its slug as in its URL. */
export const CONTINUES_PATTERN = /^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/u;

/** A problem's status: completed (已整改完成), ongoing (正在整改, 阶段性完成) or long-term (需长期坚持). */
export type IssueStatus = (typeof issueStatuses)[number];

/** A key figure of a problem, shown large on its slide. */
export const highlightSchema = z.object({
  /** The figure as printed, e.g. 4035.4; value + unit must occur in the body. */
  value: z.string({ error: 'required' }).min(1, { message: 'must not be empty' }),
  /** Its unit as printed, e.g. 万元. */
  unit: z.string().default(''),
  /** What it counts (editorial), e.g. 贷款贴息、保费补贴. */
  label: z.string({ error: 'required' }).min(1, { message: 'must not be empty' }),
});

/** A dated promise still to be kept, quoted from the body. */
export const commitmentSchema = z.object({
  /** When it is due: YYYY, YYYY-MM or YYYY-MM-DD. */
  due: dueSchema,
  /** The promise, verbatim; must occur in the body. */
  quote: z.string({ error: 'required' }).min(1, { message: 'must not be empty' }),
  /** How the due date was read where the source omits part of it, e.g. the year (editorial). */
  dateNote: z.string().optional(),
});

/** One problem (问题) raised by the inspectors and what was done about it; the body holds the text. */
export const issueSchema = z.object({
  /** The id of the report this problem belongs to (its folder name). */
  report: z.string({ error: 'required' }).min(1, { message: 'must not be empty' }),
  /** completed (已整改完成), ongoing (正在整改) or longTerm (需长期坚持). */
  status: z.enum(issueStatuses, { error: `expected one of ${issueStatuses.join(', ')}` }),
  /** The words of the report that state the status, verbatim (a 整改状态： line, or a closing phrase that occurs in the body); absent where its group's heading states it. */
  statusWords: z.string().min(1, { message: 'must not be empty' }).optional(),
  /** Where the status is stated: heading (its group's), line (整改状态：…) or phrase (in the body); absent means heading. */
  statusFrom: z.enum(statusSources, { error: `expected one of ${statusSources.join(', ')}` }).optional(),
  /** The key of the report's group it is printed under (report.yaml `groups`), e.g. 1.2; absent where the report's groups are its status groups. */
  group: z
    .string()
    .regex(/^\d+(\.\d+)*$/u, { message: 'expected a group key such as 1 or 1.2' })
    .optional(),
  /** Its ordinal as printed, e.g. 1．, 1. or （1）; absent means `<number>．`. */
  ordinal: z.string().min(1, { message: 'must not be empty' }).optional(),
  /** Its number within its group, as printed. */
  number: z.number({ error: 'expected a whole number' }).int({ message: 'expected a whole number' }).positive({ message: 'must be 1 or more' }),
  /** The title exactly as printed, without its number. */
  title: z.string({ error: 'required' }).min(1, { message: 'must not be empty' }),
  /** The inspectors' finding where the title quotes one (关于“…”问题), verbatim; must occur in the title. */
  finding: z.string().min(1, { message: 'must not be empty' }).optional(),
  /** A label printed before the measures, verbatim, e.g. 整改情况： (absent where none is printed). */
  measuresLabel: z.string().min(1, { message: 'must not be empty' }).optional(),
  /** A short title for slides and lists (editorial). */
  shortTitle: z
    .string({ error: 'required' })
    .min(1, { message: 'must not be empty' })
    .max(20, { message: 'at most 20 characters, it must fit a slide heading' }),
  /** Key figures (curated); each value + unit must occur in the body. */
  highlights: z.array(highlightSchema).max(6, { message: 'at most 6' }).default([]),
  /** Dated promises still to be kept (curated); each quote must occur in the body. */
  commitments: z.array(commitmentSchema).default([]),
  /** Evident extraction errors in this problem's text, kept as printed and noted here. */
  corrections: z.array(correctionSchema).default([]),
  /** The problem of an earlier report this one carries on, as <report-id>/<problem-slug>, e.g. szkj-20220422/ongoing-01 (editorial). */
  continues: z
    .string({ error: 'expected <report-id>/<problem-slug>, e.g. szkj-20220422/ongoing-01' })
    .regex(CONTINUES_PATTERN, { message: 'expected <report-id>/<problem-slug>, e.g. szkj-20220422/ongoing-01' })
    .optional(),
});

export type IssueData = z.infer<typeof issueSchema>;
export type Highlight = z.infer<typeof highlightSchema>;
export type Commitment = z.infer<typeof commitmentSchema>;
