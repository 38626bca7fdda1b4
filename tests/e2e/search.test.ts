// The search truth test: for every query the /search/ page must show exactly the indexed pages whose text contains
// every term (normalised substring match), at the site root and under a sub-path, with filters, and offline.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '#tests/helpers/browser.ts';
import { startStaticServer as startServer } from '../../scripts/lib/static-server.ts';
import {
  compact,
  computeTruth,
  type IndexedPage,
  readIndexedPages,
  runSearchPage,
  showAllResults,
  truthTerms,
  waitForResults,
  withoutHash,
} from './search-support.ts';

interface Server {
  url: string;
  close: () => Promise<void>;
}
// The server is plain JS whose inferred parameter type omits `root`; this states the documented options.
const startStaticServer = startServer as unknown as (options: { root: string; base: string }) => Promise<Server>;

/** Hand-picked queries: single characters, words, rare phrases, document numbers, numbers, several terms, no match. */
const FIXED_QUERIES = [
  '党',
  '建',
  '企',
  '的',
  '号',
  '苏',
  '〔',
  '中小企业',
  '在中小企业',
  '党建',
  '党建工作',
  '企业',
  '科技',
  '孵化器',
  '绩效',
  '整改',
  '监督',
  '资金',
  '专项资金',
  '人才',
  '高新技术企业',
  '科技金融',
  '民主生活会',
  '巡察',
  '回头看',
  '巡察“回头看”',
  '苏科资〔2022〕1号',
  '苏科资2022 1号',
  '〔2021〕',
  '4035.4',
  '4035',
  '2022',
  '2021年',
  '孵化器 绩效',
  '党建 品牌',
  '科技 资金 企业',
  '《关于2022年市科技计划组织实施的意见》',
  '《苏州市科技专家库管理办法（试行）》',
  '“撒胡椒面”',
  '撒胡椒面',
  'E2C606',
  'e2c606',
  'G60',
  '区块链',
  '党\u200b建',
  '  孵化器\u3000绩效  ',
  '苏州市',
  '下一步',
  '整改 区块链',
  '1号',
];

const root = { dist: inject('distRoot'), base: '/' };
const sub = { dist: inject('distSub'), base: inject('subPath') };

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens a page that records every request, so the test can assert none leaves the site's origin. */
async function openRecordedPage(requests: string[]): Promise<Page> {
  const page = await browser.newPage();
  page.on('request', (request) => requests.push(request.url()));
  return page;
}

/** A few queries taken from each problem's own text, so every page is the target of some query. */
function derivedQueries(pages: readonly IndexedPage[]): string[] {
  return pages
    .filter((page) => page.kind === 'issue')
    .map((page) => {
      const text = compact(page.text).replace(/[\p{P}\p{S}]/gu, '');
      const at = Math.floor(text.length / 2);
      return text.slice(at, at + 4);
    });
}

for (const site of [root, sub]) {
  describe(`search under ${site.base}`, () => {
    let server: Server;
    let pages: IndexedPage[];
    const requests: string[] = [];
    let page: Page;

    beforeAll(async () => {
      server = await startStaticServer({ root: site.dist, base: site.base });
      page = await openRecordedPage(requests);
      pages = await readIndexedPages(page, site.dist, site.base);
    });
    afterAll(async () => {
      await page?.close();
      await server?.close();
    });

    const origin = () => new URL(server.url).origin;

    it('indexes every problem page and every report page', () => {
      const issuePages = pages.filter((entry) => entry.kind === 'issue');
      expect(issuePages.length).toBeGreaterThan(0);
      expect(pages.filter((entry) => entry.kind === 'report').length).toBeGreaterThan(0);
      for (const entry of pages) expect(entry.url.startsWith(site.base)).toBe(true);
    });

    it('shows exactly the pages containing every term, for >= 40 queries', async () => {
      const queries = [...FIXED_QUERIES, ...derivedQueries(pages)];
      expect(queries.length).toBeGreaterThanOrEqual(40);
      // Sanity: the truth itself covers the cases the brief names.
      expect(computeTruth(pages, '中小企业').length).toBeGreaterThan(0);
      expect(computeTruth(pages, '苏科资〔2022〕1号').length).toBeGreaterThan(0);
      expect(computeTruth(pages, '4035.4').length).toBeGreaterThan(0);
      expect(computeTruth(pages, '孵化器 绩效').length).toBeGreaterThan(0);
      expect(computeTruth(pages, '整改')).toEqual(pages.map((entry) => entry.url).sort());
      const mismatches: string[] = [];
      for (const query of queries) {
        const truth = computeTruth(pages, query);
        const { links, status } = await runSearchPage(page, origin(), site.base, { q: query });
        const shown = [...new Set(links.map(withoutHash))].sort();
        if (JSON.stringify(shown) !== JSON.stringify(truth)) mismatches.push(`${query}: expected ${truth.join(' ')} got ${shown.join(' ')}`);
        if (truth.length === 0) expect(status).toContain('未找到');
        expect(links.length).toBe(shown.length);
      }
      expect(mismatches).toEqual([]);
    });

    it('highlights the match and links to the measure it lies in', async () => {
      const query = '中小企业';
      const { links } = await runSearchPage(page, origin(), site.base, { q: query });
      expect(links.length).toBeGreaterThan(0);
      const marks = await page.locator('[data-search-results] mark').allTextContents();
      expect(marks.length).toBeGreaterThan(0);
      for (const mark of marks) expect(truthTerms(mark).join('')).toContain(truthTerms(query)[0]);
      // With several terms, every result marks each of them.
      await runSearchPage(page, origin(), site.base, { q: '孵化器 绩效' });
      const perResult = await page
        .locator('[data-search-results] li')
        .evaluateAll((items) => items.map((item) => [...item.querySelectorAll('mark')].map((mark) => mark.textContent ?? '').join('|')));
      expect(perResult.length).toBeGreaterThan(0);
      for (const marked of perResult) for (const term of ['孵化器', '绩效']) expect(marked).toContain(term);
      await runSearchPage(page, origin(), site.base, { q: query });

      const anchored = links.filter((link) => /#measure-\d+$/u.test(link));
      expect(anchored.length).toBeGreaterThan(0);
      for (const link of anchored) {
        await page.goto(`${origin()}${link}`);
        const id = link.split('#')[1]!;
        const heading = page.locator(`[id="${id}"]`);
        await expect(heading.count()).resolves.toBe(1);
        // The match is in that measure: its heading or the paragraph after it.
        const measureText = await heading.evaluate((element) => element.parentElement?.textContent ?? '');
        expect(truthTerms(measureText).join('')).toContain(truthTerms(query)[0]);
      }
    });

    it('lists title hits first (专家: problem 8 first), and the 时间 order on &sort=date', async () => {
      const query = '专家';
      const truth = computeTruth(pages, query);
      const { links } = await runSearchPage(page, origin(), site.base, { q: query });
      expect([...new Set(links.map(withoutHash))].sort()).toEqual(truth);
      const first = pages.find((entry) => entry.url === withoutHash(links[0]!))!;
      expect(first.html).toContain('关于评审环节唯专家论问题的整改');
      expect(first.url).toMatch(/\/completed-08\/$/u);
      // Every title hit comes before every other result.
      const titles = await page.locator('[data-search-results] li a.result-title').evaluateAll((anchors) => anchors.map((anchor) => anchor.textContent ?? ''));
      const holds = titles.map((title) => title.includes(query));
      expect(holds.indexOf(false)).toBeGreaterThan(0);
      expect(holds.slice(holds.indexOf(false))).not.toContain(true);
      await expect(page.locator('[data-search-results] li a.result-title mark').first().textContent()).resolves.toBe(query);

      // 时间: report order (the seed is one report), kept in the address.
      const byDate = await runSearchPage(page, origin(), site.base, { q: query, sort: 'date' });
      expect(new URL(page.url()).searchParams.get('sort')).toBe('date');
      await expect(page.locator('select[name="sort"]').inputValue()).resolves.toBe('date');
      expect([...new Set(byDate.links.map(withoutHash))].sort()).toEqual(truth);
      const shown = byDate.links.map((link) => pages.find((entry) => entry.url === withoutHash(link))!);
      // Problems by status group and number, then the report's own page.
      const order = shown.map((entry) =>
        entry.kind === 'report' ? '9' : `${entry.status === 'completed' ? 0 : 1}-${/-(\d+)\/$/u.exec(entry.url)?.[1]?.padStart(3, '0')}`,
      );
      expect(order).toEqual([...order].sort());
      await page.selectOption('select[name="sort"]', '');
      await waitForResults(page, query);
      expect(new URL(page.url()).searchParams.has('sort')).toBe(false);
    });

    it('filters by status and by report, and the URL follows the choices', async () => {
      const query = '整改';
      const everything = computeTruth(pages, query);
      for (const status of ['completed', 'ongoing']) {
        const expected = pages
          .filter((entry) => entry.status === status && everything.includes(entry.url))
          .map((entry) => entry.url)
          .sort();
        const { links } = await runSearchPage(page, origin(), site.base, { q: query, status });
        expect([...new Set(links.map(withoutHash))].sort()).toEqual(expected);
        await expect(page.locator('select[name="status"]').inputValue()).resolves.toBe(status);
      }
      const reportId = pages.find((entry) => entry.kind === 'report')!.report;
      const inReport = pages
        .filter((entry) => entry.report === reportId && everything.includes(entry.url))
        .map((entry) => entry.url)
        .sort();
      const { links } = await runSearchPage(page, origin(), site.base, { q: query, report: reportId });
      expect([...new Set(links.map(withoutHash))].sort()).toEqual(inReport);

      // Changing a filter in the form re-runs the search and rewrites the address for bookmarking.
      await page.selectOption('select[name="status"]', 'ongoing');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('status') === 'ongoing');
      await waitForResults(page, query);
      await showAllResults(page, query);
      const url = new URL(page.url());
      expect(url.pathname).toBe(`${site.base}search/`);
      expect(url.searchParams.get('q')).toBe(query);
      expect(url.searchParams.get('report')).toBe(reportId);
      const ongoing = pages
        .filter((entry) => entry.status === 'ongoing' && entry.report === reportId)
        .map((entry) => entry.url)
        .sort();
      const after = await page.locator('[data-search-results] a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
      expect([...new Set(after.map(withoutHash))].sort()).toEqual(ongoing);
    });

    it('is usable from the keyboard: / focuses, Enter searches, Tab reaches the results', async () => {
      await page.goto(`${origin()}${site.base}`);
      await page.keyboard.press('/');
      await expect(page.evaluate(() => document.activeElement?.getAttribute('name'))).resolves.toBe('q');
      await page.keyboard.type('孵化器');
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === `${site.base}search/`);
      await waitForResults(page, '孵化器');
      await showAllResults(page, '孵化器');
      expect(await page.locator('[data-search-results] a').count()).toBe(computeTruth(pages, '孵化器').length);

      // On the search page, "/" focuses the page's own box; a new query with Enter replaces the results.
      await page.locator('h1').click();
      await page.keyboard.press('/');
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('q');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('中小企业');
      await page.keyboard.press('Enter');
      await waitForResults(page, '中小企业');
      expect(new URL(page.url()).searchParams.get('q')).toBe('中小企业');
      let reached = false;
      for (let presses = 0; presses < 12 && !reached; presses += 1) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(() => Boolean(document.activeElement?.closest('[data-search-results]') && document.activeElement?.tagName === 'A'));
      }
      expect(reached).toBe(true);
    });

    it('loads the entry, metadata and WebAssembly of Pagefind once each, from the preloads of the page', async () => {
      const fresh = await browser.newPage();
      const asked: string[] = [];
      const warnings: string[] = [];
      fresh.on('request', (request) => asked.push(new URL(request.url()).pathname));
      fresh.on('console', (message) => warnings.push(message.text()));
      try {
        await fresh.goto(`${origin()}${site.base}search/?q=${encodeURIComponent('孵化器 绩效')}`);
        await waitForResults(fresh, '孵化器 绩效');
        for (const file of [/pagefind-entry\.json$/u, /\.pf_meta$/u, /wasm\.[^/]+\.pagefind$/u]) {
          expect(asked.filter((pathname) => file.test(pathname))).toHaveLength(1);
        }
        expect(warnings.filter((text) => /preload/iu.test(text))).toEqual([]);
      } finally {
        await fresh.close();
      }
    });

    it('serves the 404 page for unknown addresses', async () => {
      const response = await page.goto(`${origin()}${site.base}no/such/page/`);
      expect(response?.status()).toBe(404);
      await expect(page.locator('h1').textContent()).resolves.toContain('页面未找到');
      const home = await page.locator('main a').first().getAttribute('href');
      expect(home).toBe(site.base);
    });

    it('made no request to any other origin', () => {
      expect(requests.length).toBeGreaterThan(0);
      const foreign = requests.filter((url) => !url.startsWith(origin()) && !url.startsWith('data:') && url !== 'about:blank');
      expect(foreign).toEqual([]);
    });
  });
}
