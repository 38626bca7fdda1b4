// The search layer over Pagefind's character index: Pagefind returns every page containing all the characters of
// the query (a superset of the matches, in result order), and the pure matcher verifies candidates lazily, fetching
// only as many fragments as it takes to show the next batch of results.
import {
  buildExcerpt,
  comparePages,
  decodeAnchors,
  type ExcerptPart,
  findAnchorAt,
  findFirstOffsets,
  findTerms,
  fromIndexedText,
  normalizeWithMap,
  splitQuery,
  toCharacterQuery,
} from './match.ts';

/** The part of a Pagefind fragment this layer reads. */
interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
}

interface PagefindResult {
  id: string;
  data: () => Promise<Fragment>;
}

/** The Pagefind browser API as this layer uses it. */
export interface PagefindApi {
  options: (options: Record<string, unknown>) => Promise<void>;
  init?: () => Promise<void>;
  search: (
    term: string | null,
    options?: { filters?: Record<string, unknown>; sort?: Record<string, 'asc' | 'desc'> },
  ) => Promise<{ results: PagefindResult[] } | null>;
}

/** The filters the page offers. */
export interface SearchFilters {
  status?: string | undefined;
  report?: string | undefined;
  /** The issuing body (发文机关) as printed. */
  issuer?: string | undefined;
}

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
  excerpt: ExcerptPart[];
}

/** A running search: verified results are taken batch by batch. */
export interface SearchSession {
  /** Pages Pagefind returned for the query's characters (an upper bound on the number of results). */
  readonly candidates: number;
  /** Whether every candidate has been verified and every verified result taken. */
  readonly exhausted: boolean;
  /** The next `count` verified results in result order (fewer only when the search is exhausted). */
  next: (count: number) => Promise<SearchHit[]>;
}

/** Loads Pagefind from the site's own base path (never another origin) and points its result URLs there too. */
export async function loadPagefind(base: string): Promise<PagefindApi> {
  const url = `${base}pagefind/pagefind.js`;
  const api = (await import(/* @vite-ignore */ url)) as PagefindApi;
  // On the main thread: the worker script would be one more download for no gain with this little work per search.
  await api.options({ baseUrl: base, excerptLength: 30, noWorker: true });
  await api.init?.();
  return api;
}

const fragments = new Map<string, Promise<Fragment>>();

/** A candidate's fragment, fetched once per page load. */
function loadFragment(result: PagefindResult): Promise<Fragment> {
  let fragment = fragments.get(result.id);
  if (!fragment) {
    fragment = result.data();
    fragments.set(result.id, fragment);
  }
  return fragment;
}

/** The Pagefind filter object for the chosen filters (empty when none is chosen). */
export function toPagefindFilters(filters: SearchFilters): Record<string, string> {
  const chosen: Record<string, string> = {};
  if (filters.status) chosen['status'] = filters.status;
  if (filters.report) chosen['report'] = filters.report;
  if (filters.issuer) chosen['issuer'] = filters.issuer;
  return chosen;
}

/** Turns a record's fragment into a hit when its text contains every term, or null. */
export function verifyFragment(fragment: Fragment, terms: readonly string[]): SearchHit | null {
  const content = fromIndexedText(fragment.content);
  const normalized = normalizeWithMap(content);
  const hits = findTerms(content, terms, normalized);
  if (!hits || hits.length === 0) return null;
  const first = hits[0];
  const anchor = first ? findAnchorAt(first.start, decodeAnchors(fragment.meta['anchors'])) : null;
  const kind = fragment.meta['kind'] === 'report' ? 'report' : 'issue';
  const number = Number(fragment.meta['number']);
  return {
    url: fragment.url,
    href: anchor ? `${fragment.url}#${anchor}` : fragment.url,
    title: fragment.meta['title'] ?? fragment.url,
    kind,
    status: fragment.meta['status'] ?? null,
    report: fragment.meta['report'] ?? '',
    number: Number.isFinite(number) && number > 0 ? number : null,
    // Each term gets its own window, but with a tighter radius when there are several, to keep results short.
    excerpt: buildExcerpt(content, hits, terms.length > 1 ? 24 : 40, findFirstOffsets(content, terms, normalized)),
  };
}

/** Orders hits: problems first in report order (status group, then number), then report pages. */
export const compareHits: (a: SearchHit, b: SearchHit) => number = comparePages;

/** Candidates verified at once at least, so a low match rate does not turn into many tiny rounds. */
const MIN_SLICE = 10;

/** Starts a query: asks Pagefind for the candidates; fragments are fetched only as results are taken. */
export async function startSearch(api: PagefindApi, query: string, filters: SearchFilters): Promise<SearchSession> {
  const terms = splitQuery(query);
  if (terms.length === 0) return { candidates: 0, exhausted: true, next: async () => [] };
  const chosen = toPagefindFilters(filters);
  const characters = toCharacterQuery(terms);
  const sort = { rank: 'asc' } as const;
  // Without a letter or digit to look up, every page is a candidate (Pagefind lists all pages for a filter only).
  const response = characters
    ? await api.search(characters, { ...(Object.keys(chosen).length > 0 ? { filters: chosen } : {}), sort })
    : await api.search(null, { filters: Object.keys(chosen).length > 0 ? chosen : { kind: { any: ['issue', 'report'] } }, sort });
  const candidates = response?.results ?? [];
  let cursor = 0;
  const verified: SearchHit[] = [];
  return {
    candidates: candidates.length,
    get exhausted() {
      return cursor >= candidates.length && verified.length === 0;
    },
    async next(count) {
      while (verified.length < count && cursor < candidates.length) {
        const slice = candidates.slice(cursor, cursor + Math.max(count - verified.length, MIN_SLICE));
        cursor += slice.length;
        const checked = await Promise.all(slice.map(async (result) => verifyFragment(await loadFragment(result), terms)));
        verified.push(...checked.filter((hit): hit is SearchHit => hit !== null));
      }
      return verified.splice(0, count);
    },
  };
}

/** Runs a query to the end: every result, in result order (for callers that need the complete set). */
export async function runSearch(api: PagefindApi, query: string, filters: SearchFilters): Promise<SearchHit[]> {
  const session = await startSearch(api, query, filters);
  const hits: SearchHit[] = [];
  while (!session.exhausted) hits.push(...(await session.next(100)));
  return hits;
}
