// The heading (issuing body, title) and the preface before the first numbered section: who inspected, when, and
// when they reported back. A title may stand alone (the issuer then comes from the signature or the page header).
import { ImportError } from '#src/import/errors.ts';
import { toDay } from '#src/import/patterns.ts';
import type { Paragraph, ReportInput } from '#src/import/types.ts';

/** The issuing body and the title, read from the paragraphs before the preface. */
export interface Heading {
  /** The issuer's lines before the title, joined; undefined where the title stands first. */
  issuer: string | undefined;
  title: string;
  /** Position of the title's first line among the paragraphs given. */
  titleFrom: number;
  /** Position of the title's last line; the preface follows it. */
  titleAt: number;
  /** Positions of lines before the title that are the document number (…〔2024〕3号), with it. */
  documentNumber?: { at: number; value: string } | undefined;
}

const TITLE = /(?:通报|报告|情况|公告|公示|说明)[。]?$/u;
const DOCUMENT_NUMBER = /^\S*[〔［[]\d{4}[〕］\]]\s*\d+\s*号$/u;

/** Reads the heading among `paragraphs[0 .. end)`: the issuer's lines (if any), then a title ending in 通报, 报告 or 情况. */
export function readHeading(paragraphs: readonly Paragraph[], end: number): Heading {
  const titleAt = paragraphs.findIndex((p, i) => i < Math.min(end, 6) && TITLE.test(p.text) && p.text.length <= 80 && !p.text.slice(0, -1).includes('。'));
  if (titleAt < 0) throw new ImportError('no heading: expected a title ending in 通报 (or 报告, 情况) before the preface', paragraphs[0]?.line);
  const numberAt = paragraphs.slice(0, titleAt).findIndex((p) => DOCUMENT_NUMBER.test(p.text));
  // A title wrapped over lines (a PDF's 中共…党组关于…意见 / 整改进展情况的通报): an issuer line never says 关于.
  const opening = paragraphs.findIndex((p, i) => i < titleAt && i !== numberAt && p.text.includes('关于'));
  const titleFrom = opening >= 0 ? opening : titleAt;
  const issuer = paragraphs
    .slice(0, titleFrom)
    .filter((_, i) => i !== numberAt)
    .map((p) => p.text)
    .join('');
  return {
    issuer: issuer || undefined,
    title: paragraphs
      .slice(titleFrom, titleAt + 1)
      .filter((_, i) => i + titleFrom !== numberAt)
      .map((p) => p.text)
      .join(''),
    titleFrom,
    titleAt,
    documentNumber: numberAt >= 0 ? { at: numberAt, value: paragraphs[numberAt]?.text ?? '' } : undefined,
  };
}

/** The issuer a title names before 关于 (中共某某局党组关于…的通报), or undefined. */
export function readTitleIssuer(title: string): string | undefined {
  const prefix = /^(.{2,40}?)关于/u.exec(title)?.[1];
  return prefix && /(?:党组|党委|委员会|工委|支部|总支|局|厅|委|办|院|校|中心|公司|政府|街道|社区|村|镇|乡|集团|部)$/u.test(prefix) ? prefix : undefined;
}

/** The preface and the inspection it describes. */
export interface Preface {
  paragraphs: string[];
  inspection: NonNullable<ReportInput['inspection']>;
  /** The year the inspection ended, for dates printed without one ('' where the preface gives no period). */
  endYear: string;
  /** The year of the feedback, for the dates of the organisation printed without one. */
  feedbackYear: string;
}

/** Reads the preface paragraphs (between the title and the first numbered section). */
export function readPreface(paragraphs: readonly Paragraph[], warnings: string[], nextLine: number | undefined): Preface {
  if (paragraphs.length === 0) throw new ImportError('the preface before the first numbered section (一、 or （一）) is missing', nextLine);
  const text = paragraphs.map((p) => p.text).join('');
  const line = paragraphs[0]?.line;
  const inspection: NonNullable<ReportInput['inspection']> = {};
  const period = /(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?(?:至|—|－|-|到)(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日)?/u.exec(text);
  const endYear = period ? (period[4] ?? period[1] ?? '') : '';
  if (period?.[3] && period[6]) {
    inspection.start = toDay(period[1] ?? '', period[2] ?? '', period[3]);
    inspection.end = toDay(endYear, period[5] ?? '', period[6]);
  } else {
    warnings.push(`line ${line}: the preface gives no inspection period (…年…月…日至…月…日); inspection.start and end left out`);
  }
  const team = /([^，。、；,;]*?巡[察视](?:工作)?组)(?:[^，。,]{0,8}?)对/u.exec(text)?.[1];
  if (team) inspection.team = team;
  else warnings.push(`line ${line}: no inspection team (…巡察组) found in the preface`);
  // 开展巡察“回头看”, 开展了常规巡察, 开展专项巡察: the kind is the phrase ending in 巡察 and its quoted suffix.
  const kind = /开展了?([^，。“”]{0,6}?巡[察视](?:“[^”]+”)?)/u.exec(text)?.[1];
  if (kind) inspection.kind = kind;
  const feedback = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:上午|下午)?，[^，。]{0,16}?巡[察视](?:工作)?组[^，。]{0,12}?反馈/u.exec(text);
  const feedbackYear = feedback?.[1] ?? endYear;
  // A follow-up report may not date the feedback: a missing fact is left out, never guessed.
  if (!feedback || !feedbackYear) warnings.push(`line ${line}: the preface gives no feedback date (…月…日，巡察组向…反馈); inspection.feedback left out`);
  else inspection.feedback = toDay(feedbackYear, feedback[2] ?? '', feedback[3] ?? '');
  if (feedback && !feedback[1] && feedbackYear)
    inspection.dateNote = `反馈日期原文为“${feedback[2]}月${feedback[3]}日”，年份按巡察结束年份（${endYear}年）推定`;
  return { paragraphs: paragraphs.map((p) => p.text), inspection, endYear, feedbackYear };
}
