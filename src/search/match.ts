// Pure matching for the search page: Pagefind supplies candidate pages, these functions decide which really match.
// Chinese has no spaces between words and Pagefind's word splitting differs between index and query, so a page
// is a result exactly when its text contains every query term as a substring, compared after normalisation.

import { isIgnoredForMatch, stripZeroWidth } from '#src/lib/text.ts';

const SPACE = /\s/u;

/** Text with whitespace, zero-width characters and punctuation removed, lower-cased, and where each kept character came from. */
export interface NormalizedText {
  text: string;
  /** map[i] is the UTF-16 index in the original text of the i-th UTF-16 unit of `text`. */
  map: number[];
}

/** Whether a single character is dropped by normalisation (the rule of normalizeForMatch in src/lib/text.ts). */
export function isIgnoredChar(char: string): boolean {
  return isIgnoredForMatch(char);
}

/** Normalises text for matching, keeping a map back to the original offsets (for excerpts and anchors). */
export function normalizeWithMap(source: string): NormalizedText {
  let text = '';
  const map: number[] = [];
  let offset = 0;
  for (const char of source) {
    if (!isIgnoredChar(char)) {
      const lower = char.toLowerCase();
      text += lower;
      for (let unit = 0; unit < lower.length; unit += 1) map.push(offset);
    }
    offset += char.length;
  }
  return { text, map };
}

/**
 * The readable text of a Pagefind fragment: Pagefind puts zero-width spaces between the words it splits and
 * appends ". " to blocks that end without punctuation; neither is in the page, so both are removed.
 */
export function cleanFragmentText(content: string): string {
  return stripZeroWidth(content)
    .replace(/\.(?=\s|$)/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The normalised terms of a query: split on spaces (any width), normalised, empty ones and repeats dropped. */
export function splitQuery(query: string): string[] {
  const terms = query
    .split(/[\s\u3000]+/u)
    .map((term) => normalizeWithMap(term).text)
    .filter((term) => term.length > 0);
  return [...new Set(terms)];
}

/** One occurrence of a term, as offsets [start, end) into the original text. */
export interface Hit {
  start: number;
  end: number;
}

/** Every occurrence of every term in the text (original offsets, sorted), or null when some term is missing. */
export function findTerms(source: string, terms: readonly string[], normalized: NormalizedText = normalizeWithMap(source)): Hit[] | null {
  if (terms.length === 0) return null;
  const hits: Hit[] = [];
  for (const term of terms) {
    let from = normalized.text.indexOf(term);
    if (from < 0) return null;
    while (from >= 0) {
      const last = from + term.length - 1;
      const start = normalized.map[from] ?? 0;
      const lastStart = normalized.map[last] ?? start;
      // The end covers the whole last character, which may be a surrogate pair.
      const end = lastStart + ((source.codePointAt(lastStart) ?? 0) > 0xffff ? 2 : 1);
      hits.push({ start, end: Math.max(end, start + 1) });
      from = normalized.text.indexOf(term, from + 1);
    }
  }
  return mergeHits(hits);
}

/** Sorts hits and merges overlapping ones, so highlighting never nests. */
export function mergeHits(hits: readonly Hit[]): Hit[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Hit[] = [];
  for (const hit of sorted) {
    const last = merged[merged.length - 1];
    if (last && hit.start <= last.end) last.end = Math.max(last.end, hit.end);
    else merged.push({ ...hit });
  }
  return merged;
}

/** A piece of an excerpt: plain text or a highlighted match. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/**
 * An excerpt with every hit inside it marked: about `radius` characters either side of each `focus` offset
 * (by default the first hit), overlapping windows merged, so each term of a query shows at least once.
 */
export function buildExcerpt(source: string, hits: readonly Hit[], radius = 40, focus: readonly number[] = hits[0] ? [hits[0].start] : []): ExcerptPart[] {
  if (hits.length === 0 || focus.length === 0) return [{ text: source.slice(0, radius * 2), mark: false }];
  const windows = mergeHits(
    focus.map((at) => {
      const hit = hits.find((candidate) => candidate.start <= at && at < candidate.end) ?? { start: at, end: at + 1 };
      return { start: Math.max(0, hit.start - radius), end: Math.min(source.length, hit.end + radius) };
    }),
  );
  const parts: ExcerptPart[] = [];
  for (const { start: from, end: to } of windows) {
    if (from > 0 || parts.length > 0) parts.push({ text: '…', mark: false });
    let cursor = from;
    for (const hit of hits) {
      if (hit.end <= from || hit.start >= to) continue;
      const start = Math.max(hit.start, cursor);
      if (start > cursor) parts.push({ text: source.slice(cursor, start), mark: false });
      parts.push({ text: source.slice(start, Math.min(hit.end, to)), mark: true });
      cursor = Math.min(hit.end, to);
    }
    if (cursor < to) parts.push({ text: source.slice(cursor, to), mark: false });
  }
  if ((windows[windows.length - 1]?.end ?? 0) < source.length) parts.push({ text: '…', mark: false });
  return parts;
}

/** The offset of each term's first occurrence, for excerpt windows (terms not found are skipped). */
export function findFirstOffsets(source: string, terms: readonly string[], normalized: NormalizedText = normalizeWithMap(source)): number[] {
  return terms.flatMap((term) => {
    const at = normalized.text.indexOf(term);
    return at >= 0 ? [normalized.map[at] ?? 0] : [];
  });
}

/** An anchored heading of a page and where its text starts in the page's text. */
export interface LocatedAnchor {
  id: string;
  start: number;
}

/** Finds where each anchored heading's text starts in the page text, in order (headings appear in document order). */
export function locateAnchors(source: string, anchors: readonly { id: string; text: string }[]): LocatedAnchor[] {
  const located: LocatedAnchor[] = [];
  let cursor = 0;
  for (const anchor of anchors) {
    const text = anchor.text.trim();
    if (!text) continue;
    const at = source.indexOf(text, cursor);
    if (at < 0) continue;
    located.push({ id: anchor.id, start: at });
    cursor = at + text.length;
  }
  return located;
}

/** The id of the last anchored heading at or before an offset: the measure a match lies in, or null before the first. */
export function findAnchorAt(offset: number, anchors: readonly LocatedAnchor[]): string | null {
  let found: string | null = null;
  for (const anchor of anchors) {
    if (anchor.start <= offset) found = anchor.id;
    else break;
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------------
// The character index. Pagefind's Chinese word splitting differs between the indexer (ICU) and the browser, so the
// archive indexes every character as its own word: the indexer stores each page's text with a zero-width space
// between any two adjacent characters, and a query asks Pagefind for the distinct characters of its terms. Pagefind
// ANDs the words of a query, so its answer is every page containing all those characters: a superset of the true
// matches, usually a small one, which the substring match above then narrows lazily.

const ZWSP = '\u200b';
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** A page's text as indexed: a zero-width space between every two adjacent non-space characters. */
export function toIndexedText(text: string): string {
  let out = '';
  let previous = '';
  for (const char of text) {
    if (previous && !SPACE.test(previous) && !SPACE.test(char)) out += ZWSP;
    out += char;
    previous = char;
  }
  return out;
}

/** The readable text of an indexed record: the zero-width spaces the indexer inserted removed. */
export function fromIndexedText(content: string): string {
  return stripZeroWidth(content);
}

/**
 * The Pagefind query for normalised terms: their distinct letters and digits, space-separated (each one a word of
 * the character index). Other kept characters (. and %) are left out, which only widens the candidate set.
 * Empty when no term has a letter or digit: then every page is a candidate.
 */
export function toCharacterQuery(terms: readonly string[]): string {
  const chars = new Set<string>();
  for (const term of terms) for (const char of term) if (WORD_CHAR.test(char)) chars.add(char);
  return [...chars].join(' ');
}

/** Measure anchors and where they start in a page's readable text, as stored in a record's meta ("id:offset …"). */
export function encodeAnchors(anchors: readonly LocatedAnchor[]): string {
  return anchors.map((anchor) => `${anchor.id}:${anchor.start}`).join(' ');
}

/** The inverse of encodeAnchors; malformed parts are skipped. */
export function decodeAnchors(value: string | undefined): LocatedAnchor[] {
  if (!value) return [];
  return value
    .split(' ')
    .flatMap((part) => {
      const match = /^([\w-]+):(\d+)$/u.exec(part);
      return match ? [{ id: match[1]!, start: Number(match[2]) }] : [];
    })
    .sort((a, b) => a.start - b.start);
}

/** What orders pages in results: problems first in report order (newest report first, status group, number), then reports. */
export interface RankedPage {
  url: string;
  kind: 'issue' | 'report';
  status: string | null;
  report: string;
  number: number | null;
}

const STATUS_ORDER = ['completed', 'ongoing'];

/** The result order, used at build time to give every record its sort rank. */
export function comparePages(a: RankedPage, b: RankedPage): number {
  if (a.kind !== b.kind) return a.kind === 'issue' ? -1 : 1;
  return (
    b.report.localeCompare(a.report) ||
    STATUS_ORDER.indexOf(a.status ?? '') - STATUS_ORDER.indexOf(b.status ?? '') ||
    (a.number ?? 0) - (b.number ?? 0) ||
    a.url.localeCompare(b.url)
  );
}
