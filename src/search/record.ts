// The Pagefind record format: the one place where the build (src/search/indexer.ts) and the search client
// (src/search/engine.ts) agree on what a record holds: its words, meta keys, filters and sort key.
//
// The position index. Every character of a page's normalised text (see normalizeWithMap) is one Pagefind word, so
// the positions Pagefind returns for a word are offsets into that text: a term occurs where its characters sit at
// consecutive positions, which the client checks without fetching any fragment. Letters, digits and Han characters
// are words as they are; any other kept character (. % and the like, which Pagefind would drop) is a token "_x" +
// six hex digits, which no query character can prefix-match because normalisation drops "_".
//
// A record's words: the printed title in positions [0, TITLE_SPAN), padded with commas (Pagefind counts them as
// positions but indexes nothing), then the page's whole text from TITLE_SPAN on. A term found below TITLE_SPAN is in
// the title; a page is a result when every term is found at or after TITLE_SPAN.
import { type LocatedAnchor, normalizeWithMap } from './match.ts';

/** The language every record is indexed as (one index, one WebAssembly file). */
export const LANGUAGE = 'zh-cn';
/** Positions reserved for the title; longer titles are indexed up to TITLE_SPAN - 1 characters there. */
export const TITLE_SPAN = 128;
/** The sort key holding each record's place in date order. */
export const SORT_KEY = 'rank';
/** The filters every record may carry. */
export const FILTER_KEYS = ['kind', 'report', 'status', 'issuer'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

const PLAIN_WORD = /^[\p{Script=Han}a-z0-9]$/u;
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

/** The Pagefind word of one normalised character. */
export function toIndexWord(char: string): string {
  return PLAIN_WORD.test(char) ? char : `_x${(char.codePointAt(0) ?? 0).toString(16).padStart(6, '0')}`;
}

/** The words of a normalised term, one per character: what the client asks Pagefind for. */
export function toQueryWords(term: string): string[] {
  return Array.from(term, toIndexWord);
}

/** The words of a text: its normalised characters, each as its Pagefind word. */
function toTextWords(text: string): string[] {
  return toQueryWords(normalizeWithMap(text).text);
}

/** A record's content: title words padded to TITLE_SPAN, then the page's words, space-separated (one byte each). */
export function toRecordContent(title: string, text: string): string {
  const titleWords = toTextWords(title).slice(0, TITLE_SPAN - 1);
  const padding = Array.from({ length: TITLE_SPAN - titleWords.length }, () => PAD);
  return [...titleWords, ...padding, ...toTextWords(text)].join(' ');
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

/** Where a term may lie: in the title or in the page's text. */
export type Region = 'title' | 'text';

/**
 * Whether a term's words occur at consecutive positions inside a region, given each word's positions in one
 * record (a missing word has none).
 */
export function holdsTerm(words: readonly string[], positionsOf: (word: string) => ReadonlySet<number> | undefined, region: Region): boolean {
  const [first, ...rest] = words;
  if (first === undefined) return false;
  const starts = positionsOf(first);
  if (!starts) return false;
  const restSets = rest.map(positionsOf);
  if (restSets.some((set) => set === undefined)) return false;
  for (const start of starts) {
    const end = start + words.length - 1;
    if (region === 'title' ? end >= TITLE_SPAN : start < TITLE_SPAN) continue;
    if (restSets.every((set, offset) => set!.has(start + offset + 1))) return true;
  }
  return false;
}
