// The printed markers of a 巡察整改情况通报: section ordinals, problem numbers, measure openers, the date line.

export const CN_DIGITS = '一二三四五六七八九十';
/** 一、整改工作组织情况 */
export const SECTION = new RegExp(`^([${CN_DIGITS}]+)、(.*)$`, 'u');
/** （一）压实整改主体责任。… */
export const SUBSECTION = new RegExp(`^（([${CN_DIGITS}]+)）(.*)$`, 'u');
/** 1．关于…的整改 */
export const PROBLEM = /^(\d+)\s*[．.、]\s*(关于.*)$/u;
/** 一是… 二是… */
export const MEASURE_START = new RegExp(`^[${CN_DIGITS}]+是`, 'u');
export const HEADING_START = [SECTION, SUBSECTION, PROBLEM];
/** 2022年4月22日 on a line of its own. */
export const DATE_LINE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/u;

// The numerals themselves have one home, src/lib/numerals.ts.
export { parseChineseNumeral } from '#src/lib/numerals.ts';

const pad = (n: number | string) => String(n).padStart(2, '0');

/** YYYY-MM-DD from its printed parts. */
export function toDay(year: number | string, month: number | string, day: number | string): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** YYYY-MM from its printed parts. */
export function toMonth(year: number | string, month: number | string): string {
  return `${year}-${pad(month)}`;
}
