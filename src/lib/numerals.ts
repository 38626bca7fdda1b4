// Chinese numerals as reports print them in ordinals (一是, （十二）, 二、): 一 … 九十九. The one home of both directions.

const DIGITS = '一二三四五六七八九十';
const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Converts 一 … 九十九 to a number (0 when the text is not such a numeral). */
export function parseChineseNumeral(text: string): number {
  const digits = [...text].map((char) => DIGITS.indexOf(char) + 1);
  if (digits.length === 1) return digits[0] ?? 0;
  if (digits.length === 2 && digits[0] === 10) return 10 + (digits[1] ?? 0);
  if (digits.length === 2 && digits[1] === 10) return (digits[0] ?? 0) * 10;
  if (digits.length === 3) return (digits[0] ?? 0) * 10 + (digits[2] ?? 0);
  return 0;
}

/** A whole number from 1 to 99 in Chinese numerals, as reports number their sections: 一, 十, 十二, 二十一. */
export function formatChineseNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 99) throw new RangeError(`formatChineseNumeral: ${value} is not a whole number from 1 to 99`);
  if (value <= 10) return NUMERALS[value] ?? '';
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  return `${tens === 1 ? '' : NUMERALS[tens]}十${ones === 0 ? '' : NUMERALS[ones]}`;
}
