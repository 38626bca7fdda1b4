// Pure matching for the search page: Pagefind supplies candidate pages, these functions decide which really match.
// Chinese has no spaces between words and Pagefind's word splitting differs between index and query, so a page
// is a result exactly when its text contains every query term as a substring, compared after normalisation.

import { isIgnoredForMatch } from '#src/lib/text.ts';

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

/** The whole of a short text (a title) with every occurrence of the terms marked, or unmarked when one is missing. */
export function markTerms(source: string, terms: readonly string[]): ExcerptPart[] {
  const hits = findTerms(source, terms) ?? [];
  const parts: ExcerptPart[] = [];
  let cursor = 0;
  for (const hit of hits) {
    if (hit.start > cursor) parts.push({ text: source.slice(cursor, hit.start), mark: false });
    parts.push({ text: source.slice(hit.start, hit.end), mark: true });
    cursor = hit.end;
  }
  if (cursor < source.length || parts.length === 0) parts.push({ text: source.slice(cursor), mark: false });
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

/** The id of the last anchored heading at or before an offset: the measure a match lies in, or null before the first. */
export function findAnchorAt(offset: number, anchors: readonly LocatedAnchor[]): string | null {
  let found: string | null = null;
  for (const anchor of anchors) {
    if (anchor.start <= offset) found = anchor.id;
    else break;
  }
  return found;
}
