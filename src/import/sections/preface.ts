// The heading (issuing body, title) and the preface before section 一、: who inspected, when, and when they reported back.
import { ImportError } from '#src/import/errors.ts';
import { toDay } from '#src/import/patterns.ts';
import type { Paragraph, ReportInput } from '#src/import/types.ts';

/** The issuing body and the title, read from the paragraphs before the preface. */
export interface Heading {
  issuer: string;
  title: string;
  /** Index of the title paragraph; the preface follows it. */
  titleIndex: number;
}

/** Reads the heading among `paragraphs[0 .. end)`: the issuer's lines, then a title ending in 通报, 报告 or 情况. */
export function readHeading(paragraphs: readonly Paragraph[], end: number): Heading {
  const titleIndex = paragraphs.findIndex((p, i) => i < end && /(通报|报告|情况)$/u.test(p.text));
  if (titleIndex < 1) throw new ImportError('no heading: expected the issuing body and a title ending in 通报 before the preface', paragraphs[0]?.line);
  return {
    issuer: paragraphs
      .slice(0, titleIndex)
      .map((p) => p.text)
      .join(''),
    title: paragraphs[titleIndex]?.text ?? '',
    titleIndex,
  };
}

/** The preface and the inspection it describes. */
export interface Preface {
  paragraphs: string[];
  inspection: ReportInput['inspection'];
  /** The year the inspection ended, for dates printed without one. */
  endYear: string;
  /** The year of the feedback, for the dates of section 一 printed without one. */
  feedbackYear: string;
}

/** Reads the preface paragraphs (between the title and section 一、). */
export function readPreface(paragraphs: readonly Paragraph[], warnings: string[], nextLine: number | undefined): Preface {
  if (paragraphs.length === 0) throw new ImportError('the preface before section 一、 is missing', nextLine);
  const text = paragraphs.map((p) => p.text).join('');
  const line = paragraphs[0]?.line;
  const period = /(\d{4})年(\d{1,2})月(\d{1,2})日至(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/u.exec(text);
  if (!period) throw new ImportError('the preface gives no inspection period (…年…月…日至…年…月…日)', line);
  const endYear = period[4] ?? period[1] ?? '';
  const team = /([^，。]*?巡察组)对/u.exec(text)?.[1] ?? '';
  // 开展巡察“回头看”, 开展了常规巡察, 开展专项巡察: the kind is the phrase ending in 巡察 and its quoted suffix.
  const kind = /开展了?([^，。“”]{0,6}?巡察(?:“[^”]+”)?)/u.exec(text)?.[1] ?? '巡察';
  if (!team) warnings.push(`line ${line}: no inspection team (…巡察组) found in the preface`);
  const feedback = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日，巡察组向[^，。]*反馈/u.exec(text);
  const feedbackYear = feedback?.[1] ?? endYear;
  const inspection: ReportInput['inspection'] = {
    team,
    kind,
    start: toDay(period[1] ?? '', period[2] ?? '', period[3] ?? ''),
    end: toDay(endYear, period[5] ?? '', period[6] ?? ''),
  };
  // A follow-up report may not date the feedback: a missing fact is left out, never guessed.
  if (!feedback) warnings.push(`line ${line}: the preface gives no feedback date (…月…日，巡察组向…反馈); inspection.feedback left out`);
  else inspection.feedback = toDay(feedbackYear, feedback[2] ?? '', feedback[3] ?? '');
  if (feedback && !feedback[1]) inspection.dateNote = `反馈日期原文为“${feedback[2]}月${feedback[3]}日”，年份按巡察结束年份（${endYear}年）推定`;
  return { paragraphs: paragraphs.map((p) => p.text), inspection, endYear, feedbackYear };
}
