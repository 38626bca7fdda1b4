// Browser measures in headless Chromium (the system Chromium, launched as the tests launch it): the first search
// on the project's /search/ and on the Pagefind-UI peer page, and a deck's first slide.

import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { fileForUrl, gzipSize } from './assets.ts';

/** A first search: from navigation to the first results shown, every byte on the wire. */
export interface SearchMeasure {
  ok: boolean;
  ms: number;
  bytes: number;
  requests: number;
  /** Result links shown. */
  results: number;
  error: string | null;
}

/** Records every finished request of a page: url, resource type and bytes on the wire (headers + body). */
function recordNetwork(page: Page) {
  const finished: { url: string; type: string; bytes: number }[] = [];
  const pending = new Set<Promise<void>>();
  page.on('requestfinished', (request) => {
    const job = request
      .sizes()
      .then((sizes) => sizes.responseBodySize + sizes.responseHeadersSize)
      .catch(() => 0)
      .then((bytes) => {
        finished.push({ url: request.url(), type: request.resourceType(), bytes });
      });
    pending.add(job);
    void job.finally(() => pending.delete(job));
  });
  return { finished, settle: () => Promise.all([...pending]) };
}

// Records when the project's results element turns aria-busy=false, before any script runs.
const PROJECT_PROBE = () => {
  const w = window as unknown as { __benchDone?: number };
  new MutationObserver(() => {
    const results = document.querySelector('[data-search-results]');
    if (w.__benchDone === undefined && results?.getAttribute('data-state') === 'done') w.__benchDone = performance.now();
  }).observe(document, { subtree: true, attributes: true, childList: true });
};

// Records when the peer's first result link appears.
const PEER_PROBE = () => {
  const w = window as unknown as { __benchDone?: number };
  new MutationObserver(() => {
    if (w.__benchDone === undefined && document.querySelector('.pagefind-ui__result-link')) w.__benchDone = performance.now();
  }).observe(document, { subtree: true, childList: true });
};

/** Opens `url` in a fresh context and waits for the first results: time from navigation and bytes transferred. */
export async function measureFirstSearch(browser: Browser, url: string, peer: boolean, timeout = 60_000): Promise<SearchMeasure> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(peer ? PEER_PROBE : PROJECT_PROBE);
    const network = recordNetwork(page);
    const response = await page.goto(url, { waitUntil: 'commit', timeout });
    if (response?.status() !== 200) return { ok: false, ms: 0, bytes: 0, requests: 0, results: 0, error: `${url} answered ${response?.status()}` };
    const handle = await page.waitForFunction(() => (window as unknown as { __benchDone?: number }).__benchDone ?? false, null, { timeout, polling: 50 });
    const ms = (await handle.jsonValue()) as number;
    // Let requests the first results started finish (fragments of the shown results), then count every byte.
    await page.waitForLoadState('networkidle', { timeout }).catch(() => {});
    await network.settle();
    const results = await page.locator(peer ? '.pagefind-ui__result-link' : '[data-search-results] li a').count();
    const bytes = network.finished.reduce((sum, entry) => sum + entry.bytes, 0);
    return { ok: true, ms, bytes, requests: network.finished.length, results, error: null };
  } catch (error) {
    return { ok: false, ms: 0, bytes: 0, requests: 0, results: 0, error: String((error as Error).message).split('\n')[0] ?? 'failed' };
  } finally {
    await context.close().catch(() => {});
  }
}

/** A deck's first view: JS and CSS it loaded (gzip, from the dist files), fonts apart, and time to the first slide. */
export interface DeckMeasure {
  ok: boolean;
  gzip: number;
  raw: number;
  fontsRaw: number;
  firstSlideMs: number | null;
  error: string | null;
}

/** Opens a report's deck in a fresh context and measures what it loads and when its first slide shows. */
export async function measureDeck(browser: Browser, { url, distDir, reportId }: { url: string; distDir: string; reportId: string }): Promise<DeckMeasure> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await context.newPage();
    const network = recordNetwork(page);
    const response = await page.goto(`${url}reports/${reportId}/deck/`, { waitUntil: 'commit', timeout: 60_000 });
    if (response?.status() !== 200) return { ok: false, gzip: 0, raw: 0, fontsRaw: 0, firstSlideMs: null, error: `deck answered ${response?.status()}` };
    const firstSlide = await page
      .waitForFunction(() => (document.querySelector('.reveal.ready .slides section.present') ? performance.now() : false), null, {
        timeout: 60_000,
        polling: 'raf',
      })
      .then((handle) => handle.jsonValue() as Promise<number>)
      .catch(() => null);
    await page.waitForLoadState('networkidle').catch(() => {});
    await network.settle();
    let gzip = 0;
    let raw = 0;
    let fontsRaw = 0;
    for (const entry of network.finished) {
      const file = fileForUrl(distDir, entry.url, '/');
      if (!file) continue;
      const body = readFileSync(file);
      if (entry.type === 'font') fontsRaw += body.length;
      else if (entry.type === 'script' || entry.type === 'stylesheet') {
        raw += body.length;
        gzip += gzipSize(body);
      }
    }
    return { ok: true, gzip, raw, fontsRaw, firstSlideMs: firstSlide, error: firstSlide === null ? 'no slide shown' : null };
  } catch (error) {
    return { ok: false, gzip: 0, raw: 0, fontsRaw: 0, firstSlideMs: null, error: String((error as Error).message).split('\n')[0] ?? 'failed' };
  } finally {
    await context.close().catch(() => {});
  }
}
