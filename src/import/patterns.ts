// The printed markers of a 巡察整改情况通报: section ordinals, problem numbers, measure openers, the date line.
import { formatChineseNumeral, parseChineseNumeral } from '#src/lib/numerals.ts';

export const CN_DIGITS = '一二三四五六七八九十';
/** 一、整改工作组织情况 */
export const SECTION = new RegExp(`^([${CN_DIGITS}]+)、(.*)$`, 'u');
/** （一）压实整改主体责任。… */
export const SUBSECTION = new RegExp(`^（([${CN_DIGITS}]+)）(.*)$`, 'u');
/** 1．关于…的整改 */
export const PROBLEM = /^(\d+)\s*[．.、]\s*(关于.*)$/u;
/** 一是… 二是… */
export const MEASURE_START = new RegExp(`^[${CN_DIGITS}]+是`, 'u');
/** What opens a paragraph in wrapped text: any numbering level in either width (see readMarker), or a status or measures label. */
export const HEADING_START = [
  SECTION,
  SUBSECTION,
  PROBLEM,
  new RegExp(`^\\([${CN_DIGITS}]+\\)`, 'u'),
  /^[（(]\d{1,2}[）)]/u,
  /^\d{1,2}\s*[．.、](?![\d．.])/u,
  /^[①-⑳]/u,
  /^(?:整改|完成|办理)?(?:状态|进度|进展|结果)\s*[:：]/u,
  /^(?:整改(?:落实|完成|推进|进展)?(?:情况|措施|举措|进展|成效|结果)|落实情况|整改落实|主要措施|具体措施)\s*[:：]/u,
];
/** 2022年4月22日 on a line of its own. */
export const DATE_LINE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/u;

// The numerals themselves have one home, src/lib/numerals.ts.
export { parseChineseNumeral };

const pad = (n: number | string) => String(n).padStart(2, '0');

/** YYYY-MM-DD from its printed parts. */
export function toDay(year: number | string, month: number | string, day: number | string): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** YYYY-MM from its printed parts. */
export function toMonth(year: number | string, month: number | string): string {
  return `${year}-${pad(month)}`;
}

// ---- The numbering levels of GB/T 9704 and the words a report states status, labels and totals in. ----

/** A numbering level: 1 一、 2 （一） 3 1. 4 （1） 5 ①. */
export type Rank = 1 | 2 | 3 | 4 | 5;

/** A printed ordinal: its level, the marker as printed and its number. */
export interface Marker {
  rank: Rank;
  /** As printed, e.g. 一、 （一） (一) 1． 1. 1、 （1）. */
  ordinal: string;
  number: number;
  /** The text after the marker. */
  rest: string;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
// Either punctuation width: 一、 （一） (一) 1． 1. 1、 （1） (1); a digit after 1. is a figure (1.5万元), not a number.
const MARKERS: readonly { rank: Rank; pattern: RegExp; numeral: 'chinese' | 'arabic' | 'circled' }[] = [
  { rank: 1, pattern: new RegExp(`^([${CN_DIGITS}]{1,3})\\s*[、．.](?![\\d．.])\\s*`, 'u'), numeral: 'chinese' },
  { rank: 2, pattern: new RegExp(`^[（(]\\s*([${CN_DIGITS}]{1,3})\\s*[）)]\\s*[、.．]?\\s*`, 'u'), numeral: 'chinese' },
  { rank: 3, pattern: /^(\d{1,2})\s*[．.、](?![\d．.])\s*/u, numeral: 'arabic' },
  { rank: 4, pattern: /^[（(]\s*(\d{1,2})\s*[）)]\s*/u, numeral: 'arabic' },
  { rank: 5, pattern: new RegExp(`^([${CIRCLED}])\\s*`, 'u'), numeral: 'circled' },
];

/** The ordinal a paragraph opens with, if any. */
export function readMarker(text: string): Marker | undefined {
  for (const { rank, pattern, numeral } of MARKERS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const digits = match[1] ?? '';
    const number = numeral === 'arabic' ? Number(digits) : numeral === 'circled' ? CIRCLED.indexOf(digits) + 1 : parseChineseNumeral(digits);
    if (number < 1) continue;
    const rest = text.slice(match[0].length).trim();
    // A marker alone on a line, or one followed by a figure, opens nothing.
    if (rest.length === 0) continue;
    return { rank, ordinal: match[0].trim(), number, rest };
  }
  return undefined;
}

/** The level a --problems-at value names: 一、 （一） (一) 1. 1． 1、 （1） (1) ①. */
export function readRank(ordinal: string): Rank | undefined {
  return readMarker(`${ordinal.trim()}x`)?.rank;
}

/** The marker of `rank` numbered `number`, drawn in the style of `like` (an ordinal as printed). */
export function formatOrdinalLike(like: string, number: number): string {
  const rank = readRank(like);
  if (rank === 1 || rank === 2) return like.replace(new RegExp(`[${CN_DIGITS}]+`, 'u'), formatChineseNumeral(number));
  if (rank === 5) return CIRCLED[number - 1] ?? like;
  return like.replace(/\d+/u, String(number));
}

/** 整改情况： 整改落实情况： 整改措施： — a label printed before a problem's measures. */
export const MEASURES_LABEL = /^((?:整改(?:落实|完成|推进|进展)?(?:情况|措施|举措|进展|成效|结果))|落实情况|整改落实|主要措施|具体措施)\s*[:：]\s*/u;

/** 整改状态：完成 — a problem's status on a line of its own (or opening a paragraph). */
export const STATUS_LINE = /^((?:整改|完成|办理|目前)?(?:状态|进度|进展|情况|结果)\s*[:：]\s*([^，。；;,:：\s]{1,10}))(?:[。；;.]\s*|\s+|$)/u;

/** The date as printed in Chinese numerals, e.g. 二〇二四年九月二十七日. */
export const CN_DATE_LINE = /^([〇零一二三四五六七八九○Ｏ]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/u;

/** Reads a date printed in Chinese numerals to its parts, e.g. 二〇二四年九月二十七日 → 2024, 9, 27. */
export function readChineseDate(text: string): { year: number; month: number; day: number } | undefined {
  const match = CN_DATE_LINE.exec(text);
  if (!match) return undefined;
  const year = Number([...(match[1] ?? '')].map((char) => '〇一二三四五六七八九'.indexOf(char.replace(/[零○Ｏ]/u, '〇'))).join(''));
  return { year, month: parseChineseNumeral(match[2] ?? ''), day: parseChineseNumeral(match[3] ?? '') };
}
