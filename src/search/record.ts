// The search record format: the one place where the build (src/search/indexer.ts) and the search client
// (src/search/engine.ts) agree on what the index holds: each Pagefind record's words and filters, the order of its
// pages, the project's own record of what a hit shows (one JSON file per page), and the shards the index is split into.
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
// Pagefind's records carry no meta, and no shown result reads Pagefind's fragments: what a hit shows is the project's
// own record (toSearchRecord), one JSON file per page, named by the page's place in its shard's date order.
//
// Shards. The index is one or more shards, each a Pagefind bundle and a folder of records; the search page merges
// the bundles with Pagefind's mergeIndex. A one-piece build is the one shard ONE_PIECE, whose bundle is pagefind/.
// A result is placed without any fetch: Pagefind numbers a bundle's pages in the order they are added (its service
// handles one message at a time) and the build adds them in date order, so Pagefind's search with no term (filtered
// by shard when there are several) lists a shard's pages in date order; a result's id gives its rank in its shard,
// hence its record's file, and the shard's `order` runs give its place among all shards' pages. No sort key: its
// list of every page, in the metadata each first search loads, would add about 11 KB (gzip) at 5,000 problems.
import { type LocatedAnchor, normalizeWithMap } from './match.ts';

/**
 * The language every record is indexed as: Pagefind's own “unknown”. The words are letter codes, not Chinese, so no
 * segmenter or stemmer has anything to do (a Chinese language would run every word through its segmenter, for
 * nothing); the search page, in zh-CN, falls back to the one index there is.
 */
export const LANGUAGE = 'unknown';
/** Where the title ends; a longer title starts at 0, and only its first TITLE_SPAN characters count as the title. */
export const TITLE_SPAN = 128;
/** The filters every record may carry; `shard` names the shard (its Pagefind bundle) the record is in. */
export const FILTER_KEYS = ['kind', 'report', 'status', 'issuer', 'shard'] as const;
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

/** What a shown hit reads of its page: the project's own record, one small JSON file per page (see SearchShard). */
export type SearchRecord = Omit<SearchPage, 'date' | 'issuer'>;

/** The record of a page, as written to its JSON file. */
export function toSearchRecord(page: SearchPage): SearchRecord {
  const { url, kind, title, report, status, number, text, anchors } = page;
  return { url, kind, title, report, status, number, text, anchors };
}

/** A record read back from its JSON file (written by toSearchRecord); a file that is not one is an error naming its URL. */
export function readSearchRecord(value: unknown, from: string): SearchRecord {
  const record = value as SearchRecord | null;
  if (typeof record?.url !== 'string' || typeof record.title !== 'string' || typeof record.text !== 'string' || !Array.isArray(record.anchors))
    throw new Error(`${from}: not a search record`);
  return record;
}

/** A record's filters, in the shard named `shard`. */
export function toRecordFilters(page: SearchPage, shard: string): Record<FilterKey, string[]> {
  return { kind: [page.kind], report: [page.report], status: page.status ? [page.status] : [], issuer: [page.issuer], shard: [shard] };
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

/** The shard of a one-piece build. */
export const ONE_PIECE = 'all';
/** The folder, from the site root, holding every shard's records (and each shard's SHARD_FILE). */
export const RECORDS_FOLDER = 'search-records';
/** Each shard's own description, in its records folder: its name and its pages' order keys, for the merge. */
export const SHARD_FILE = 'shard.json';

/** The order keys of a page: what comparePages reads. */
export type OrderKey = Pick<SearchPage, 'url' | 'kind' | 'report' | 'date' | 'status' | 'number'>;

/** One shard as the search page reads it. */
export interface SearchShard {
  name: string;
  /** Its Pagefind bundle folder, from the site root, ending in a slash. */
  bundle: string;
  /** Its records folder, from the site root, ending in a slash: record `rank` is `${records}${rank}.json`. */
  records: string;
  /** How many pages it holds. */
  pages: number;
  /** Where its pages sit among all shards' pages in date order, as runs [first place, count] in its own order. */
  order: [number, number][];
}

/** What a shard job writes beside its records (SHARD_FILE): enough for a merge to place it among the others. */
export interface ShardFile {
  name: string;
  bundle: string;
  records: string;
  /** Its pages' order keys, in its own date order (rank 0 first). */
  pages: OrderKey[];
}

/** Where a shard's bundle and records go: the one-piece shard's bundle is pagefind/, another's pagefind-<name>/. */
export function getShardFolders(name: string): { bundle: string; records: string } {
  if (!/^[a-z0-9][a-z0-9_-]*$/u.test(name)) throw new Error(`shard name “${name}”: use lower-case letters, digits, - and _`);
  return { bundle: name === ONE_PIECE ? 'pagefind/' : `pagefind-${name}/`, records: `${RECORDS_FOLDER}/${name}/` };
}

/** The record file of the page at `rank` in its shard, from the site root. */
export function getRecordPath(shard: Pick<SearchShard, 'records'>, rank: number): string {
  return `${shard.records}${rank}.json`;
}

/**
 * The shards of a site, placed among each other in date order (comparePages); shards are listed by the place of
 * their first page. Two shards holding the same page are an error naming it.
 */
export function placeShards(files: readonly ShardFile[]): SearchShard[] {
  const all = files.flatMap((file, shard) => file.pages.map((page, rank) => ({ page, shard, rank })));
  all.sort((a, b) => comparePages(a.page, b.page) || a.shard - b.shard);
  for (let at = 1; at < all.length; at += 1)
    if (all[at]!.page.url === all[at - 1]!.page.url)
      throw new Error(`${all[at]!.page.url} is in two shards: ${files[all[at - 1]!.shard]!.name} and ${files[all[at]!.shard]!.name}`);
  const shards: SearchShard[] = files.map((file) => ({ name: file.name, bundle: file.bundle, records: file.records, pages: file.pages.length, order: [] }));
  all.forEach(({ shard }, place) => {
    const runs = shards[shard]!.order;
    const last = runs.at(-1);
    if (last && last[0] + last[1] === place) last[1] += 1;
    else runs.push([place, 1]);
  });
  return shards.filter((shard) => shard.pages > 0).sort((a, b) => (a.order[0]?.[0] ?? 0) - (b.order[0]?.[0] ?? 0));
}

/** The place among all shards' pages of the page at `rank` in a shard (see SearchShard.order). */
export function findPlace(shard: Pick<SearchShard, 'order'>, rank: number): number {
  let before = 0;
  for (const [first, count] of shard.order) {
    if (rank < before + count) return first + rank - before;
    before += count;
  }
  throw new Error(`rank ${rank} is outside its shard`);
}
