// How much room text takes on a slide, counted in em so the answer holds for 微软雅黑 and Noto Sans CJK alike:
// every Han character and full-width mark is 1 em in both; Latin letters and figures are given the width of
// the wider of the two faces (and of DejaVu Sans, LibreOffice's Latin fallback), and each line keeps one em
// spare for the line-breaking rules (a 。 never starts a line, so a character may move down).

/** The width of one character in em, erring on the wide side. */
export function getCharEm(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0x2e80) return 1; // Han, kana, CJK and full-width punctuation
  if (char === ' ') return 0.35;
  if (/[.,:;'|!il()[\]]/u.test(char)) return 0.4;
  if (/[@mwMW%]/u.test(char)) return 1;
  if (/[A-Z]/u.test(char)) return 0.8;
  if (code >= 0x2000) return 1; // general punctuation such as “ ” — full width in Chinese faces
  return 0.7; // figures and lower case, bold DejaVu Sans being the widest
}

/** LibreOffice puts a quarter em between Chinese and Latin or figures (“2021 年 7 月”); PowerPoint and WPS do not. */
const autoSpaceEm = 0.25;
const isWide = (char: string) => (char.codePointAt(0) ?? 0) >= 0x2e80;

/** The width of a string in em, with the spacing LibreOffice adds between Chinese and Latin. */
export function getTextEm(text: string): number {
  let em = 0;
  let previous: string | undefined;
  for (const char of text) {
    em += getCharEm(char);
    if (previous !== undefined && previous !== ' ' && char !== ' ' && isWide(previous) !== isWide(char)) em += autoSpaceEm;
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
}

/** The number of lines a paragraph of runs takes in a box `widthPx` wide, wrapping greedily. Empty text takes one line. */
export function countLines(runs: readonly MeasuredRun[], widthPx: number): number {
  let lines = 1;
  let used = 0;
  // One em of the largest size stays free on every line for the line-breaking rules.
  const spare = Math.max(...runs.map((run) => run.sizePx), 0);
  const capacity = widthPx - spare;
  if (capacity <= 0) throw new Error(`a text box ${widthPx}px wide cannot hold ${spare}px type`);
  for (const run of runs) {
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
  return lines;
}
