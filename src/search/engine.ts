// The search layer over Pagefind: Pagefind narrows candidates by filter, the pure matcher decides what matches.
import { buildExcerpt, cleanFragmentText, findAnchorAt, findFirstOffsets, findTerms, locateAnchors, normalizeWithMap, splitQuery, type ExcerptPart } from './match.ts';

/** The part of a Pagefind fragment this layer reads. */
interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[]>;
  anchors?: { element: string; id: string; text?: string; location: number }[];
}

interface PagefindResult {
  id: string;
  data: () => Promise<Fragment>;
}

/** The Pagefind browser API as this layer uses it. */
export interface PagefindApi {
  options: (options: Record<string, unknown>) => Promise<void>;
  init?: () => Promise<void>;
  search: (term: string | null, options?: { filters?: Record<string, unknown> }) => Promise<{ results: PagefindResult[] } | null>;
}

/** The filters the page offers. */
export interface SearchFilters {
  status?: string | undefined;
  report?: string | undefined;
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

/** Loads Pagefind from the site's own base path (never another origin) and points its result URLs there too. */
export async function loadPagefind(base: string): Promise<PagefindApi> {
  const url = `${base}pagefind/pagefind.js`;
  const api = (await import(/* @vite-ignore */ url)) as PagefindApi;
  await api.options({ baseUrl: base, excerptLength: 30 });
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

/** The Pagefind filter object for the chosen filters; with none, every indexed page (issues and reports) is a candidate. */
export function toPagefindFilters(filters: SearchFilters): Record<string, unknown> {
  const chosen: Record<string, string> = {};
  if (filters.status) chosen['status'] = filters.status;
  if (filters.report) chosen['report'] = filters.report;
  return Object.keys(chosen).length > 0 ? chosen : { kind: { any: ['issue', 'report'] } };
}

/** Turns a fragment into a hit when its text contains every term, or null. */
export function verifyFragment(fragment: Fragment, terms: readonly string[]): SearchHit | null {
  const content = cleanFragmentText(fragment.content);
  const normalized = normalizeWithMap(content);
  const hits = findTerms(content, terms, normalized);
  if (!hits || hits.length === 0) return null;
  const first = hits[0];
  const anchors = locateAnchors(
    content,
    (fragment.anchors ?? []).filter((anchor) => /^measure-\d+$/u.test(anchor.id)).map((anchor) => ({ id: anchor.id, text: cleanFragmentText(anchor.text ?? '') })),
  );
  const anchor = first ? findAnchorAt(first.start, anchors) : null;
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

const STATUS_ORDER = ['completed', 'ongoing'];

/** Orders hits: problems first in report order (status group, then number), then report pages. */
export function compareHits(a: SearchHit, b: SearchHit): number {
  if (a.kind !== b.kind) return a.kind === 'issue' ? -1 : 1;
  return (
    b.report.localeCompare(a.report) ||
    STATUS_ORDER.indexOf(a.status ?? '') - STATUS_ORDER.indexOf(b.status ?? '') ||
    (a.number ?? 0) - (b.number ?? 0) ||
    a.url.localeCompare(b.url)
  );
}

/** Runs a query: every candidate page allowed by the filters is checked for every term. */
export async function runSearch(api: PagefindApi, query: string, filters: SearchFilters): Promise<SearchHit[]> {
  const terms = splitQuery(query);
  if (terms.length === 0) return [];
  const response = await api.search(null, { filters: toPagefindFilters(filters) });
  const candidates = response?.results ?? [];
  const verified = await Promise.all(candidates.map(async (result) => verifyFragment(await loadFragment(result), terms)));
  return verified.filter((hit): hit is SearchHit => hit !== null).sort(compareHits);
}
