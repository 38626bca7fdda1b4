import { z } from 'astro/zod';
import { labels } from '#src/lib/labels.ts';
import { correctionSchema } from './correction.ts';
import { daySchema } from './dates.ts';

const count = (field: string) =>
  z
    .number({ error: `${field}: expected a whole number` })
    .int({ message: `${field}: expected a whole number` })
    .nonnegative({ message: `${field}: must not be negative` });

/** One organisation measure, printed as （一）lead。text. */
export const organisationMeasureSchema = z.object({
  /** The ordinal as printed, e.g. （一）. */
  ordinal: z.string().regex(/^（[一二三四五六七八九十]+）$/, { message: 'organisation.measures.ordinal: expected a printed ordinal such as （一）' }),
  /** The lead phrase up to and including its first 。, verbatim. */
  lead: z.string().min(1, { message: 'organisation.measures.lead: must not be empty' }),
  /** The rest of the measure's paragraph, verbatim. */
  text: z.string().min(1, { message: 'organisation.measures.text: must not be empty' }),
});

/** A dated event the report mentions (a meeting, the feedback), for the timeline. */
export const reportEventSchema = z.object({
  /** The day it happened, YYYY-MM-DD. */
  date: daySchema('events.date'),
  /** A short label for the timeline (editorial). */
  label: z.string().min(1, { message: 'events.label: must not be empty' }),
  /** The words of the report that date it, verbatim; must occur in the report's text. */
  quote: z.string().min(1, { message: 'events.quote: must not be empty' }),
  /** How the date was read where the source omits part of it, e.g. the year (editorial). */
  dateNote: z.string().optional(),
});

/** A report: metadata, preface, organisation, plan and contacts of one 巡察整改情况通报. */
export const reportSchema = z
  .object({
    /** The report's title as printed, e.g. 关于巡察“回头看”整改情况的通报. */
    title: z.string({ error: 'title: required' }).min(1, { message: 'title: must not be empty' }),
    /** The issuing body (发文机关) as printed. */
    issuer: z.string({ error: 'issuer: required' }).min(1, { message: 'issuer: must not be empty' }),
    /** The date of the report (成文日期), YYYY-MM-DD. */
    date: daySchema('date'),
    /** The inspection the report answers. */
    inspection: z.object(
      {
        /** The inspection team, e.g. 市委第二巡察组. */
        team: z.string({ error: 'inspection.team: required' }).min(1, { message: 'inspection.team: must not be empty' }),
        /** Its kind, e.g. 巡察“回头看”. */
        kind: z.string({ error: 'inspection.kind: required' }).min(1, { message: 'inspection.kind: must not be empty' }),
        /** First day of the inspection, YYYY-MM-DD. */
        start: daySchema('inspection.start'),
        /** Last day of the inspection, YYYY-MM-DD. */
        end: daySchema('inspection.end'),
        /** The day the team gave its feedback, YYYY-MM-DD; absent where the report does not say. */
        feedback: daySchema('inspection.feedback').optional(),
        /** How a date was read where the source omits part of it (editorial). */
        dateNote: z.string().optional(),
      },
      { error: 'inspection: required' },
    ),
    /** The totals the report states; each is absent where the report does not state it (never counted in). */
    declared: z
      .object(
        {
          /** 项: groups of problems the inspectors raised, as stated (…项…个问题). */
          items: count('declared.items').optional(),
          /** 问题: problems raised, as stated (…项…个问题). */
          problems: count('declared.problems').optional(),
          /** Problems the report states completed (共计N个问题已整改完成). */
          completed: count('declared.completed').optional(),
          /** Problems the report states still being rectified (共计N个问题正在整改). */
          ongoing: count('declared.ongoing').optional(),
        },
        { error: 'declared: expected an object of stated totals' },
      )
      .default({}),
    /** The preface before section 一, verbatim, one string per paragraph. */
    preface: z.array(z.string().min(1), { error: 'preface: expected a list of paragraphs' }).min(1, { message: 'preface: must hold at least one paragraph' }),
    /** Section 一: how the rectification was organised; absent where the report has no such section. */
    organisation: z
      .object(
        {
          /** The section heading as printed, without its ordinal. */
          heading: z.string().default('整改工作组织情况'),
          /** The paragraph before the measures, verbatim. */
          intro: z.string().min(1, { message: 'organisation.intro: must not be empty' }),
          /** The measures （一）（二）…, in printed order. */
          measures: z.array(organisationMeasureSchema).min(1, { message: 'organisation.measures: must hold at least one measure' }),
        },
        { error: 'organisation: expected an object' },
      )
      .optional(),
    /** Section 二: heading and the paragraph opening each status group. */
    implementation: z.object(
      {
        /** The section heading as printed, without its ordinal. */
        heading: z.string().default('整改落实情况'),
        /** Heading of the completed group, without its ordinal. */
        completedHeading: z.string().default(labels.statusGroup.completed),
        /** The paragraph opening the completed group, verbatim; absent where the report prints no such group. */
        completedIntro: z.string().min(1, { message: 'implementation.completedIntro: must not be empty' }).optional(),
        /** Heading of the ongoing group, without its ordinal. */
        ongoingHeading: z.string().default(labels.statusGroup.ongoing),
        /** The paragraph opening the ongoing group, verbatim; absent where the report prints no such group (all completed). */
        ongoingIntro: z.string().min(1, { message: 'implementation.ongoingIntro: must not be empty' }).optional(),
      },
      { error: 'implementation: required' },
    ),
    /** Section 三: the next-step plan. */
    plan: z.object(
      {
        /** The section heading as printed, without its ordinal. */
        heading: z.string().min(1, { message: 'plan.heading: must not be empty' }),
        /** The plan, verbatim, one string per paragraph. */
        paragraphs: z.array(z.string().min(1)).min(1, { message: 'plan.paragraphs: must hold at least one paragraph' }),
      },
      { error: 'plan: required' },
    ),
    /** Channels for supervision (监督); absent where the report gives none. */
    contact: z
      .object(
        {
          /** The contact paragraph, verbatim. */
          text: z.string().min(1, { message: 'contact.text: must not be empty' }),
          /** Telephone number as printed. */
          phone: z.string().optional(),
          /** Postal address as printed. */
          address: z.string().optional(),
          /** Postcode as printed. */
          postcode: z
            .string()
            .regex(/^\d{6}$/, { message: 'contact.postcode: expected six digits' })
            .optional(),
          /** E-mail address as printed. */
          email: z.email({ message: 'contact.email: not a valid e-mail address' }).optional(),
        },
        { error: 'contact: expected an object' },
      )
      .optional(),
    /** 索引号 of a 信息公开 page, as printed there. */
    indexNumber: z.string().min(1, { message: 'indexNumber: must not be empty' }).optional(),
    /** 文号 (document number, e.g. 青文旅党〔2024〕3号), as printed. */
    documentNumber: z.string().min(1, { message: 'documentNumber: must not be empty' }).optional(),
    /** The signature line as printed (usually the issuer). */
    signature: z.string().optional(),
    /** Dated events for the timeline (meetings, feedback); each quote must occur in the report's text. */
    events: z.array(reportEventSchema).default([]),
    /** Evident extraction errors in the report's own text, kept as printed and noted here. */
    corrections: z.array(correctionSchema).default([]),
    /** Set when the text was read by OCR from a scan: the report page says so until an editor sets confirmed: true. */
    ocr: z.object({ confirmed: z.boolean({ error: 'ocr.confirmed: expected true or false' }), engine: z.string().optional() }).optional(),
  })
  .refine((report) => report.inspection.start <= report.inspection.end, {
    message: 'inspection.end: must not be before inspection.start',
    path: ['inspection', 'end'],
  })
  .refine(
    ({ declared }) =>
      declared.problems === undefined ||
      declared.completed === undefined ||
      declared.ongoing === undefined ||
      declared.completed + declared.ongoing === declared.problems,
    {
      message: 'declared.problems: must equal declared.completed + declared.ongoing',
      path: ['declared', 'problems'],
    },
  );

export type ReportData = z.infer<typeof reportSchema>;
export type OrganisationMeasure = z.infer<typeof organisationMeasureSchema>;
export type ReportEvent = z.infer<typeof reportEventSchema>;
