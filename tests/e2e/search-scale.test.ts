// Search at scale: on the fixture site, which holds a generated archive of 300 problems, a common term fetches the
// records of the first batch only (positions decide the results before any record is fetched), no Pagefind
// fragment at all, and pressing "more" to the end still shows exactly the pages containing the term.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { RECORDS_FOLDER } from '#src/search/record.ts';
import { GENERATED } from '#tests/fixtures/site.ts';
import { launchChromium } from '#tests/helpers/browser.ts';
import { startStaticServer as startServer } from '../../scripts/lib/static-server.ts';
import { computeTruth, type IndexedPage, readIndexedPages, readResults, showAllResults, waitForResults, withoutHash } from './search-support.ts';

interface Server {
  url: string;
  close: () => Promise<void>;
}
const startStaticServer = startServer as unknown as (options: { root: string; base: string }) => Promise<Server>;

const PROBLEMS = GENERATED.problems;
/** The first batch: its results' records are the only ones the first search fetches. */
const FIRST_BATCH = 5;

describe(`search on a generated archive of ${PROBLEMS} problems`, () => {
  let browser: Browser;
  let server: Server;
  let pages: IndexedPage[];

  beforeAll(async () => {
    const dist = inject('fixturesDist');
    browser = await launchChromium();
    server = await startStaticServer({ root: dist, base: '/' });
    const reader = await browser.newPage();
    pages = await readIndexedPages(reader, dist, '/');
    expect(pages.length).toBeGreaterThan(PROBLEMS);
    await reader.close();
  });
  afterAll(async () => {
    await server?.close();
    await browser?.close();
  });

  /** Opens /search/?q= in a fresh context and counts the records and Pagefind fragments fetched until the first results show. */
  async function firstSearch(query: string): Promise<{ page: Page; records: number; fragments: number }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const records: string[] = [];
    const fragments: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith(`/${RECORDS_FOLDER}/`)) records.push(request.url());
      if (/\/fragment\//u.test(request.url())) fragments.push(request.url());
    });
    await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
    await waitForResults(page, query);
    return { page, records: new Set(records).size, fragments: fragments.length };
  }

  it('fetches the first batch\'s records only for a common term, and "more" reaches every match', async () => {
    const query = '资金';
    const truth = computeTruth(pages, query);
    // The term must be common enough that fetching every match would be far more than one batch.
    expect(truth.length).toBeGreaterThan(FIRST_BATCH * 5);
    const { page, records, fragments } = await firstSearch(query);
    console.info(`search-scale: "${query}" has ${truth.length} matches in ${pages.length} pages; the first search fetched ${records} records`);
    try {
      expect(records).toBe(FIRST_BATCH);
      expect(fragments).toBe(0);
      const first = await readResults(page);
      expect(first.links).toHaveLength(FIRST_BATCH);
      // The total is exact from positions alone, before the results beyond the first batch are fetched.
      expect(first.status).toContain(`找到 ${truth.length} 个`);
      expect(first.status).toContain('还有更多');
      await expect(page.locator('[data-search-more]').count()).resolves.toBe(1);

      await showAllResults(page, query);
      const { links, status } = await readResults(page);
      expect(links.map(withoutHash).sort()).toEqual(truth);
      expect(status).toContain(`找到 ${truth.length} 个`);
    } finally {
      await page.context().close();
    }
  });

  it('stays exact for rare and multi-term queries at this size', async () => {
    for (const query of ['孵化器 绩效', '中小企业', '苏科资〔2022〕1号', '区块链']) {
      const truth = computeTruth(pages, query);
      const { page } = await firstSearch(query);
      try {
        await showAllResults(page, query);
        const { links } = await readResults(page);
        expect([...new Set(links.map(withoutHash))].sort(), query).toEqual(truth);
      } finally {
        await page.context().close();
      }
    }
  });
});
