// Text hygiene: the invisible characters no field of a report may carry. C0/C1 controls (a NUL or BEL pasted from a
// PDF), bidi controls (U+202E can make a title read differently from what it says) and zero-width characters. The
// importer removes them and says where; the build refuses hand-edited content that holds one. Pure.

/** Every character refused: C0 controls but tab, line feed and carriage return; DEL and C1; bidi marks, embeddings,
 * overrides and isolates; zero-width space, joiners, word joiner and a BOM inside text. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this module's purpose.
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/gu;

/** One invisible character found: its line (1-based), column (1-based, in UTF-16 units) and code point as U+XXXX. */
export interface InvisibleCharacter {
  line: number;
  column: number;
  code: string;
}

/** The U+XXXX name of a character. */
export function formatCodePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Whether text holds any invisible character. */
export function hasInvisible(text: string): boolean {
  INVISIBLE.lastIndex = 0;
  const found = INVISIBLE.test(text);
  INVISIBLE.lastIndex = 0;
  return found;
}

/** Finds every invisible character of text, by line (lines split at \n, \r\n or \r). */
export function findInvisible(text: string): InvisibleCharacter[] {
  const found: InvisibleCharacter[] = [];
  text.split(/\r\n|\r|\n/u).forEach((line, index) => {
    for (const match of line.matchAll(INVISIBLE)) found.push({ line: index + 1, column: (match.index ?? 0) + 1, code: formatCodePoint(match[0]) });
  });
  return found;
}

/** Removes every invisible character; a form feed or vertical tab (a page break in extracted text) becomes a line break. */
export function removeInvisible(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a vertical tab or form feed is what is replaced.
  return text.replace(/[\u000b\u000c]/gu, '\n').replace(INVISIBLE, '');
}

/** Summarises found characters as "line 3 (U+202E), line 9 (U+0000 ×2)", at most `limit` lines, then "… and n more lines". */
export function describeInvisible(found: readonly InvisibleCharacter[], limit = 5): string {
  const byLine = new Map<number, Map<string, number>>();
  for (const { line, code } of found) {
    const codes = byLine.get(line) ?? new Map<string, number>();
    codes.set(code, (codes.get(code) ?? 0) + 1);
    byLine.set(line, codes);
  }
  const parts = [...byLine].slice(0, limit).map(([line, codes]) => {
    const list = [...codes].map(([code, count]) => (count > 1 ? `${code} ×${count}` : code)).join(', ');
    return `line ${line} (${list})`;
  });
  const rest = byLine.size - limit;
  return rest > 0 ? `${parts.join(', ')} … and ${rest} more lines` : parts.join(', ');
}
