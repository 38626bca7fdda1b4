// Chinese numerals as reports print them in ordinals (一是, （十二）): 一 … 九十九.

const DIGITS = '一二三四五六七八九十';

/** Converts 一 … 九十九 to a number (0 when the text is not such a numeral). */
export function parseChineseNumeral(text: string): number {
  const digits = [...text].map((char) => DIGITS.indexOf(char) + 1);
  if (digits.length === 1) return digits[0] ?? 0;
  if (digits.length === 2 && digits[0] === 10) return 10 + (digits[1] ?? 0);
  if (digits.length === 2 && digits[1] === 10) return (digits[0] ?? 0) * 10;
  if (digits.length === 3) return (digits[0] ?? 0) * 10 + (digits[2] ?? 0);
  return 0;
}

/** Writes 1 … 99 as Chinese numerals (一, 十, 十一, 二十三). */
export function formatChineseNumeral(value: number): string {
  const digits = '零一二三四五六七八九';
  if (value < 10) return digits[value] ?? String(value);
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  return `${tens === 1 ? '' : digits[tens]}十${ones === 0 ? '' : digits[ones]}`;
}
