// Browser measurements in headless Chromium (playwright-core, the system Chromium, as the tests launch it):
// the first search on /search/?q=… (bytes, cold and warm latency) and a deck's first slide.
import { readFileSync } from 'node:fs';
import { getChromiumPath, launchChromium as startChromium } from '../lib/chromium.ts';
import { fileForUrl, gzipSize } from './assets.mjs';

/** Launches headless Chromium, or returns { error } saying why it cannot. */
export async function launchChromium() {
  try {
    getChromiumPath();
  } catch (error) {
    return { error: error.message };
  }
  try {
    return { browser: await startChromium() };
  } catch (error) {
    return { error: `Chromium did not start: ${error.message.split('\n')[0]}` };
  }
}

/**
 * Records every finished request of a page (workers included): url, resource type and the bytes on
 * the wire (response headers + body as received, Playwright's request.sizes()).
 */
async function recordNetwork(context, page) {
  const finished = [];
  const pending = new Set();
  const TYPES = { script: 'Script', stylesheet: 'Stylesheet', font: 'Font', document: 'Document', fetch: 'Fetch', xhr: 'XHR', image: 'Image' };
  const onFinished = (request) => {
    const job = request
      .sizes()
      .then((sizes) => ({ bytes: sizes.responseBodySize + sizes.responseHeadersSize }))
      .catch(() => ({ bytes: 0 }))
      .then(({ bytes }) => finished.push({ url: request.url(), type: TYPES[request.resourceType()] ?? request.resourceType(), bytes }));
    pending.add(job);
    job.finally(() => pending.delete(job));
  };
  page.on('requestfinished', onFinished);
  return {
    finished,
    /** Resolves once the sizes of every request finished so far are in. */
    settle: () => Promise.all([...pending]),
    detach: () => page.off('requestfinished', onFinished),
  };
}

/** Sums raw and gzipped sizes of the files behind same-origin URLs. */
function weighUrls(distDir, base, urls) {
  let raw = 0;
  let gzip = 0;
  for (const url of new Set(urls)) {
    const file = fileForUrl(distDir, url, base);
    if (!file) continue;
    const body = readFileSync(file);
    raw += body.length;
    gzip += gzipSize(body);
  }
  return { raw, gzip };
}

// Records every change of data-search-results' aria-busy with its time, from before any script runs.
const SEARCH_PROBE = () => {
  window.__benchSearch = [];
  new MutationObserver((records) => {
    for (const record of records) {
      const target = record.target;
      if (target instanceof Element && target.hasAttribute('data-search-results')) {
        window.__benchSearch.push({ busy: target.getAttribute('aria-busy'), t: performance.now(), results: target.children.length });
      }
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
};

/** Waits for the n-th completed search (aria-busy true → false) and returns its start and end times. */
async function waitForSearch(page, nth, timeout) {
  const handle = await page.waitForFunction(
    (n) => {
      let start = null;
      let count = 0;
      for (const entry of window.__benchSearch ?? []) {
        if (entry.busy === 'true' && start === null) start = entry.t;
        else if (entry.busy === 'false' && start !== null) {
          count += 1;
          if (count === n) {
            const results = document.querySelector('[data-search-results]');
            return {
              start,
              end: entry.t,
              results: results?.querySelectorAll('a[href]').length ?? 0,
              status: document.querySelector('[data-search-status]')?.textContent?.trim() ?? '',
            };
          }
          start = null;
        }
      }
      return false;
    },
    nth,
    { timeout },
  );
  return handle.jsonValue();
}

/**
 * Opens /search/?q=<query> in a fresh (cold) context, measures the first search's latency and the
 * bytes it transferred (every /pagefind/ response plus anything fetched once the search started),
 * then runs `warmQuery` on the same page for the warm latency.
 */
export async function measureSearch(browser, { url, distDir, base = '/', query, warmQuery, timeout = 60_000 }) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(SEARCH_PROBE);
    const network = await recordNetwork(context, page);
    const response = await page.goto(`${url}search/?q=${encodeURIComponent(query)}`, { waitUntil: 'load', timeout });
    if (!response || response.status() !== 200) return { ok: false, error: `/search/ answered ${response?.status() ?? 'nothing'} (no search page yet)` };
    if ((await page.locator('[data-search-results]').count()) === 0) return { ok: false, error: '/search/ has no [data-search-results] yet' };
    const cold = await waitForSearch(page, 1, timeout).catch(() => null);
    if (!cold) return { ok: false, error: `the search for "${query}" never finished (aria-busy did not go true → false within ${timeout / 1000} s)` };
    await network.settle();
    const coldNetwork = [...network.finished];
    const searchResponses = coldNetwork.filter((entry) => /\/pagefind\//u.test(entry.url));
    const transferred = searchResponses.reduce((sum, entry) => sum + entry.bytes, 0);
    const pageTransferred = coldNetwork.filter((entry) => !/\/pagefind\//u.test(entry.url)).reduce((sum, entry) => sum + entry.bytes, 0);
    const weighed = weighUrls(
      distDir,
      base,
      searchResponses.map((entry) => entry.url),
    );
    const navigationToResults = cold.end;

    let warm = null;
    if (warmQuery) {
      const before = network.finished.length;
      const input = page.locator('[data-search-main], input[name="q"]').first();
      await input.fill(warmQuery);
      await input.press('Enter');
      const second = await waitForSearch(page, 2, timeout).catch(() => null);
      if (second) {
        await network.settle();
        const extra = network.finished.slice(before).reduce((sum, entry) => sum + entry.bytes, 0);
        warm = { ms: second.end - second.start, transferred: extra, results: second.results };
      }
    }
    await network.detach();
    return {
      ok: true,
      query,
      coldMs: cold.end - cold.start,
      coldFromNavigationMs: navigationToResults,
      results: cold.results,
      status: cold.status,
      transferred,
      requests: searchResponses.length,
      raw: weighed.raw,
      gzip: weighed.gzip,
      pageTransferred,
      warmQuery,
      warmMs: warm?.ms ?? null,
      warmTransferred: warm?.transferred ?? null,
      warmResults: warm?.results ?? null,
    };
  } catch (error) {
    return { ok: false, error: error.message.split('\n')[0] };
  } finally {
    await context.close().catch(() => {});
  }
}

/**
 * Opens a report's deck in a fresh context: the JS and CSS it loaded (raw and gzip, from the dist
 * files), fonts apart, and the time from navigation to the first slide (html[data-deck-ready], else
 * reveal's .reveal.ready with a present slide).
 */
export async function measureDeck(browser, { url, distDir, base = '/', reportId, timeout = 60_000 }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await context.newPage();
    const network = await recordNetwork(context, page);
    const response = await page.goto(`${url}reports/${reportId}/deck/`, { waitUntil: 'commit', timeout });
    if (!response || response.status() !== 200)
      return { ok: false, error: `/reports/${reportId}/deck/ answered ${response?.status() ?? 'nothing'} (no deck yet)` };
    // First slide: reveal has laid out and shows a slide. Ready: html[data-deck-ready] (fonts loaded too).
    const when = (predicate, limit = timeout) =>
      page
        .waitForFunction(predicate, null, { timeout: limit, polling: 'raf' })
        .then((handle) => handle.jsonValue())
        .catch(() => null);
    const firstSlide = await when(() => (document.querySelector('.reveal.ready .slides section.present') ? performance.now() : false));
    const ready = await when(() => (document.documentElement.dataset.deckReady === 'true' ? performance.now() : false), 15_000);
    await page.waitForLoadState('load').catch(() => {});
    await page.waitForTimeout(200);
    await network.settle();
    const entries = [...network.finished];
    await network.detach();
    const byKind = (kinds) => entries.filter((entry) => kinds.includes(entry.type));
    const code = weighUrls(
      distDir,
      base,
      byKind(['Script', 'Stylesheet']).map((entry) => entry.url),
    );
    const fonts = weighUrls(
      distDir,
      base,
      byKind(['Font']).map((entry) => entry.url),
    );
    const js = weighUrls(
      distDir,
      base,
      byKind(['Script']).map((entry) => entry.url),
    );
    const css = weighUrls(
      distDir,
      base,
      byKind(['Stylesheet']).map((entry) => entry.url),
    );
    const slides = await page.evaluate(() => document.querySelectorAll('.reveal .slides section').length).catch(() => 0);
    return {
      ok: true,
      reportId,
      raw: code.raw,
      gzip: code.gzip,
      js,
      css,
      fonts,
      firstSlideMs: firstSlide,
      readyMs: ready,
      slides,
      error: firstSlide === null ? `no slide was shown within ${timeout / 1000} s` : null,
    };
  } catch (error) {
    return { ok: false, error: error.message.split('\n')[0] };
  } finally {
    await context.close().catch(() => {});
  }
}
