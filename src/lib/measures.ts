// Splits a problem's body into its lead-in and its measures (一是, 二是, …), wherever the ordinals stand:
// at the start of a paragraph or inline after 。；：. The deck's bullets, the problem page's #measure-N anchors
// and (through those anchors) search's measure links all come from this one split.

import { readBodyBlocks, splitParagraphs } from './mdx-blocks.ts';
import { formatChineseNumeral, parseChineseNumeral } from './numerals.ts';

/** One measure of a problem: 一是…, 二是… or, where the body has no ordinals, a whole paragraph. */
export interface Measure {
  /** 1-based position within the problem. */
  index: number;
  /** Stable anchor id on the problem page, e.g. measure-2. */
  id: string;
  /** The ordinal as printed (一是) or null where the body has none. */
  ordinal: string | null;
  /** The lead phrase: the text after the ordinal up to and including the first 。 or ；. */
  lead: string;
  /** The rest of the measure after the lead (later paragraphs of the same measure joined with blank lines). */
  text: string;
  /** The whole measure as printed, ordinal included (paragraphs joined with blank lines). */
  paragraph: string;
  /** The line of the body (1-based) where the measure starts. */
  line: number;
}

/** A body split into the text before 一是 and its measures, with a note for every ordinal out of sequence. */
export interface MeasureSplit {
  /** Paragraphs before the first ordinal, verbatim: the problem's lead-in, not a measure. */
  leadIn: string[];
  measures: Measure[];
  /** Ordinals that skip or repeat, with the body line (1-based) where they stand. */
  warnings: { line: number; message: string }[];
}

/** An ordinal counts at the start of a paragraph or right after 。；： (so 唯一是 and 统一是 never split). */
const ORDINAL = /(?<=^|[。；：])([一二三四五六七八九十]+)是/gu;

interface SourceParagraph {
  text: string;
  /** For each line of the paragraph: its offset in `text` and its body line. */
  lines: { offset: number; line: number }[];
}

/** The body's paragraphs (blocks of its syntax tree, escapes undone), each knowing the body line of every offset. */
function readParagraphs(body: string): SourceParagraph[] {
  const paragraphs: SourceParagraph[] = [];
  for (const block of readBodyBlocks(body)) {
    const paragraph: SourceParagraph = { text: '', lines: [] };
    block.text.split('\n').forEach((raw, index) => {
      const text = raw.trim();
      if (text.length === 0) return;
      paragraph.lines.push({ offset: paragraph.text.length, line: block.line + index });
      paragraph.text += text;
    });
    if (paragraph.text.length > 0) paragraphs.push(paragraph);
  }
  return paragraphs;
}

const lineAt = (paragraph: SourceParagraph, offset: number): number =>
  paragraph.lines.filter((entry) => entry.offset <= offset).at(-1)?.line ?? paragraph.lines[0]?.line ?? 1;

/** Splits a measure's text after its ordinal into the lead phrase (up to the first 。 or ；) and the rest. */
export function splitLead(rest: string): { lead: string; text: string } {
  const cut = rest.search(/[。；]/u);
  return cut >= 0 ? { lead: rest.slice(0, cut + 1), text: rest.slice(cut + 1) } : { lead: rest, text: '' };
}

/** Splits a problem's body into lead-in and measures; see MeasureSplit. */
export function splitMeasures(body: string): MeasureSplit {
  const paragraphs = readParagraphs(body);
  const leadIn: string[] = [];
  const pieces: { ordinal: string | null; parts: string[]; line: number }[] = [];
  const warnings: MeasureSplit['warnings'] = [];
  let last = 0;
  for (const paragraph of paragraphs) {
    const starts = [...paragraph.text.matchAll(ORDINAL)].map((match) => ({ at: match.index, ordinal: match[0], number: parseChineseNumeral(match[1] ?? '') }));
    // Text before the paragraph's first ordinal continues the current measure, or is lead-in before any.
    const head = paragraph.text.slice(0, starts[0]?.at ?? paragraph.text.length);
    if (head.length > 0) {
      const open = pieces.at(-1);
      if (open) open.parts.push(head);
      else leadIn.push(head);
    }
    starts.forEach((start, position) => {
      const line = lineAt(paragraph, start.at);
      if (start.number !== last + 1) {
        const expected = `${formatChineseNumeral(last + 1)}是`;
        const what = start.number <= last ? 'repeats an earlier ordinal' : 'skips';
        warnings.push({
          line,
          message: `${start.ordinal} ${what}: expected ${expected} after ${last === 0 ? 'the start' : `${formatChineseNumeral(last)}是`}`,
        });
      }
      last = start.number;
      const end = starts[position + 1]?.at ?? paragraph.text.length;
      pieces.push({ ordinal: start.ordinal, parts: [paragraph.text.slice(start.at, end)], line });
    });
  }
  // A body without ordinals: each paragraph is a measure of its own, so it keeps an anchor and a bullet.
  if (pieces.length === 0) {
    return {
      leadIn: [],
      measures: paragraphs.map((paragraph, position) => toMeasure(position, null, [paragraph.text], paragraph.lines[0]?.line ?? 1)),
      warnings,
    };
  }
  return { leadIn, measures: pieces.map((piece, position) => toMeasure(position, piece.ordinal, piece.parts, piece.line)), warnings };
}

function toMeasure(position: number, ordinal: string | null, parts: string[], line: number): Measure {
  const first = parts[0] ?? '';
  const { lead, text } = splitLead(ordinal ? first.slice(ordinal.length) : first);
  const paragraph = parts.map((part) => part.trim()).join('\n\n');
  const rest = [text, ...parts.slice(1)].map((part) => part.trim()).filter((part) => part.length > 0);
  return { index: position + 1, id: `measure-${position + 1}`, ordinal, lead: lead.trim(), text: rest.join('\n\n'), paragraph, line };
}

// The end of a sentence or clause: 。！？； with any closing quotes or brackets that follow it.
const POINT_END = /[。！？；][”’」』）》]*/gu;

/**
 * The points a slide shows for a measure. A measure with an ordinal is one point, its whole paragraph. A paragraph of
 * a body without ordinals is split after each 。！？；, so every sentence can be a bullet of its own (each showing its
 * lead phrase), not just the first. Pieces are verbatim and in order: joined, they give the paragraph back exactly.
 */
export function listMeasurePoints(measure: Pick<Measure, 'ordinal' | 'paragraph'>): string[] {
  if (measure.ordinal) return [measure.paragraph];
  const points: string[] = [];
  let from = 0;
  const cuts = [...measure.paragraph.matchAll(POINT_END)].map((match) => match.index + match[0].length);
  for (const to of [...cuts, measure.paragraph.length]) {
    const piece = measure.paragraph.slice(from, to);
    from = to;
    if (piece.length === 0) continue;
    // Punctuation or space alone (……！！, a trailing blank) stays with the sentence before it.
    if (points.length > 0 && /^[\s\p{P}]*$/u.test(piece)) points[points.length - 1] += piece;
    else points.push(piece);
  }
  return points;
}

/** The measures of a problem's body in order (see splitMeasures for the lead-in and warnings). */
export function listMeasures(body: string): Measure[] {
  return splitMeasures(body).measures;
}

/** The plain text of a problem's body: its paragraphs joined with blank lines. */
export function getBodyText(body: string | undefined): string {
  return splitParagraphs(body ?? '').join('\n\n');
}
