// Rebuilds the paragraphs of extracted text: the one place that knows how a PDF's hard wraps are undone.
import { compactChineseSpacing, stripZeroWidth } from '#src/lib/text.ts';
import { isChromeLine } from './chrome.ts';
import { DATE_LINE, HEADING_START, MEASURE_START, PROBLEM, SECTION, SUBSECTION } from './patterns.ts';
import type { Layout, Paragraph } from './types.ts';

/** Visual width of a line: a Chinese character counts twice an ASCII one. */
function visualWidth(line: string): number {
  let width = 0;
  for (const char of line) width += char.codePointAt(0)! <= 0xff ? 1 : 2;
  return width;
}

/** The layout of text whose 90th-percentile line width is `full`: wrapped lines stay under a page's width. */
export function detectLayout(full: number): Layout {
  return full > 120 ? 'paragraphs' : 'wrapped';
}

/**
 * Rebuilds paragraphs from extracted text: a PDF breaks lines mid-sentence and a page break leaves a
 * leading space, so a paragraph ends only after a short line or before a line that opens a heading or a measure.
 */
export function joinParagraphs(raw: string, layout?: Layout): Paragraph[] {
  const lines = raw
    .replace(/^\ufeff/u, '')
    .split(/\r\n|\r|\n/u)
    .map((text, index) => {
      const clean = stripZeroWidth(text);
      // A first-line indent (two ideographic or several ASCII spaces) survives some extractions and is
      // the one sure sign of a new paragraph; a single leading space is what a page break leaves.
      return { text: clean.trim(), line: index + 1, indented: /^(?:\u3000|[ \t]{2,})/u.test(clean) };
    })
    .filter((line) => line.text.length > 0);
  if (lines.length === 0) return [];
  // Indentation tells paragraphs apart only where some lines have it and (nearly) all do not.
  const indentedCount = lines.filter((line) => line.indented).length;
  const useIndent = indentedCount >= 2 && indentedCount < lines.length * 0.9;
  const widths = lines.map((line) => visualWidth(line.text)).sort((a, b) => a - b);
  const full = widths[Math.floor(widths.length * 0.9)] ?? 0;
  // A printed line holds at most ~40 Chinese characters (width 80); text whose long lines are far wider
  // was saved one paragraph per line (Word, a hand-made .txt), and joining lines there would merge paragraphs.
  // Short paragraphs saved one per line are told from wrapped text by their ends: a wrapped page's long lines
  // mostly stop mid-sentence, while a paragraph's line ends with its punctuation (or is a heading).
  const long = lines.filter((line) => visualWidth(line.text) >= full * 0.8);
  const unfinished = long.filter((line) => !/[。！？；：”）)]$|(?:通报|报告|情况|问题|整改|方面)$/u.test(line.text)).length;
  const oneParagraphPerLine = long.length >= 3 && unfinished <= long.length * 0.1;
  if ((layout ?? (oneParagraphPerLine ? 'paragraphs' : detectLayout(full))) === 'paragraphs') {
    return lines.map(({ text, line }) => ({ text: compactChineseSpacing(text), line }));
  }
  const paragraphs: Paragraph[] = [];
  let current: { parts: string[]; line: number } | null = null;
  let closed = true;
  for (const { text, line, indented } of lines) {
    // 一是… may also begin a wrapped line mid-paragraph; where indents are kept, only an indented one opens a measure.
    const opensMeasure = MEASURE_START.test(text) && (!useIndent || indented);
    // A page's breadcrumb, 发布机构：… or 字体 line stands alone: joined to the title it would hide it.
    const chrome = isChromeLine(compactChineseSpacing(text));
    const opens = chrome || HEADING_START.some((pattern) => pattern.test(text)) || opensMeasure || DATE_LINE.test(text) || (useIndent && indented);
    // A problem's title wrapped over lines runs on until it ends (…的整改。); one that has ended a sentence has ended.
    const sofar = current === null ? '' : compactChineseSpacing(current.parts.join(''));
    const titleOpen = current !== null && !opens && PROBLEM.test(sofar) && !/(?:整改|问题)。?$/u.test(sofar) && !/[。；！？]/u.test(sofar);
    if (current && (titleOpen || (!closed && !opens))) {
      current.parts.push(text);
    } else {
      if (current) paragraphs.push({ text: compactChineseSpacing(current.parts.join('')), line: current.line });
      current = { parts: [text], line };
    }
    const joined = current ? compactChineseSpacing(current.parts.join('')) : text;
    const width = visualWidth(text);
    const terminal = /[。！？；：”）]$/u.test(text);
    const heading = (SECTION.test(text) || SUBSECTION.test(text)) && !text.includes('。') && !text.includes('，');
    const titleDone = PROBLEM.test(joined) && /整改。?$/u.test(joined);
    closed = chrome || titleDone || heading || (terminal && width < full - 4) || width < full * 0.6;
  }
  if (current) paragraphs.push({ text: compactChineseSpacing(current.parts.join('')), line: current.line });
  return paragraphs;
}
