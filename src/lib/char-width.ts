// How wide characters are, in one table for every place the kit measures text: the deck's budget (a browser with
// Noto Sans SC), the PowerPoint fit (微软雅黑 / Noto Sans CJK / DejaVu Sans in LibreOffice) and the ledger's Excel
// columns. The renderers differ only in how they set Latin text; Han characters and full-width marks are one em
// (two Excel character units) everywhere.

/** East Asian Wide and Fullwidth code points (Unicode UAX #11), as [first, last] ranges in ascending order. */
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], // Hangul Jamo initials
  [0x2e80, 0xa4cf], // CJK radicals, symbols and punctuation, kana, CJK ideographs, Yi
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe30, 0xfe4f], // CJK compatibility forms
  [0xff00, 0xff60], // full-width forms
  [0xffe0, 0xffe6], // full-width signs
  [0x20000, 0x3fffd], // CJK extensions B onwards
];

/** Whether a character is East Asian Wide or Fullwidth (Han, kana, Hangul, full-width forms). */
export function isWideChar(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return WIDE_RANGES.some(([first, last]) => code >= first && code <= last);
}

/** Whether a Chinese face draws a character one em wide: wide ones, and general punctuation such as “ ” — … (U+2000 on). */
function isFullEmInChineseFaces(char: string): boolean {
  return isWideChar(char) || (char.codePointAt(0) ?? 0) >= 0x2000;
}

/** Which renderer sets the text: a browser with Noto Sans SC, or PowerPoint, WPS and LibreOffice (Latin fallback faces). */
export type TextFace = 'web' | 'office';

/**
 * The width of one character in em. The browser's Latin is Noto Sans SC's (about 0.6 em); the office figures err on
 * the wide side, taking the wider of 微软雅黑, Noto Sans CJK and DejaVu Sans (LibreOffice's Latin fallback) per glyph class.
 */
export function getCharEm(char: string, face: TextFace): number {
  if (isFullEmInChineseFaces(char)) return 1;
  if (face === 'web') return char === ' ' ? 0.3 : 0.62;
  if (char === ' ') return 0.35;
  if (/[.,:;'|!il()[\]]/u.test(char)) return 0.4;
  if (/[@mwMW%]/u.test(char)) return 1;
  if (/[A-Z]/u.test(char)) return 0.8;
  return 0.7; // figures and lower case, bold DejaVu Sans being the widest
}

/** The display width of text in Excel character units: wide characters take two, others one. */
export function getExcelTextWidth(text: string): number {
  let width = 0;
  for (const char of text) width += isWideChar(char) ? 2 : 1;
  return width;
}
