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

/** Converts 一 … 九十九 to a number. */
export function parseChineseNumeral(text: string): number {
  const digits = [...text].map((char) => CN_DIGITS.indexOf(char) + 1);
  if (digits.length === 1) return digits[0] ?? 0;
  if (digits.length === 2 && digits[0] === 10) return 10 + (digits[1] ?? 0);
  if (digits.length === 2 && digits[1] === 10) return (digits[0] ?? 0) * 10;
  if (digits.length === 3) return (digits[0] ?? 0) * 10 + (digits[2] ?? 0);
  return 0;
}

/** Writes 1 … 99 as 一 … 九十九, the inverse of parseChineseNumeral. */
export function formatChineseNumeral(value: number): string {
  const digit = (n: number) => CN_DIGITS[n - 1] ?? '';
  if (value <= 10) return digit(value);
  if (value < 20) return `十${digit(value - 10)}`;
  return `${digit(Math.floor(value / 10))}十${value % 10 === 0 ? '' : digit(value % 10)}`;
}

const pad = (n: number | string) => String(n).padStart(2, '0');

/** YYYY-MM-DD from its printed parts. */
export function toDay(year: number | string, month: number | string, day: number | string): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** YYYY-MM from its printed parts. */
export function toMonth(year: number | string, month: number | string): string {
  return `${year}-${pad(month)}`;
}
