import { z } from 'astro/zod';
import { labels } from '#src/lib/labels.ts';
import { correctionSchema } from './correction.ts';
import { daySchema } from './dates.ts';
import { issueStatuses } from './issue.ts';

/** A count as reports print it: a whole number, never negative. */
const countSchema = z.number({ error: 'expected a whole number' }).int({ message: 'expected a whole number' }).nonnegative({ message: 'must not be negative' });

/** One organisation measure: printed as （一）lead。text, 1.text, 一是…, or a plain paragraph. */
export const organisationMeasureSchema = z.object({
  /** The ordinal as printed, e.g. （一） or 1.; absent for a plain paragraph or an inline 一是…. */
  ordinal: z.string().min(1, { message: 'must not be empty' }).optional(),
  /** The lead phrase up to and including its first 。, verbatim; absent where the measure has none. */
  lead: z.string().min(1, { message: 'must not be empty' }).optional(),
  /** The rest of the measure's paragraph, verbatim. */
  text: z.string().min(1, { message: 'must not be empty' }),
});

/** A part of the organisation section with a heading of its own, e.g. （一）…履行巡察整改主体责任情况. */
export const organisationPartSchema = z.object({
  /** The ordinal as printed, e.g. （一）. */
  ordinal: z.string().min(1, { message: 'must not be empty' }).optional(),
  /** The heading as printed, without its ordinal. */
  heading: z.string().min(1, { message: 'must not be empty' }),
  /** Its measures, in printed order (一是… paragraphs, 1. items or plain paragraphs). */
  measures: z.array(organisationMeasureSchema).min(1, { message: 'must hold at least one measure' }),
});

/** A group of problems as the report prints it: a 方面 theme, a category, a unit or a status group. */
export const issueGroupSchema = z.object({
  /** Its key: its position among its siblings, dotted under its parent's, e.g. 1, 1.2 (problems name it in 'group'). */
  key: z.string().regex(/^\d+(\.\d+)*$/u, { message: 'expected a key such as 1 or 1.2' }),
  /** The ordinal as printed, e.g. （一） or 1.; absent where the heading has none. */
  ordinal: z.string().min(1, { message: 'must not be empty' }).optional(),
  /** The heading as printed, without its ordinal, e.g. 在“…”方面 or 反馈问题：…. */
  heading: z.string().min(1, { message: 'must not be empty' }),
  /** Paragraphs between the heading and its first problem or subgroup, verbatim. */
  intro: z.array(z.string().min(1)).default([]),
  /** The status its heading states (已整改完成的问题), which its problems then share; absent for other groups. */
  status: z.enum(issueStatuses, { error: `expected one of ${issueStatuses.join(', ')}` }).optional(),
});

/** An outcome figure of the rectification the report states (处分、制度、资金), quoted. */
export const outcomeSchema = z.object({
  /** What it counts, as printed, e.g. 党纪政务处分. */
  label: z.string().min(1, { message: 'must not be empty' }),
  /** The figure as printed, e.g. 3 or 12.56. */
  value: z.string().min(1, { message: 'must not be empty' }),
  /** Its unit as printed, e.g. 人, 项, 万元. */
  unit: z.string().default(''),
  /** The words of the report that state it, verbatim; must occur in the report's text and hold value + unit. */
  quote: z.string().min(1, { message: 'must not be empty' }),
});

/** A dated event the report mentions (a meeting, the feedback), for the timeline. */
export const reportEventSchema = z.object({
  /** The day it happened, YYYY-MM-DD. */
  date: daySchema,
  /** A short label for the timeline (editorial). */
  label: z.string().min(1, { message: 'must not be empty' }),
  /** The words of the report that date it, verbatim; must occur in the report's text. */
  quote: z.string().min(1, { message: 'must not be empty' }),
  /** How the date was read where the source omits part of it, e.g. the year (editorial). */
  dateNote: z.string().optional(),
});

/** A report: metadata, preface, organisation, plan and contacts of one 巡察整改情况通报. */
export const reportSchema = z
  .object({
    /** The report's title as printed, e.g. 关于巡察“回头看”整改情况的通报. */
    title: z.string({ error: 'required' }).min(1, { message: 'must not be empty' }),
    /** The issuing body (发文机关) as printed. */
    issuer: z.string({ error: 'required' }).min(1, { message: 'must not be empty' }),
    /** The date of the report (成文日期), YYYY-MM-DD. */
    date: daySchema,
    /** The inspection the report answers. */
    inspection: z
      .object(
        {
          /** The inspection team, e.g. 市委第二巡察组; absent where the report does not name it. */
          team: z.string().min(1, { message: 'must not be empty' }).optional(),
          /** Its kind, e.g. 巡察“回头看”; absent where the report does not say. */
          kind: z.string().min(1, { message: 'must not be empty' }).optional(),
          /** First day of the inspection, YYYY-MM-DD; absent where the report gives no period. */
          start: daySchema.optional(),
          /** Last day of the inspection, YYYY-MM-DD; absent where the report gives no period. */
          end: daySchema.optional(),
          /** The day the team gave its feedback, YYYY-MM-DD; absent where the report does not say. */
          feedback: daySchema.optional(),
          /** How a date was read where the source omits part of it (editorial). */
          dateNote: z.string().optional(),
        },
        { error: 'expected an object' },
      )
      .default({}),
    /** The totals the report states; each is absent where the report does not state it (never counted in). */
    declared: z
      .object(
        {
          /** 项: groups of problems the inspectors raised, as stated (…项…个问题). */
          items: countSchema.optional(),
          /** 问题: problems raised, as stated (…项…个问题). */
          problems: countSchema.optional(),
          /** Problems the report states completed (共计N个问题已整改完成). */
          completed: countSchema.optional(),
          /** Problems the report states still being rectified (共计N个问题正在整改, 阶段性完成N个). */
          ongoing: countSchema.optional(),
          /** Problems the report states are to be kept up long-term (需长期坚持N个). */
          longTerm: countSchema.optional(),
          /** The completion rate as printed, e.g. 92% (整改完成率92%). */
          rate: z
            .string()
            .regex(/^\d+(\.\d+)?[%％]$/u, { message: 'expected a rate as printed, e.g. 92%' })
            .optional(),
        },
        { error: 'expected an object of stated totals' },
      )
      .default({}),
    /** Outcome figures the report states (党纪政务处分N人, 建立完善制度N项, 追缴资金N万元), in printed order. */
    outcomes: z.array(outcomeSchema).default([]),
    /** The preface before section 一, verbatim, one string per paragraph. */
    preface: z.array(z.string().min(1), { error: 'expected a list of paragraphs' }).min(1, { message: 'must hold at least one paragraph' }),
    /** Section 一: how the rectification was organised; absent where the report has no such section. */
    organisation: z
      .object(
        {
          /** The section heading as printed, without its ordinal; absent where the organisation stands in unheaded parts. */
          heading: z.string().min(1, { message: 'must not be empty' }).optional(),
          /** The section's ordinal as printed, e.g. 一、 or （一）; absent means 一、. */
          ordinal: z.string().min(1, { message: 'must not be empty' }).optional(),
          /** The paragraph before the measures, verbatim; absent where there is none. */
          intro: z.string().min(1, { message: 'must not be empty' }).optional(),
          /** The measures （一）（二）…, 一是… or plain paragraphs, in printed order. */
          measures: z.array(organisationMeasureSchema).default([]),
          /** Parts with headings of their own (主体责任, 第一责任人), in printed order, after the measures. */
          parts: z.array(organisationPartSchema).default([]),
        },
        { error: 'expected an object' },
      )
      .optional(),
    /** The report's groups of problems as printed (方面 themes, categories, units), in order, parents before children; absent where its groups are the status groups of 'implementation'. */
    groups: z.array(issueGroupSchema).default([]),
    /** Section 二: heading and the paragraph opening each status group; absent where the report has no such section. */
    implementation: z
      .object(
        {
          /** The section heading as printed, without its ordinal; absent where the problems stand under no such heading. */
          heading: z.string().min(1, { message: 'must not be empty' }).optional(),
          /** Heading of the completed group, without its ordinal. */
          completedHeading: z.string().default(labels.statusGroup.completed),
          /** The paragraph opening the completed group, verbatim; absent where the report prints no such group. */
          completedIntro: z.string().min(1, { message: 'must not be empty' }).optional(),
          /** Heading of the ongoing group, without its ordinal. */
          ongoingHeading: z.string().default(labels.statusGroup.ongoing),
          /** The paragraph opening the ongoing group, verbatim; absent where the report prints no such group (all completed). */
          ongoingIntro: z.string().min(1, { message: 'must not be empty' }).optional(),
          /** Heading of the long-term group, without its ordinal. */
          longTermHeading: z.string().default(labels.statusGroup.longTerm),
          /** The paragraph opening the long-term group, verbatim; absent where the report prints no such group. */
          longTermIntro: z.string().min(1, { message: 'must not be empty' }).optional(),
          /** The section's ordinal as printed, e.g. 二、; absent means the one after organisation. */
          ordinal: z.string().min(1, { message: 'must not be empty' }).optional(),
          /** Paragraphs between the heading and the first group, verbatim. */
          intro: z.array(z.string().min(1)).default([]),
        },
        { error: 'expected an object' },
      )
      .prefault({}),
    /** Section 三: the next-step plan; absent where the report states none. */
    plan: z
      .object(
        {
          /** The section heading as printed, without its ordinal; absent for an unheaded 下一步，… paragraph. */
          heading: z.string().min(1, { message: 'must not be empty' }).optional(),
          /** The section's ordinal as printed, e.g. 三、 or （四）. */
          ordinal: z.string().min(1, { message: 'must not be empty' }).optional(),
          /** The plan, verbatim, one string per paragraph. */
          paragraphs: z.array(z.string().min(1)).min(1, { message: 'must hold at least one paragraph' }),
        },
        { error: 'expected an object' },
      )
      .optional(),
    /** Channels for supervision (监督); absent where the report gives none. */
    contact: z
      .object(
        {
          /** The contact paragraph, verbatim. */
          text: z.string().min(1, { message: 'must not be empty' }),
          /** Telephone number as printed. */
          phone: z.string().optional(),
          /** Postal address as printed. */
          address: z.string().optional(),
          /** Postcode as printed. */
          postcode: z
            .string()
            .regex(/^\d{6}$/, { message: 'expected six digits' })
            .optional(),
          /** E-mail address as printed. */
          email: z.email({ message: 'not a valid e-mail address' }).optional(),
        },
        { error: 'expected an object' },
      )
      .optional(),
    /** 索引号 of a 信息公开 page, as printed there. */
    indexNumber: z.string().min(1, { message: 'must not be empty' }).optional(),
    /** 文号 (document number, e.g. 青文旅党〔2024〕3号), as printed. */
    documentNumber: z.string().min(1, { message: 'must not be empty' }).optional(),
    /** The signature line as printed (usually the issuer). */
    signature: z.string().optional(),
    /** Dated events for the timeline (meetings, feedback); each quote must occur in the report's text. */
    events: z.array(reportEventSchema).default([]),
    /** Evident extraction errors in the report's own text, kept as printed and noted here. */
    corrections: z.array(correctionSchema).default([]),
    /** Set when the text was read by OCR from a scan: the report page says so until an editor sets confirmed: true. */
    ocr: z.object({ confirmed: z.boolean({ error: 'expected true or false' }), engine: z.string().optional() }).optional(),
  })
  .refine((report) => !report.inspection.start || !report.inspection.end || report.inspection.start <= report.inspection.end, {
    message: 'must not be before inspection.start',
    path: ['inspection', 'end'],
  })
  .refine(
    ({ declared }) =>
      declared.problems === undefined ||
      declared.completed === undefined ||
      declared.ongoing === undefined ||
      declared.completed + declared.ongoing + (declared.longTerm ?? 0) === declared.problems,
    {
      message: 'must equal declared.completed + declared.ongoing + declared.longTerm',
      path: ['declared', 'problems'],
    },
  );

export type ReportData = z.infer<typeof reportSchema>;
export type OrganisationMeasure = z.infer<typeof organisationMeasureSchema>;
export type OrganisationPart = z.infer<typeof organisationPartSchema>;
export type IssueGroup = z.infer<typeof issueGroupSchema>;
export type Outcome = z.infer<typeof outcomeSchema>;
export type ReportEvent = z.infer<typeof reportEventSchema>;
