// The search layer over Pagefind's position index (src/search/record.ts). For each distinct character of the query
// Pagefind returns the pages holding it with its positions; a page is a result when each term's characters sit at
// consecutive positions in its text, and a title hit when they do in its title. So the complete, ordered result list
// is known before any fragment is fetched; fragments are fetched only for the results shown, and each shown result
// is checked once more against its own text.
import { buildExcerpt, type ExcerptPart, findAnchorAt, findFirstOffsets, findTerms, markTerms, normalizeWithMap, splitQuery } from './match.ts';
import { holdsTerm, readRecordMeta, SORT_KEY, toQueryWords } from './record.ts';

/** The part of a Pagefind fragment this layer reads. */
interface Fragment {
  url: string;
  meta: Record<string, string | undefined>;
}

interface PagefindResult {
  id: string;
  /** Positions of the searched word in the record. */
  words: number[];
  data: () => Promise<Fragment>;
}

type SearchOptions = { filters?: Record<string, unknown>; sort?: Record<string, 'asc' | 'desc'> };

/** The Pagefind browser API as this layer uses it. */
export interface PagefindApi {
  options: (options: Record<string, unknown>) => Promise<void>;
  init?: () => Promise<void>;
  preload: (term: string, options?: SearchOptions) => Promise<void>;
  search: (term: string | null, options?: SearchOptions) => Promise<{ results: PagefindResult[] } | null>;
}

/** The filters the page offers. */
export interface SearchFilters {
  status?: string | undefined;
  report?: string | undefined;
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

/** A running search: results are taken batch by batch, each batch's fragments fetched when it is taken. */
export interface SearchSession {
  /** The number of results. */
  readonly total: number;
  /** Whether every result has been taken. */
  readonly exhausted: boolean;
  /** The next `count` results in order (fewer only when the search is exhausted). */
  next: (count: number) => Promise<SearchHit[]>;
}

/** Loads Pagefind from the site's own base path (never another origin) and points its result URLs there too. */
export async function loadPagefind(base: string): Promise<PagefindApi> {
  const url = `${base}pagefind/pagefind.js`;
  const api = (await import(/* @vite-ignore */ url)) as PagefindApi;
  // On the main thread: the worker script would be one more download for no gain with this little work per search.
  await api.options({ baseUrl: base, excerptLength: 0, noWorker: true });
  await api.init?.();
  return api;
}

/** The Pagefind filter object for the chosen filters (empty when none is chosen). */
export function toPagefindFilters(filters: SearchFilters): Record<string, string> {
  const chosen: Record<string, string> = {};
  if (filters.status) chosen['status'] = filters.status;
  if (filters.report) chosen['report'] = filters.report;
  return chosen;
}

/** Turns a record's fragment into a hit when its text contains every term, or null. */
export function verifyFragment(fragment: Fragment, terms: readonly string[], titleHit: boolean): SearchHit | null {
  const record = readRecordMeta(fragment.url, fragment.meta);
  const normalized = normalizeWithMap(record.text);
  const hits = findTerms(record.text, terms, normalized);
  if (!hits || hits.length === 0) return null;
  const first = hits[0];
  const anchor = first ? findAnchorAt(first.start, record.anchors) : null;
  return {
    url: fragment.url,
    href: anchor ? `${fragment.url}#${anchor}` : fragment.url,
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

/** A result known from positions alone. */
export interface Candidate<T> {
  result: T;
  titleHit: boolean;
}

/**
 * Orders the pages holding every term from each word's results (each list in date order): title hits first for
 * relevance, then the rest; date order keeps the lists' order.
 */
export function rankCandidates<T extends { id: string; words: readonly number[] }>(
  termWords: readonly (readonly string[])[],
  resultsOf: ReadonlyMap<string, readonly T[]>,
  order: SearchOrder,
): Candidate<T>[] {
  const lists = [...resultsOf.values()];
  if (lists.length === 0 || termWords.length === 0) return [];
  // The shortest list drives; the others are looked up by page.
  const driver = lists.reduce((shortest, list) => (list.length < shortest.length ? list : shortest));
  const byWord = new Map([...resultsOf].map(([word, list]) => [word, new Map(list.map((result) => [result.id, result]))]));
  const titleHits: Candidate<T>[] = [];
  const rest: Candidate<T>[] = [];
  for (const result of driver) {
    const sets = new Map<string, ReadonlySet<number> | undefined>();
    const positionsOf = (word: string) => {
      if (!sets.has(word)) {
        const found = byWord.get(word)?.get(result.id);
        sets.set(word, found ? new Set(found.words) : undefined);
      }
      return sets.get(word);
    };
    if (!termWords.every((words) => holdsTerm(words, positionsOf, 'text'))) continue;
    const titleHit = termWords.every((words) => holdsTerm(words, positionsOf, 'title'));
    (titleHit && order === 'relevance' ? titleHits : rest).push({ result, titleHit });
  }
  return [...titleHits, ...rest];
}

/** Starts a query: finds and orders every result from positions; fragments are fetched only as results are taken. */
export async function startSearch(api: PagefindApi, query: string, filters: SearchFilters, order: SearchOrder = 'relevance'): Promise<SearchSession> {
  const terms = splitQuery(query);
  const termWords = terms.map(toQueryWords);
  const words = [...new Set(termWords.flat())];
  if (words.length === 0) return { total: 0, exhausted: true, next: async () => [] };
  const chosen = toPagefindFilters(filters);
  const options: SearchOptions = { ...(Object.keys(chosen).length > 0 ? { filters: chosen } : {}), sort: { [SORT_KEY]: 'asc' } };
  // Every word's index chunk is fetched at once; the searches then run on what is loaded.
  await Promise.all(words.map((word) => api.preload(word, options)));
  const resultsOf = new Map<string, PagefindResult[]>();
  for (const word of words) resultsOf.set(word, (await api.search(word, options))?.results ?? []);
  const candidates = rankCandidates(termWords, resultsOf, order);
  let cursor = 0;
  return {
    total: candidates.length,
    get exhausted() {
      return cursor >= candidates.length;
    },
    async next(count) {
      const hits: SearchHit[] = [];
      while (hits.length < count && cursor < candidates.length) {
        const slice = candidates.slice(cursor, cursor + count - hits.length);
        cursor += slice.length;
        const checked = await Promise.all(slice.map(async ({ result, titleHit }) => verifyFragment(await result.data(), terms, titleHit)));
        hits.push(...checked.filter((hit): hit is SearchHit => hit !== null));
      }
      return hits;
    },
  };
}
