// Shared by the search tests: what the built site's indexed pages say, and the truth for a query.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { normalizeForMatch, stripWhitespace } from '#src/lib/text.ts';
import { listHtml, toUrlPath } from '#tests/helpers/html.ts';

/** One page Pagefind indexes: its URL path (with the base) and attributes of its data-pagefind-body element. */
export interface IndexedPage {
  url: string;
  html: string;
  kind: string;
  status: string | null;
  report: string;
  text: string;
}

/**
 * Reads the pages carrying data-pagefind-body and extracts their indexed text in a browser (the body element
 * without its data-pagefind-ignore parts), the same way Pagefind decides what to index.
 */
export async function readIndexedPages(page: Page, dist: string, base: string): Promise<IndexedPage[]> {
  const files = listHtml(dist)
    .map((relative) => ({ relative, html: readFileSync(path.join(dist, relative), 'utf8') }))
    .filter(({ html }) => html.includes('data-pagefind-body'));
  const extracted = await page.evaluate(
    (htmls: string[]) =>
      htmls.map((html) => {
        const doc = new DOMParser().parseFromString(html, 'text/html');
        const body = doc.querySelector('[data-pagefind-body]');
        if (!body) return { text: '', kind: '', status: null, report: '' };
        const clone = body.cloneNode(true) as Element;
        clone.querySelectorAll('[data-pagefind-ignore], script, style').forEach((element) => {
          element.remove();
        });
        return {
          text: clone.textContent ?? '',
          kind: body.getAttribute('data-kind') ?? '',
          status: body.getAttribute('data-status'),
          report: body.getAttribute('data-report') ?? '',
        };
      }),
    files.map((file) => file.html),
  );
  return files.map((file, index) => ({ url: toUrlPath(file.relative, base), html: file.html, ...extracted[index]! }));
}

/** The query's terms as the truth sees them: split on spaces, normalised with the data layer's normalizeForMatch. */
export function truthTerms(query: string): string[] {
  return query
    .split(/[\s\u3000]+/u)
    .map((term) => normalizeForMatch(term))
    .filter((term) => term.length > 0);
}

/** The URLs of the indexed pages whose text contains every term of the query (normalised substring match). */
export function computeTruth(pages: readonly IndexedPage[], query: string): string[] {
  const terms = truthTerms(query);
  if (terms.length === 0) return [];
  return pages
    .filter((page) => {
      const text = normalizeForMatch(page.text);
      return terms.every((term) => text.includes(term));
    })
    .map((page) => page.url)
    .sort();
}

/**
 * Opens /search/ with the given parameters, waits until that query's results are shown and, unless `all` is false,
 * presses "more" until every result is shown, so callers compare the complete set.
 */
export async function runSearchPage(
  page: Page,
  origin: string,
  base: string,
  params: Record<string, string>,
  all = true,
): Promise<{ links: string[]; status: string }> {
  const search = new URLSearchParams(params).toString();
  await page.goto(`${origin}${base}search/?${search}`);
  await waitForResults(page, params['q'] ?? '');
  if (all) await showAllResults(page, params['q'] ?? '');
  return readResults(page);
}

/** Presses the "more" control until it is gone, waiting for each batch; returns how many times it was pressed. */
export async function showAllResults(page: Page, query: string): Promise<number> {
  let presses = 0;
  const more = page.locator('[data-search-results] [data-search-more]');
  while ((await more.count()) > 0) {
    // The click handler marks the results busy before it returns, so the wait below sees this batch.
    await more.click();
    await waitForResults(page, query);
    presses += 1;
    if (presses > 1000) throw new Error('the "more" control never ran out');
  }
  return presses;
}

/** Waits until the results element shows the outcome of `query` and is no longer busy. */
export async function waitForResults(page: Page, query: string): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      const element = document.querySelector('[data-search-results]');
      return element?.getAttribute('aria-busy') === 'false' && element.getAttribute('data-state') === 'done' && element.getAttribute('data-query') === expected;
    },
    query,
    { timeout: 30_000 },
  );
}

/** The result links (href, path part, hash kept) and the status line. */
export async function readResults(page: Page): Promise<{ links: string[]; status: string }> {
  const links = await page
    .locator('[data-search-results] a')
    .evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).getAttribute('href') ?? ''));
  const status = (await page.locator('[data-search-status]').textContent()) ?? '';
  return { links, status };
}

/** The page path of a result link, without its #fragment. */
export function withoutHash(link: string): string {
  return link.replace(/#.*$/u, '');
}

/** Whitespace-insensitive text of a string. */
export const compact = stripWhitespace;
