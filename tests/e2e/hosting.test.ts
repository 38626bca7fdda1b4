// Real static hosting: the built site served at the root and under the sub-path by nginx and Apache running the
// very files docs/hosting/ ships (only the port and the folder substituted), and by `npm run preview`. Each answers
// pages, the deck and Pagefind's files with the policy header, the built 404 page with status 404 and .wasm as
// WebAssembly; in Chromium, search finds the same pages through nginx and Apache, and the deck and 404 page work.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readDeckConfig } from '#src/deck/config-file.ts';
import { listPlannedSlideIds, planDeck } from '#src/deck/plan.ts';
import { renderCspHeader } from '#src/lib/csp.ts';
import { getIssueSlug, listReportIssues } from '#src/lib/order.ts';
import { getDeckPath, getDeckSlideId, getIssuePath } from '#src/lib/urls.ts';
import { readIssuesFromDisk, readReportsFromDisk } from '#src/loaders/disk.ts';
import { startApache } from '#tests/helpers/apache.ts';
import { launchChromium } from '#tests/helpers/browser.ts';
import { sameOrigin, type Watch, watchContext } from '#tests/helpers/csp-watch.ts';
import { copySite, pickHostingConfig, type RunningServer, WASM_PROBE } from '#tests/helpers/hosting.ts';
import { startNginx } from '#tests/helpers/nginx.ts';
import { startPreview } from '#tests/helpers/preview.ts';
import { computeTruth, type IndexedPage, readIndexedPages, runSearchPage, withoutHash } from './search-support.ts';

const { reports } = readReportsFromDisk();
const { issues } = readIssuesFromDisk();
const report = reports[0]!;
const firstIssue = getIssueSlug(listReportIssues(report.id, issues)[0]!);
const slideIds = listPlannedSlideIds(planDeck(report, issues, readDeckConfig(report.id)));
const problemSlide = getDeckSlideId(firstIssue);
/** A document number (the brief's case) and a two-term query. */
const QUERIES = ['苏科资〔2022〕1号', '孵化器 绩效'];
/** Addresses every server must answer with a page: home, a problem page and the deck. */
const PAGES = ['', getIssuePath(report.id, firstIssue), getDeckPath(report.id)];

const SITES = [
  { name: 'the root', dist: inject('distRoot'), base: '/' },
  { name: 'the sub-path', dist: inject('distSub'), base: inject('subPath') },
];
const SERVERS = [
  { name: 'nginx', config: 'nginx' as const, start: startNginx },
  { name: 'Apache', config: 'apache' as const, start: startApache },
  { name: 'npm run preview', config: null, start: startPreview },
];
/** The result links each server's search showed, by "base query", then by server; compared at the end. */
const shown = new Map<string, Map<string, string[]>>();

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Every file under dir, relative, with / separators. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

for (const site of SITES) {
  describe(`${site.name} (${site.base})`, () => {
    let copy: string;
    beforeAll(() => {
      copy = copySite(site.dist);
    });

    for (const server of SERVERS) {
      const from = server.config ? ` from docs/hosting/${pickHostingConfig(server.config, site.base)}` : '';
      describe(`served by ${server.name}${from}`, () => {
        let running: RunningServer;
        const get = (relative: string) => fetch(`${running.url}${relative}`, { redirect: 'manual' });
        beforeAll(async () => {
          running = await server.start(copy, site.base);
        });
        afterAll(async () => {
          await running?.close();
        });

        it('answers home, a problem page and the deck with 200, UTF-8 HTML and the policy header', async () => {
          for (const relative of PAGES) {
            const response = await get(relative);
            expect(response.status, relative).toBe(200);
            expect(response.headers.get('content-type'), relative).toMatch(/^text\/html; ?charset=utf-8$/iu);
            expect(response.headers.get('content-security-policy'), relative).toBe(renderCspHeader());
            expect(await response.text(), relative).toBe(readFileSync(path.join(site.dist, relative, 'index.html'), 'utf8'));
          }
        });

        it('answers a missing page with the built 404.html, status 404 and the policy header', async () => {
          for (const relative of ['no-such-page/', 'reports/no-such-report/', 'pagefind/no-such-file.pf_fragment']) {
            const response = await get(relative);
            expect(response.status, relative).toBe(404);
            expect(response.headers.get('content-security-policy'), relative).toBe(renderCspHeader());
            expect(await response.text(), relative).toBe(readFileSync(path.join(site.dist, '404.html'), 'utf8'));
          }
        });

        it('redirects a folder address without its slash to the folder, the archive’s own address included', async () => {
          const response = await get('search');
          expect(response.status).toBe(301);
          expect(new URL(response.headers.get('location') ?? '', running.url).href).toBe(`${running.url}search/`);
          if (site.base === '/') return;
          const bare = await fetch(running.url.replace(/\/$/u, ''), { redirect: 'manual' });
          expect(bare.status).toBe(301);
          expect(new URL(bare.headers.get('location') ?? '', running.url).href).toBe(running.url);
        });

        it('serves every file of Pagefind’s bundle byte for byte, and .wasm as application/wasm', async () => {
          const files = listFiles(path.join(site.dist, 'pagefind'));
          expect(files.some((name) => name.endsWith('.pf_meta'))).toBe(true);
          for (const name of files) {
            const response = await get(`pagefind/${name}`);
            expect(response.status, name).toBe(200);
            const body = Buffer.from(await response.arrayBuffer());
            expect(body.equals(readFileSync(path.join(site.dist, 'pagefind', name))), name).toBe(true);
            if (/\.(pagefind|pf_[a-z]+)$/u.test(name)) expect(response.headers.get('content-type'), name).toBe('application/octet-stream');
          }
          const wasm = await get(WASM_PROBE);
          expect(wasm.status).toBe(200);
          expect(wasm.headers.get('content-type')).toBe('application/wasm');
          expect(wasm.headers.get('content-security-policy')).toBe(renderCspHeader());
          expect(WebAssembly.validate(new Uint8Array(await wasm.arrayBuffer()))).toBe(true);
        });

        // The browser checks run where the configuration is a shipped file; the preview's own are in search.test.ts.
        if (!server.config) return;

        describe('in Chromium', () => {
          let origin: string;
          let context: BrowserContext;
          let watch: Watch;
          let page: Page;
          let pages: IndexedPage[];
          beforeAll(async () => {
            origin = new URL(running.url).origin;
            context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
            watch = await watchContext(context, sameOrigin(origin));
            page = await context.newPage();
            pages = await readIndexedPages(page, site.dist, site.base);
          });
          afterAll(async () => {
            await context?.close();
          });

          it('searches with Pagefind: the shown results are exactly the pages containing every term', async () => {
            for (const query of QUERIES) {
              const truth = computeTruth(pages, query);
              expect(truth.length, query).toBeGreaterThan(0);
              const { links } = await runSearchPage(page, origin, site.base, { q: query });
              const key = `${site.base} ${query}`;
              shown.set(key, (shown.get(key) ?? new Map()).set(server.name, links.map(withoutHash)));
              expect([...new Set(links.map(withoutHash))].sort(), query).toEqual(truth);
            }
            // Pagefind's WebAssembly came from under the base and compiled under the header's policy.
            expect(watch.requests.some((url) => url.startsWith(`${origin}${site.base}pagefind/wasm.`))).toBe(true);
          });

          it('opens the deck on its first slide, a problem slide from its link, with the deck font loaded', async () => {
            await page.goto(`${running.url}${getDeckPath(report.id)}`);
            await page.waitForSelector('html[data-deck-ready]', { timeout: 30_000 });
            const present = () => page.evaluate(() => document.querySelector('.reveal .slides section.present:not(.stack)')?.id ?? '');
            expect(await present()).toBe(slideIds[0]);
            expect(await page.evaluate(() => document.fonts.check('32px DeckSans', '整改'))).toBe(true);
            await page.goto(`${running.url}${getDeckPath(report.id)}#/${problemSlide}`);
            await page.reload();
            await page.waitForSelector('html[data-deck-ready]', { timeout: 30_000 });
            expect(await present()).toBe(problemSlide);
            expect(await page.evaluate(() => document.fonts.check('32px DeckSans', '整改'))).toBe(true);
          });

          it('shows the styled 404 page for a missing address', async () => {
            const response = await page.goto(`${running.url}reports/no-such-report/`);
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
      });
    }
  });
}

describe('search through each shipped configuration', () => {
  it('shows the same results, in the same order, under Apache as under nginx', () => {
    expect([...shown.keys()].sort()).toEqual(SITES.flatMap((site) => QUERIES.map((query) => `${site.base} ${query}`)).sort());
    for (const [key, byServer] of shown) {
      expect(byServer.get('nginx')?.length, key).toBeGreaterThan(0);
      expect(byServer.get('Apache'), key).toEqual(byServer.get('nginx'));
    }
  });
});
