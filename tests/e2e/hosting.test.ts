// Real static hosting: the built site served by nginx (the configuration the README documents, CSP header included)
// at the root and under a sub-path, on a loopback port: search, the deck and the 404 page work there, and the
// README shows exactly the configuration this test runs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readDeckConfig } from '../../src/deck/config-file.ts';
import { listPlannedSlideIds, planDeck } from '../../src/deck/plan.ts';
import { renderCspHeader } from '../../src/lib/csp.ts';
import { getIssueSlug, listReportIssues } from '../../src/lib/order.ts';
import { getDeckPath, getDeckSlideId } from '../../src/lib/urls.ts';
import { readIssuesFromDisk, readReportsFromDisk } from '../../src/loaders/disk.ts';
import { launchChromium } from '../helpers/browser.ts';
import { projectRoot } from '../helpers/build.ts';
import { sameOrigin, type Watch, watchContext } from '../helpers/csp-watch.ts';
import { NGINX_HTTP_LINES, renderNginxServer, startNginx } from '../helpers/nginx.ts';
import { computeTruth, type IndexedPage, readIndexedPages, runSearchPage, withoutHash } from './search-support.ts';

const { reports } = readReportsFromDisk();
const { issues } = readIssuesFromDisk();
const report = reports[0]!;
const slideIds = listPlannedSlideIds(planDeck(report, issues, readDeckConfig(report.id)));
const problemSlide = getDeckSlideId(getIssueSlug(listReportIssues(report.id, issues)[0]!));
/** A document number (the brief's case) and a two-term query. */
const QUERIES = ['苏科资〔2022〕1号', '孵化器 绩效'];
/** Where the README's examples put the built site. */
const README_DIST = '/srv/rectification-kit/dist';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the README', () => {
  const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');

  it('shows the nginx configuration the test runs, at the root and under a sub-path', () => {
    for (const line of NGINX_HTTP_LINES) expect(readme).toContain(line);
    expect(readme).toContain(renderNginxServer(README_DIST, '/', '80'));
    expect(readme).toContain(renderNginxServer(README_DIST, '/kit/archive/', '80'));
  });

  it('sends the same policy in its Apache example', () => {
    expect(readme).toContain(`Header always set Content-Security-Policy "${renderCspHeader()}"`);
    expect(readme).toContain('AddType application/wasm .wasm');
  });
});

for (const site of [
  { name: 'the root', dist: inject('distRoot'), base: '/' },
  { name: 'a sub-path', dist: inject('distSub'), base: inject('subPath') },
]) {
  describe(`nginx serving ${site.name} (${site.base})`, () => {
    let server: { url: string; close: () => Promise<void> };
    let origin: string;
    let context: BrowserContext;
    let watch: Watch;
    let page: Page;
    let pages: IndexedPage[];

    beforeAll(async () => {
      server = await startNginx(site.dist, site.base);
      origin = new URL(server.url).origin;
      context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      watch = await watchContext(context, sameOrigin(origin));
      page = await context.newPage();
      pages = await readIndexedPages(page, site.dist, site.base);
    });
    afterAll(async () => {
      await context?.close();
      await server?.close();
    });

    it('answers with the CSP header, the right types, folder redirects and the built 404 page', async () => {
      const get = (relative: string) => fetch(`${server.url}${relative}`, { redirect: 'manual' });
      for (const relative of ['', 'search/', 'pagefind/pagefind.js', 'pagefind/pagefind-worker.js', 'no-such-page/']) {
        expect((await get(relative)).headers.get('content-security-policy'), relative).toBe(renderCspHeader());
      }
      expect((await get('')).headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect((await get('pagefind/pagefind.js')).headers.get('content-type')).toMatch(/^(application|text)\/javascript/u);
      const folder = await get('search');
      expect(folder.status).toBe(301);
      expect(folder.headers.get('location')).toBe(`${site.base}search/`);
      const missing = await get('no-such-page/');
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain('页面未找到');
    });

    it('searches with Pagefind: the shown results are exactly the pages containing every term', async () => {
      for (const query of QUERIES) {
        const truth = computeTruth(pages, query);
        expect(truth.length, query).toBeGreaterThan(0);
        const { links } = await runSearchPage(page, origin, site.base, { q: query });
        expect([...new Set(links.map(withoutHash))].sort(), query).toEqual(truth);
      }
      // Pagefind's WebAssembly came from under the base and compiled under the header's policy.
      expect(watch.requests.some((url) => url.startsWith(`${origin}${site.base}pagefind/wasm.`))).toBe(true);
    });

    it('opens the deck on its first slide, a problem slide from its link, with the deck font loaded', async () => {
      await page.goto(`${server.url}${getDeckPath(report.id).replace(/^\//u, '')}`);
      await page.waitForSelector('html[data-deck-ready]', { timeout: 30_000 });
      const present = () => page.evaluate(() => document.querySelector('.reveal .slides section.present:not(.stack)')?.id ?? '');
      expect(await present()).toBe(slideIds[0]);
      expect(await page.evaluate(() => document.fonts.check('32px DeckSans', '整改'))).toBe(true);
      await page.goto(`${server.url}${getDeckPath(report.id).replace(/^\//u, '')}#/${problemSlide}`);
      await page.reload();
      await page.waitForSelector('html[data-deck-ready]', { timeout: 30_000 });
      expect(await present()).toBe(problemSlide);
      expect(await page.evaluate(() => document.fonts.check('32px DeckSans', '整改'))).toBe(true);
    });

    it('shows the styled 404 page for a missing address', async () => {
      const response = await page.goto(`${server.url}reports/no-such-report/`);
      expect(response?.status()).toBe(404);
      expect(await page.locator('h1').textContent()).toContain('页面未找到');
      // The page's own stylesheet came from under the base (absolute links work at any depth).
      const sheets = await page.evaluate(() => [...document.styleSheets].map((sheet) => sheet.href ?? ''));
      expect(sheets.some((href) => href.startsWith(`${origin}${site.base}_astro/`))).toBe(true);
    });

    it('breaks no rule of the policy (header and meta) and asks no other origin', () => {
      expect(watch.violations).toEqual([]);
      expect(watch.errors).toEqual([]);
      expect(watch.foreign).toEqual([]);
      expect(watch.requests.filter((url) => url.startsWith(origin) && !new URL(url).pathname.startsWith(site.base))).toEqual([]);
    });
  });
}
