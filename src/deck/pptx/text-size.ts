// How much room text takes on a slide, counted in em so the answer holds for 微软雅黑 and Noto Sans CJK alike
// (character widths: src/lib/char-width.ts, its office face); each line keeps one em spare for the line-breaking
// rules (a 。 never starts a line, so a character may move down).
import { getCharEm, isWideChar } from '#src/lib/char-width.ts';

/** LibreOffice puts a quarter em between Chinese and Latin or figures (“2021 年 7 月”); PowerPoint and WPS do not. */
const autoSpaceEm = 0.25;

/** The width of a string in em, with the spacing LibreOffice adds between Chinese and Latin. */
export function getTextEm(text: string): number {
  let em = 0;
  let previous: string | undefined;
  for (const char of text) {
    em += getCharEm(char, 'office');
    if (previous !== undefined && previous !== ' ' && char !== ' ' && isWideChar(previous) !== isWideChar(char)) em += autoSpaceEm;
    previous = char;
  }
  return em;
}

/** Pieces that wrap as units: each Han character alone, Latin words and figures whole. */
function splitBreakable(text: string): string[] {
  return text.match(/[A-Za-z0-9@._\-/:%+]+|\s|./gu) ?? [];
}

/** One run of text at a type size (px). */
export interface MeasuredRun {
  text: string;
  sizePx: number;
  /** The run starts a new line (a soft line break before it). */
  softBreakBefore?: boolean;
}

/** The number of lines a paragraph of runs takes in a box `widthPx` wide, wrapping greedily. Empty text takes one line. */
export function countRunLines(runs: readonly MeasuredRun[], widthPx: number): number {
  return layoutRunLines(runs, widthPx).lines;
}

/**
 * The room left on a paragraph's last line, px: the smaller of what the counted layout (one em spare a line) and a
 * renderer filling every line to the edge leave, since where the lines break differs between the two.
 */
export function getLastLineRoom(runs: readonly MeasuredRun[], widthPx: number): number {
  const counted = layoutRunLines(runs, widthPx);
  const filled = layoutRunLines(runs, widthPx, false);
  return Math.min(counted.capacity - counted.used, filled.capacity - filled.used);
}

/** Wraps runs greedily: the lines they take and how much of the last one is used. */
function layoutRunLines(runs: readonly MeasuredRun[], widthPx: number, keepSpare = true): { lines: number; used: number; capacity: number } {
  let lines = 1;
  let used = 0;
  // One em of the largest size stays free on every line for the line-breaking rules.
  const spare = keepSpare ? Math.max(...runs.map((run) => run.sizePx), 0) : 0;
  const capacity = widthPx - spare;
  if (capacity <= 0) throw new Error(`a text box ${widthPx}px wide cannot hold ${spare}px type`);
  for (const run of runs) {
    if (run.softBreakBefore && (used > 0 || lines > 1)) {
      lines += 1;
      used = 0;
    }
    for (const piece of splitBreakable(run.text)) {
      if (piece === '\n') {
        lines += 1;
        used = 0;
        continue;
      }
      const width = getTextEm(piece) * run.sizePx;
      if (used > 0 && used + width > capacity) {
        lines += 1;
        used = 0;
        if (/^\s$/u.test(piece)) continue;
      }
      // A word wider than the line is broken by the renderer: count the extra lines it fills.
      if (width > capacity) {
        lines += Math.ceil(width / capacity) - 1;
        used = width % capacity;
      } else {
        used += width;
      }
    }
  }
  return { lines, used, capacity };
}
