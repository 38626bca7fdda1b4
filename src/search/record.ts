// The Pagefind record format: the one place where the build (src/search/indexer.ts) and the search client
// (src/search/engine.ts) agree on what a record holds: its words, the data a hit shows, filters and sort key.
//
// The position index. Every character of a page's normalised text (see normalizeWithMap) starts one Pagefind word:
// the pair of it and the next character, so the positions Pagefind returns for a word are offsets into that text.
// A query asks for a term's pairs at offsets 0, 2, 4 … (and the last pair when the length is odd); the term occurs
// where each of them sits at its offset, which the client checks without fetching any fragment. A single character
// is a prefix search: every pair it starts. Pairs instead of single characters halve the words a query loads, and
// a pair's postings are smaller than those of its common characters.
//
// Each character is written as four letters a–y…, or z and five more beyond them (see encodeUnit): Pagefind splits
// Han text into its own words and would break a pair of Han characters apart, but keeps a run of letters whole.
// The last character of a run has no next one and ends in END_OF_RUN, which no character's code starts with, so
// Pagefind never mistakes it for a prefix of a pair.
//
// A record's words: the page's text, which begins with its printed title, placed so that the title ends at
// TITLE_SPAN, with commas before it (Pagefind counts them as positions but indexes nothing). A term that ends below
// TITLE_SPAN is in the title; a term found anywhere is in the text. The title is indexed once, as part of the text.
// Pagefind also indexes every meta value as words, which would double the index with words no query asks for, so
// records carry no meta: src/search/indexer.ts writes what a hit shows (toRecordMeta) into each fragment afterwards.
import { type LocatedAnchor, normalizeWithMap } from './match.ts';

/**
 * The language every record is indexed as: Pagefind's own “unknown”. The words are letter codes, not Chinese, so no
 * segmenter or stemmer has anything to do (a Chinese language would run every word through its segmenter, for
 * nothing); the search page, in zh-CN, falls back to the one index there is.
 */
export const LANGUAGE = 'unknown';
/** Where the title ends; a longer title starts at 0, and only its first TITLE_SPAN characters count as the title. */
export const TITLE_SPAN = 128;
/** The sort key holding each record's place in date order. */
export const SORT_KEY = 'rank';
/** The filters every record may carry. */
export const FILTER_KEYS = ['kind', 'report', 'status', 'issuer'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

const PAD = ',';

/** What the build knows of one indexed page, and what a hit shows. */
export interface SearchPage {
  url: string;
  kind: 'issue' | 'report';
  /** The printed title (the page's h1). */
  title: string;
  report: string;
  /** The report's issuer (发文机关), a filter. */
  issuer: string;
  /** The report's date (YYYY-MM-DD): newer reports come first. */
  date: string;
  status: string | null;
  number: number | null;
  /** The page's readable text: what a query is matched against. */
  text: string;
  /** Measure headings and where they start in `text`. */
  anchors: LocatedAnchor[];
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const BASE = LETTERS.length;
/** Code points below this take four letters, the first of them a–y (all but the last letter); the rest take z and five letters. */
const SHORT_LIMIT = (BASE - 1) * BASE ** 3;
/** Ends the word of a run's last character: longer than any character's code after z, so none starts with it. */
export const END_OF_RUN = 'zzzzzz';

/** `value` as `width` letters, most significant first. */
function toLetters(value: number, width: number): string {
  let letters = '';
  for (let rest = value, left = width; left > 0; left -= 1, rest = Math.floor(rest / BASE)) letters = LETTERS[rest % BASE] + letters;
  return letters;
}

/** The code of one normalised character: letters only, and no code is the start of another. */
export function encodeUnit(char: string): string {
  const codePoint = char.codePointAt(0) ?? 0;
  return codePoint < SHORT_LIMIT ? toLetters(codePoint, 4) : `z${toLetters(codePoint, 5)}`;
}

/** The words of a run of characters' codes: each code with the next one, the last one with END_OF_RUN. */
function toPairWords(codes: readonly string[]): string[] {
  return codes.map((code, at) => code + (codes[at + 1] ?? END_OF_RUN));
}

/** One word a query asks Pagefind for, and where it starts in its term. */
export interface QueryWord {
  word: string;
  offset: number;
}

/** A normalised query term as Pagefind is asked for it. */
export interface QueryTerm {
  /** Its length in characters (positions). */
  length: number;
  /** Its pairs at offsets 0, 2, 4 … and, when the length is odd, the last pair; or its one character, a prefix. */
  words: QueryWord[];
}

/** The words a query asks for one normalised term. */
export function toQueryTerm(term: string): QueryTerm {
  const codes = Array.from(term, encodeUnit);
  if (codes.length === 1) return { length: 1, words: [{ word: codes[0]!, offset: 0 }] };
  const words: QueryWord[] = [];
  for (let at = 0; at + 1 < codes.length; at += 2) words.push({ word: codes[at]! + codes[at + 1]!, offset: at });
  if (codes.length % 2 === 1) words.push({ word: codes.at(-2)! + codes.at(-1)!, offset: codes.length - 2 });
  return { length: codes.length, words };
}

/**
 * Whether the pages found from the positions of all a query's words together are exactly the pages holding its
 * (normalised) terms. Each position holds one pair, and pairs at neighbouring positions share a character. So a term
 * of one or two characters is one word; a term of three (pairs at 0 and 1) is exact unless two of the query's pairs
 * other than its own chain through a shared character too. A longer term's pairs at 0 and 2 may come in any order,
 * and a single character matches every pair it starts, so with a three-character term it makes the count loose.
 */
export function isExactQuery(terms: readonly string[]): boolean {
  const split = terms.map((term) => Array.from(term));
  if (split.some((chars) => chars.length > 3)) return false;
  const triples = split.filter((chars) => chars.length === 3);
  if (triples.length === 0) return true;
  if (split.some((chars) => chars.length === 1)) return false;
  const pairs = split.flatMap((chars) => chars.slice(1).map((char, at) => [chars[at]!, char] as const));
  return triples.every(([a, b, c]) =>
    pairs.every((first) => pairs.every((second) => first[1] !== second[0] || (first[0] === a && first[1] === b && second[1] === c))),
  );
}

/** A record's content: the page's words, the title ending at TITLE_SPAN, space-separated. The text must begin with the title. */
export function toRecordContent(title: string, text: string): string {
  const normalizedTitle = normalizeWithMap(title).text;
  const normalized = normalizeWithMap(text).text;
  if (!normalized.startsWith(normalizedTitle)) throw new Error(`the searchable text does not begin with the title “${title}”`);
  const padding = Array.from({ length: Math.max(0, TITLE_SPAN - Array.from(normalizedTitle).length) }, () => PAD);
  return [...padding, ...toPairWords(Array.from(normalized, encodeUnit))].join(' ');
}

/** Measure anchors as stored in a record's meta ("id:offset …"). */
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

/** A record's meta: everything a hit shows, so a fragment is the only fetch a shown result needs. */
export function toRecordMeta(page: SearchPage): Record<string, string> {
  const meta: Record<string, string> = { title: page.title, kind: page.kind, report: page.report, text: page.text };
  if (page.status) meta['status'] = page.status;
  if (page.number !== null) meta['number'] = String(page.number);
  if (page.anchors.length > 0) meta['anchors'] = encodeAnchors(page.anchors);
  return meta;
}

/** A shown result's fields, read back from a fragment's meta. */
export function readRecordMeta(url: string, meta: Readonly<Record<string, string | undefined>>): Omit<SearchPage, 'date' | 'issuer'> {
  const number = Number(meta['number']);
  return {
    url,
    kind: meta['kind'] === 'report' ? 'report' : 'issue',
    title: meta['title'] ?? url,
    report: meta['report'] ?? '',
    status: meta['status'] ?? null,
    number: Number.isInteger(number) && number > 0 ? number : null,
    text: meta['text'] ?? '',
    anchors: decodeAnchors(meta['anchors']),
  };
}

/** A record's filters. */
export function toRecordFilters(page: SearchPage): Record<FilterKey, string[]> {
  return { kind: [page.kind], report: [page.report], status: page.status ? [page.status] : [], issuer: [page.issuer] };
}

const STATUS_ORDER = ['completed', 'ongoing'];

/** Date order: newest report first (id breaks ties), then report order: problems by status group and number, then the report page. */
export function comparePages(a: Pick<SearchPage, 'url' | 'kind' | 'report' | 'date' | 'status' | 'number'>, b: typeof a): number {
  return (
    b.date.localeCompare(a.date) ||
    a.report.localeCompare(b.report) ||
    (a.kind === b.kind ? 0 : a.kind === 'issue' ? -1 : 1) ||
    STATUS_ORDER.indexOf(a.status ?? '') - STATUS_ORDER.indexOf(b.status ?? '') ||
    (a.number ?? 0) - (b.number ?? 0) ||
    a.url.localeCompare(b.url)
  );
}

/** The sort value of the record at `rank` in date order (zero-padded so that text and number order agree). */
export function toSortValue(rank: number): string {
  return String(rank).padStart(7, '0');
}

/** Where a term may lie: in the title or anywhere in the page's text (the title included). */
export type Region = 'title' | 'text';

/**
 * Whether a term occurs inside a region, given the positions of each of its query words in one record (a missing
 * word has none): somewhere every word sits at its offset from the same start.
 */
export function holdsTerm({ length, words }: QueryTerm, positionsOf: (word: string) => ReadonlySet<number> | undefined, region: Region): boolean {
  const sets = words.map((query) => positionsOf(query.word));
  const [first, ...rest] = sets;
  if (!first || rest.some((set) => set === undefined)) return false;
  for (const start of first) {
    if (region === 'title' && start + length - 1 >= TITLE_SPAN) continue;
    if (rest.every((set, at) => set!.has(start + words[at + 1]!.offset))) return true;
  }
  return false;
}
