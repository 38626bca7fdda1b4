// The deck's character budget: how much text fits a 1280×720 slide at which type size, decided at build time so
// the browser, the single file, the PDF and the PowerPoint (src/deck/plan.ts feeds them all) break slides alike.
// Its sizes are the design tokens of src/deck/tokens.ts, which the theme's CSS custom properties are generated from.

import { getCharEm } from '#src/lib/char-width.ts';
import { LINE_HEIGHT, SLIDE } from './tokens.ts';

export type { TypeScale } from './tokens.ts';
export { BLOCK, HEADING_TRACKING, LINE_HEIGHT, MIN_FONT_PX, SCALES, SLIDE, TYPE } from './tokens.ts';

/** The width text may use: the frame minus both paddings. */
export const CONTENT_WIDTH = SLIDE.width - 2 * SLIDE.padX;
/** The height content may use: the frame minus top padding and the bottom strip. */
export const CONTENT_HEIGHT = SLIDE.height - SLIDE.padTop - SLIDE.padBottom;

/**
 * Safety margins. Lines are wrapped as if 5% narrower than they are and the slide as if 6% shorter, so the layout
 * still fits where a font's metrics differ from Noto Sans SC's (Microsoft YaHei in PowerPoint, a fallback face).
 */
export const SAFETY = { width: 0.95, height: 0.94 } as const;

/** The longest lead phrase a bullet shows, in characters; longer ones show their first 40 (the whole text is in the notes). */
export const LEAD_MAX_CHARS = 40;

/** The fewest characters a shortened bullet shows, where its clauses allow: a bare 加强学习， says nothing. */
export const LEAD_MIN_CHARS = 16;

// Characters that may not start a line (CJK line breaking pulls the previous character down with them).
const NO_LINE_START = new Set([...'。，、；：？！）》」』”’…—%．，']);
// Latin letters, digits and their joiners stay together, as the browser keeps a word on one line.
const WORD_CHAR = /[A-Za-z0-9.%\-_/@:]/u;

/** The width of a text in em at no letter spacing. */
export function measureEm(text: string): number {
  let width = 0;
  for (const char of text) width += getCharEm(char, 'web');
  return width;
}

/**
 * How many lines a text takes in a box `widthPx` wide at `fontPx` (letter spacing in em), wrapping like a browser
 * does for Chinese: anywhere between characters, Latin words kept whole, closing punctuation never first on a line.
 */
export function countLines(text: string, fontPx: number, widthPx: number, trackingEm = 0): number {
  const limit = (widthPx * SAFETY.width) / fontPx;
  const units: string[] = [];
  for (const char of text) {
    const last = units.at(-1);
    if (last !== undefined && WORD_CHAR.test(char) && WORD_CHAR.test(last.at(-1) ?? '')) units[units.length - 1] = last + char;
    else units.push(char);
  }
  let lines = 1;
  let used = 0;
  let previous = 0;
  for (const unit of units) {
    const width = measureEm(unit) + trackingEm * [...unit].length;
    if (used + width > limit && used > 0) {
      lines += 1;
      // A closing mark that would open the line takes the character before it along.
      used = NO_LINE_START.has(unit) ? previous + width : width;
    } else {
      used += width;
    }
    previous = width;
  }
  return text.length === 0 ? 0 : lines;
}

/** Whether a text wrapped in a box `widthPx` wide leaves at most `chars` characters alone on its last line. */
export function leavesShortLastLine(text: string, fontPx: number, widthPx: number, chars = 2, trackingEm = 0): boolean {
  const all = [...text];
  if (all.length <= chars) return false;
  return countLines(text, fontPx, widthPx, trackingEm) > countLines(all.slice(0, -chars).join(''), fontPx, widthPx, trackingEm);
}

/** The height of a text block in px: its lines at a font size and line height. */
export function getTextHeight(text: string, fontPx: number, widthPx: number, lineHeight: number = LINE_HEIGHT.body, trackingEm = 0): number {
  return Math.ceil(countLines(text, fontPx, widthPx, trackingEm) * fontPx * lineHeight);
}

/** The height a slide's content may fill once the safety margin is taken off. */
export const USABLE_HEIGHT = Math.floor(CONTENT_HEIGHT * SAFETY.height);

/**
 * Splits items into pages: each page holds a fixed part (`first` on the first page, `rest` on the others) and as
 * many items, in order, as fit `USABLE_HEIGHT`. Throws when one item alone cannot fit a page, naming `what`.
 */
export function paginate<T>(items: readonly T[], heightOf: (item: T) => number, fixed: { first: number; rest: number }, what: string): T[][] {
  const pages: T[][] = [[]];
  let used = fixed.first;
  for (const item of items) {
    const height = heightOf(item);
    const page = pages.at(-1)!;
    if (used + height > USABLE_HEIGHT && page.length > 0) {
      pages.push([item]);
      used = fixed.rest + height;
    } else {
      page.push(item);
      used += height;
    }
    if (used > USABLE_HEIGHT) throw new Error(`${what}: one item needs ${used} px of a slide's ${USABLE_HEIGHT} px; it cannot be shown whole`);
  }
  return pages;
}

const PAIRS: Record<string, string> = { '《': '》', '“': '”', '（': '）', '「': '」', '【': '】' };

/** The index of the last opening mark in `chars` that is not closed after it, or -1. */
function findOpenBracket(chars: readonly string[]): number {
  const stack: number[] = [];
  chars.forEach((char, index) => {
    if (PAIRS[char]) stack.push(index);
    else if (stack.length > 0 && PAIRS[chars[stack.at(-1)!]!] === char) stack.pop();
  });
  return stack.at(-1) ?? -1;
}

/** The part of a text a bullet shows: its lead phrase if within LEAD_MAX_CHARS, else its first LEAD_MAX_CHARS characters. */
export function clipLead(lead: string): { text: string; complete: boolean } {
  const chars = [...lead];
  if (chars.length <= LEAD_MAX_CHARS) return { text: lead, complete: true };
  let cut = LEAD_MAX_CHARS;
  // A figure (358万次, 2022年) is never cut in two: the cut moves before its digits.
  while (cut > LEAD_MAX_CHARS / 2 && /[0-9.%A-Za-z]/u.test(chars[cut] ?? '') && /[0-9.%A-Za-z]/u.test(chars[cut - 1] ?? '')) cut -= 1;
  // Nor is a quoted name (《…》, “…”, （…）) left open at the end: the cut moves before its opening mark.
  const open = findOpenBracket(chars.slice(0, cut));
  if (open > LEAD_MAX_CHARS / 2) cut = open;
  return { text: chars.slice(0, cut).join(''), complete: false };
}

// Where a clause or sentence ends: after ，；：。！？ and any closing quotes or brackets that follow.
const CLAUSE_END = /[，；：。！？][”’」』）》]*/gu;
const SENTENCE_END = /[。！？；]$/u;

/**
 * The whole forms a bullet can show of a text, shortest first: each prefix that ends at a clause's end (，；：。！？,
 * outside any 《…》 “…” （…）), then the text itself. Every form ends where the text's own punctuation ends a clause,
 * so no form cuts a word, a figure or a quoted name.
 */
export function listWholeForms(text: string): string[] {
  const forms: string[] = [];
  for (const match of text.matchAll(CLAUSE_END)) {
    const end = match.index + match[0].length;
    if (end >= text.length) break;
    if (findOpenBracket([...text.slice(0, end)]) >= 0) continue;
    forms.push(text.slice(0, end));
  }
  forms.push(text);
  return forms;
}

/**
 * The form a bullet shows when its slide is full: its lead phrase (to the first 。；！？) when within LEAD_MAX_CHARS,
 * else its longest run of whole clauses within LEAD_MAX_CHARS, lengthened to LEAD_MIN_CHARS where that is a bare
 * opening clause; a first clause longer than LEAD_MAX_CHARS is shown whole. Returns the index into `forms`.
 */
export function pickBaseForm(forms: readonly string[]): number {
  const length = (index: number) => [...forms[index]!].length;
  const lead = forms.findIndex((form) => SENTENCE_END.test(form));
  if (lead >= 0 && length(lead) <= LEAD_MAX_CHARS) return lead;
  let base = 0;
  while (base + 1 < forms.length && length(base + 1) <= LEAD_MAX_CHARS) base += 1;
  while (base + 1 < forms.length && length(base) < LEAD_MIN_CHARS) base += 1;
  return base;
}
