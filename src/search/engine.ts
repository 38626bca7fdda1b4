// The search layer over Pagefind's position index (src/search/record.ts). One Pagefind search for all the query's
// words (pairs of characters, or a single character's prefix) returns the pages holding every one of them, with the
// positions of all of them together; a page is a candidate where each term's words sit at their offsets from one
// start, in the text or in the title. Each result is placed in date order from its id alone (placeResults), so the
// ordered candidates are known before anything else is fetched; the project's own records are fetched only for the
// results shown, and each shown result is checked against its own text and title. Pagefind's fragments are never
// read. One search for all the words costs far less than one per word, whose results run to thousands of pages.
import { buildExcerpt, type ExcerptPart, findAnchorAt, findFirstOffsets, findTerms, markTerms, normalizeWithMap, splitQuery } from './match.ts';
import {
  findPlace,
  getRecordPath,
  holdsTerm,
  isExactQuery,
  type QueryTerm,
  readSearchRecord,
  type SearchRecord,
  type SearchShard,
  toQueryTerm,
} from './record.ts';

interface PagefindResult {
  id: string;
  /** Positions of the searched word in the record. */
  words: number[];
}

type SearchOptions = { filters?: Record<string, unknown> };

/** The Pagefind browser API as this layer uses it. */
export interface PagefindApi {
  options: (options: Record<string, unknown>) => Promise<void>;
  init?: () => Promise<void>;
  mergeIndex?: (indexPath: string, options?: Record<string, unknown>) => Promise<void>;
  search: (term: string | null, options?: SearchOptions) => Promise<{ results: PagefindResult[] } | null>;
}

/** Where a page sits: its shard, its rank there (which names its record) and its place among all pages in date order. */
export interface Place {
  shard: SearchShard;
  rank: number;
  place: number;
}

/** A loaded index: Pagefind with every shard merged, and how to place a result and fetch its record. */
export interface SearchIndex {
  api: PagefindApi;
  /** The place of a result by its id (every page of every shard), once known. */
  places: () => Promise<ReadonlyMap<string, Place>>;
  /** Fetches the record of a placed page. */
  fetchRecord: (place: Place) => Promise<SearchRecord>;
}

/** The filters the page offers. */
export interface SearchFilters {
  status?: string | undefined;
  report?: string | undefined;
  /** The issuing body (发文机关) as printed. */
  issuer?: string | undefined;
}

/** Result order: title hits first (relevance), or date order only. */
export type SearchOrder = 'relevance' | 'date';

/** One verified result. */
export interface SearchHit {
  url: string;
  /** url plus #measure-N when the first match lies in a measure. */
  href: string;
  title: string;
  kind: 'issue' | 'report';
  status: string | null;
  report: string;
  number: number | null;
  /** Whether the title holds every term. */
  titleHit: boolean;
  /** The title, its matches marked when it holds every term. */
  titleParts: ExcerptPart[];
  excerpt: ExcerptPart[];
}

/** A running search: results are taken batch by batch, each batch's records fetched when it is taken. */
export interface SearchSession {
  /** The number of results: exact when `exact`, else an upper bound until the search is exhausted. */
  readonly total: number;
  /** Whether `total` is exact before every result is checked. */
  readonly exact: boolean;
  /** Whether every result has been taken. */
  readonly exhausted: boolean;
  /** The next `count` results in order (fewer only when the search is exhausted). */
  next: (count: number) => Promise<SearchHit[]>;
}

/**
 * Loads Pagefind from the site's own base path (never another origin), from the first shard's bundle, merges the
 * other shards' bundles into it (Pagefind's mergeIndex) and points result URLs at the base too. With the bundle's tag
 * (data-pagefind-tag, set by the index step) Pagefind asks for the entry the page has preloaded.
 */
export async function loadSearchIndex(base: string, shards: readonly SearchShard[], tag?: string): Promise<SearchIndex> {
  const [first, ...rest] = shards;
  if (!first) throw new Error('the search page names no search shard');
  const api = (await import(/* @vite-ignore */ `${base}${first.bundle}pagefind.js`)) as PagefindApi;
  // On the main thread: the worker script would be one more download for no gain with this little work per search.
  await api.options({ baseUrl: base, excerptLength: 0, noWorker: true, ...(tag ? { metaCacheTag: tag } : {}) });
  await api.init?.();
  for (const shard of rest) await api.mergeIndex?.(`${base}${shard.bundle}`, { baseUrl: base, excerptLength: 0 });
  let places: Promise<ReadonlyMap<string, Place>> | null = null;
  return {
    api,
    places: () => {
      places ??= placeResults(api, shards);
      return places;
    },
    fetchRecord: async ({ shard, rank }) => {
      const url = `${base}${getRecordPath(shard, rank)}`;
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      const record = readSearchRecord(await response.json(), url);
      // Records hold URLs from the site's root, as Pagefind's do; the site may be served under a base path.
      return { ...record, url: `${base}${record.url.replace(/^\//u, '')}` };
    },
  };
}

/**
 * The place of every page from its Pagefind id: Pagefind's search with no term lists the pages (of one shard, by its
 * filter, when there are several) in the order they were added, which is the shard's date order (see record.ts); the
 * index in that list is the page's rank. A shard that lists another number of pages than it holds is an error naming it.
 */
export async function placeResults(api: Pick<PagefindApi, 'search'>, shards: readonly SearchShard[]): Promise<ReadonlyMap<string, Place>> {
  const places = new Map<string, Place>();
  const listed = await Promise.all(shards.map((shard) => api.search(null, shards.length > 1 ? { filters: { shard: shard.name } } : {})));
  shards.forEach((shard, at) => {
    const results = listed[at]?.results ?? [];
    if (results.length !== shard.pages) throw new Error(`search shard ${shard.name}: Pagefind lists ${results.length} pages, the shard holds ${shard.pages}`);
    results.forEach((result, rank) => {
      places.set(result.id, { shard, rank, place: findPlace(shard, rank) });
    });
  });
  return places;
}

/** The Pagefind filter object for the chosen filters (empty when none is chosen). */
export function toPagefindFilters(filters: SearchFilters): Record<string, string> {
  const chosen: Record<string, string> = {};
  if (filters.status) chosen['status'] = filters.status;
  if (filters.report) chosen['report'] = filters.report;
  if (filters.issuer) chosen['issuer'] = filters.issuer;
  return chosen;
}

/** Turns a page's record into a hit when its text contains every term, or null; a title hit when its title holds every term too. */
export function verifyRecord(record: SearchRecord, terms: readonly string[]): SearchHit | null {
  const normalized = normalizeWithMap(record.text);
  const hits = findTerms(record.text, terms, normalized);
  if (!hits || hits.length === 0) return null;
  const first = hits[0];
  const anchor = first ? findAnchorAt(first.start, record.anchors) : null;
  const titleHit = findTerms(record.title, terms) !== null;
  return {
    url: record.url,
    href: anchor ? `${record.url}#${anchor}` : record.url,
    title: record.title,
    kind: record.kind,
    status: record.status,
    report: record.report,
    number: record.number,
    titleHit,
    titleParts: titleHit ? markTerms(record.title, terms) : [{ text: record.title, mark: false }],
    // Each term gets its own window, but with a tighter radius when there are several, to keep results short.
    excerpt: buildExcerpt(record.text, hits, terms.length > 1 ? 24 : 40, findFirstOffsets(record.text, terms, normalized)),
  };
}

/** A result known from positions alone: its place in date order and whether its title seems to hold every term. */
export interface Candidate<T> {
  result: T;
  index: number;
  titleHit: boolean;
}

/**
 * The pages that may hold every term, from one Pagefind search for all the query's words (Pagefind returns the pages
 * holding every word, in date order, with the positions of all of them together): a page qualifies when each term's
 * words sit at their offsets from one start, and is a title candidate when they do inside the title too. This is
 * exact where isExactQuery says so; otherwise a term's slots may be filled by other words (科技创新 by 创新科技),
 * which the record check then drops.
 */
export function findCandidates<T extends { words: readonly number[] }>(terms: readonly QueryTerm[], results: readonly T[]): Candidate<T>[] {
  const candidates: Candidate<T>[] = [];
  results.forEach((result, index) => {
    const positions = new Set(result.words);
    const positionsOf = () => positions;
    if (!terms.every((term) => holdsTerm(term, positionsOf, 'text'))) return;
    candidates.push({ result, index, titleHit: terms.every((term) => holdsTerm(term, positionsOf, 'title')) });
  });
  return candidates;
}

/**
 * Takes verified hits from candidates in result order: for relevance, the title candidates first (a candidate whose
 * title turns out not to hold every term joins the rest at its place in date order), then the rest.
 */
export function orderHits<T>(candidates: readonly Candidate<T>[], order: SearchOrder, verify: (candidate: Candidate<T>) => Promise<SearchHit | null>) {
  const first = order === 'relevance' ? candidates.filter((candidate) => candidate.titleHit) : [...candidates];
  const rest = order === 'relevance' ? candidates.filter((candidate) => !candidate.titleHit) : [];
  // Title candidates that are hits, but not in the title: shown among the rest, by their place in date order.
  const deferred: { index: number; hit: SearchHit }[] = [];
  let cursorFirst = 0;
  let cursorRest = 0;
  return {
    get exhausted() {
      return cursorFirst >= first.length && cursorRest >= rest.length && deferred.length === 0;
    },
    async next(count: number): Promise<SearchHit[]> {
      const hits: SearchHit[] = [];
      while (hits.length < count && cursorFirst < first.length) {
        const slice = first.slice(cursorFirst, cursorFirst + count - hits.length);
        cursorFirst += slice.length;
        const checked = await Promise.all(slice.map(verify));
        checked.forEach((hit, at) => {
          if (!hit) return;
          if (order === 'date' || hit.titleHit) hits.push(hit);
          else deferred.push({ index: slice[at]!.index, hit });
        });
      }
      while (hits.length < count && (cursorRest < rest.length || deferred.length > 0)) {
        // The deferred hit goes first when no candidate of the rest comes before it in date order.
        const nextRest = rest[cursorRest];
        if (deferred.length > 0 && (!nextRest || deferred[0]!.index < nextRest.index)) {
          hits.push(deferred.shift()!.hit);
          continue;
        }
        const slice: Candidate<T>[] = [];
        while (slice.length < count - hits.length && cursorRest < rest.length && (deferred.length === 0 || rest[cursorRest]!.index < deferred[0]!.index)) {
          slice.push(rest[cursorRest]!);
          cursorRest += 1;
        }
        const checked = await Promise.all(slice.map(verify));
        hits.push(...checked.filter((hit): hit is SearchHit => hit !== null));
      }
      return hits;
    },
  };
}

/** Starts a query: finds and orders the results from positions; records are fetched only as results are taken. */
export async function startSearch(index: SearchIndex, query: string, filters: SearchFilters, order: SearchOrder = 'relevance'): Promise<SearchSession> {
  const terms = splitQuery(query);
  const queryTerms = terms.map(toQueryTerm);
  const words = [...new Set(queryTerms.flatMap((term) => term.words.map((query) => query.word)))];
  if (words.length === 0) return { total: 0, exact: true, exhausted: true, next: async () => [] };
  const chosen = toPagefindFilters(filters);
  const options: SearchOptions = Object.keys(chosen).length > 0 ? { filters: chosen } : {};
  const [found, places] = await Promise.all([index.api.search(words.join(' '), options), index.places()]);
  // Merged bundles' results come by score, not by date: put them in date order by their places.
  const placed = (found?.results ?? []).map((result) => {
    const place = places.get(result.id);
    if (!place) throw new Error(`Pagefind returned ${result.id}, which no search shard lists`);
    return { words: result.words, place };
  });
  placed.sort((a, b) => a.place.place - b.place.place);
  const candidates = findCandidates(queryTerms, placed);
  const hits = orderHits(candidates, order, async ({ result }) => verifyRecord(await index.fetchRecord(result.place), terms));
  return {
    total: candidates.length,
    exact: isExactQuery(terms),
    get exhausted() {
      return hits.exhausted;
    },
    next: (count) => hits.next(count),
  };
}
