// Kangxi Radicals (U+2F00–U+2FD5) and CJK Radicals Supplement (U+2E80–U+2EF3) mapped one by one to the unified
// ideographs they stand for, from Unicode's EquivalentUnifiedIdeograph.txt (vendored in ./unicode/ with its licence).
// PDFs printed with Noto / Source Han fonts extract ⼀ for 一 and ⻘ for 青; NFKC would fix those but also turn
// （）：， into ASCII, so only these two blocks are touched.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const RANGES: readonly [number, number][] = [
  [0x2f00, 0x2fd5],
  [0x2e80, 0x2ef3],
];

let table: Map<string, string> | undefined;

/** The radical → ideograph table, read once from the vendored Unicode data file. */
export function getRadicalTable(): Map<string, string> {
  if (table) return table;
  const source = readFileSync(path.join(import.meta.dirname, 'unicode', 'EquivalentUnifiedIdeograph.txt'), 'utf8');
  table = new Map();
  for (const line of source.split('\n')) {
    const match = /^([0-9A-F]{4,6})(?:\.\.([0-9A-F]{4,6}))?\s*;\s*([0-9A-F]{4,6})/u.exec(line);
    if (!match) continue;
    const from = Number.parseInt(match[1] ?? '', 16);
    const to = Number.parseInt(match[2] ?? match[1] ?? '', 16);
    const target = String.fromCodePoint(Number.parseInt(match[3] ?? '', 16));
    for (let code = from; code <= to; code += 1) {
      if (RANGES.some(([low, high]) => code >= low && code <= high)) table.set(String.fromCodePoint(code), target);
    }
  }
  return table;
}

/** Replaces every radical that has an equivalent unified ideograph; returns the text and how many characters changed. */
export function mapRadicals(text: string): { text: string; mapped: number } {
  const radicals = getRadicalTable();
  let mapped = 0;
  const out = text.replace(/[\u2e80-\u2ef3\u2f00-\u2fd5]/gu, (char) => {
    const ideograph = radicals.get(char);
    if (ideograph === undefined) return char;
    mapped += 1;
    return ideograph;
  });
  return { text: out, mapped };
}
