import { splitParagraphs } from './text.ts';

/** One measure of a problem: 一是…, 二是… or, where the report has no ordinals, a whole paragraph. */
export interface Measure {
  /** 1-based position within the problem. */
  index: number;
  /** Stable anchor id on the problem page, e.g. measure-2. */
  id: string;
  /** The ordinal as printed (一是) or null where the paragraph has none. */
  ordinal: string | null;
  /** The lead phrase: the text after the ordinal up to and including the first 。 */
  lead: string;
  /** The rest of the paragraph after the lead. */
  text: string;
  /** The whole paragraph as printed, ordinal included. */
  paragraph: string;
}

const ORDINAL = /^([一二三四五六七八九十]+是)/u;

/** The measures of a problem's body, one per paragraph, in order. */
export function listMeasures(body: string): Measure[] {
  return splitParagraphs(body).map((paragraph, position) => {
    const ordinal = ORDINAL.exec(paragraph)?.[1] ?? null;
    const rest = ordinal ? paragraph.slice(ordinal.length) : paragraph;
    const cut = rest.indexOf('。');
    return {
      index: position + 1,
      id: `measure-${position + 1}`,
      ordinal,
      lead: cut >= 0 ? rest.slice(0, cut + 1) : rest,
      text: cut >= 0 ? rest.slice(cut + 1) : '',
      paragraph,
    };
  });
}

/** The plain text of a problem's body: its paragraphs joined with blank lines. */
export function getBodyText(body: string | undefined): string {
  return splitParagraphs(body ?? '').join('\n\n');
}
