// The strict Content Security Policy: every built page carries the one policy of src/lib/csp.ts, and every page type
// (archive, search with Pagefind's worker and WebAssembly, 404, deck, reveal's speaker view popup, the offline
// single file) works under it in Chromium with zero violations and zero requests to other origins.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readDeckConfig } from '#src/deck/config-file.ts';
import { listPlannedSlideIds, planDeck } from '#src/deck/plan.ts';
import { getSpeakerViewHashes, hashSource, readSpeakerViewScripts, renderCspHeader, renderCspMeta } from '#src/lib/csp.ts';
import { getIssueSlug, listReportIssues } from '#src/lib/order.ts';
import { getDeckPath, getDeckSlideId, getIssuePath, getReportPath } from '#src/lib/urls.ts';
import { readIssuesFromDisk, readReportsFromDisk } from '#src/loaders/disk.ts';
import { toQueryTerm } from '#src/search/record.ts';
import { projectRoot } from '#tests/helpers/build.ts';
import { sameOrigin, type Watch, watchContext } from '#tests/helpers/csp-watch.ts';
import { listHtml } from '#tests/helpers/html.ts';
import { openSite, type Server } from '#tests/helpers/site.ts';
import { readResults, runSearchPage, waitForResults } from './search-support.ts';

const distRoot = inject('distRoot');
const distSub = inject('distSub');
const { reports } = readReportsFromDisk();
const { issues } = readIssuesFromDisk();
const report = reports[0]!;
const ownIssues = listReportIssues(report.id, issues);
const slideIds = listPlannedSlideIds(planDeck(report, issues, readDeckConfig(report.id)));
const stripSpace = (text: string) => text.replace(/\s+/gu, '');

let browser: Browser;
let server: Server;
let origin: string;
let close = async () => {};
beforeAll(async () => {
  ({ browser, root: server, close } = await openSite());
  origin = new URL(server.url).origin;
});
afterAll(() => close());

/** A fresh context watched for violations, errors and foreign requests. */
async function openWatched(isOwn: (url: string) => boolean): Promise<{ context: BrowserContext; watch: Watch }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  return { context, watch: await watchContext(context, isOwn) };
}

/** Asserts the context saw nothing the policy blocked, no error and no other origin. */
function expectClean(watch: Watch): void {
  expect(watch.violations).toEqual([]);
  expect(watch.errors).toEqual([]);
  expect(watch.foreign).toEqual([]);
}

const presentId = (page: Page) => page.evaluate(() => document.querySelector('.reveal .slides section.present:not(.stack)')?.id ?? '');
const presentNotes = (page: Page) => page.evaluate(() => document.querySelector('.reveal .slides section.present:not(.stack) aside.notes')?.textContent ?? '');

/** Presses S and returns the speaker window once it shows the notes of the current slide. */
async function openSpeakerView(context: BrowserContext, page: Page): Promise<Page> {
  const expected = stripSpace(await presentNotes(page));
  expect(expected.length).toBeGreaterThan(0);
  const [popup] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
  await popup.waitForFunction(
    (text) => (document.querySelector('.speaker-controls-notes .value')?.textContent ?? '').replace(/\s+/gu, '').includes(text),
    expected,
    { timeout: 30_000 },
  );
  return popup;
}

/** The speaker view's notes text, whitespace removed. */
const speakerNotes = (popup: Page) => popup.evaluate(() => (document.querySelector('.speaker-controls-notes .value')?.textContent ?? '').replace(/\s+/gu, ''));

describe('the policy', () => {
  it('allows no inline or eval script, only the speaker view by hash, and frame-ancestors only in the header', () => {
    const meta = renderCspMeta();
    const scriptSrc = /(?:^|; )script-src ([^;]*)/u.exec(meta)?.[1] ?? '';
    expect(scriptSrc.split(' ')).toEqual(["'self'", "'wasm-unsafe-eval'", ...getSpeakerViewHashes()]);
    expect(meta).not.toMatch(/'unsafe-eval'|script-src[^;]*'unsafe-inline'|\*/u);
    expect(meta).toMatch(/(^|; )default-src 'self'(;|$)/u);
    expect(meta).toMatch(/(^|; )object-src 'none'(;|$)/u);
    expect(meta).not.toContain('frame-ancestors');
    expect(renderCspHeader()).toBe(`${meta}; frame-ancestors 'self'`);
    // The hash is of the script reveal.js really writes into the speaker window.
    const scripts = readSpeakerViewScripts();
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toContain('reveal-notes');
    expect(getSpeakerViewHashes()).toEqual([hashSource(scripts[0]!)]);
  });

  it.each([
    ['root', () => distRoot],
    ['sub-path', () => distSub],
  ])('is the first thing in the head of every built page (%s), which has no inline script', (_name, dist) => {
    const expected = renderCspMeta();
    const files = listHtml(dist());
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const html = readFileSync(path.join(dist(), file), 'utf8');
      const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/gu)];
      expect(metas, file).toHaveLength(1);
      expect(
        metas[0]![1]!
          .replace(/&#39;/gu, "'")
          .replace(/&quot;/gu, '"')
          .replace(/&amp;/gu, '&'),
        file,
      ).toBe(expected);
      const head = html.slice(0, metas[0]!.index);
      expect(head, file).not.toMatch(/<(script|link|style)\b/u);
      expect(html, file).not.toMatch(/<script\b(?![^>]*\bsrc=)[^>]*>/u);
      expect(html, file).not.toMatch(/\son[a-z]+=/u);
    }
  });
});

describe('under the policy in Chromium', () => {
  it('reports a violation when one happens (the watcher works)', async () => {
    const { context, watch } = await openWatched(sameOrigin(origin));
    const page = await context.newPage();
    await page.goto(server.url);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true;';
      document.body.append(script);
    });
    await expect.poll(() => watch.violations.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
    await context.close();
  });

  it('shows every archive page type, the search page with results, Pagefind in its worker, and the 404 page', async () => {
    const { context, watch } = await openWatched(sameOrigin(origin));
    const page = await context.newPage();
    const issue = ownIssues[0]!;
    const visits = [
      { path: '', heading: '' },
      { path: getReportPath(report.id), heading: '' },
      { path: getIssuePath(report.id, getIssueSlug(issue)), heading: '' },
      { path: 'documents/', heading: '' },
      { path: 'commitments/', heading: '' },
    ];
    for (const visit of visits) {
      const response = await page.goto(`${server.url}${visit.path.replace(/^\//u, '')}`);
      expect(response?.status(), visit.path).toBe(200);
      expect(((await page.locator('h1').first().textContent()) ?? '').trim().length, visit.path).toBeGreaterThan(0);
    }
    const missing = await page.goto(`${server.url}no-such-page/`);
    expect(missing?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toContain('页面未找到');

    // The search page with a query that has results, then the header search box from another page.
    const direct = await runSearchPage(page, origin, '/', { q: '苏科资〔2022〕1号' });
    expect(direct.links.length).toBeGreaterThan(0);
    await page.goto(`${server.url}documents/`);
    await page.fill('#header-q', '孵化器');
    await page.press('#header-q', 'Enter');
    await page.waitForURL(/\/search\/\?q=/u);
    await waitForResults(page, '孵化器');
    expect((await readResults(page)).links.length).toBeGreaterThan(0);

    // Pagefind compiled its WebAssembly under the policy ('wasm-unsafe-eval').
    expect(watch.requests.some((url) => /\/pagefind\/wasm\.[^/]+\.pagefind$/u.test(url))).toBe(true);

    // The search page may run Pagefind on the main thread; its default web worker must work under the policy too
    // (worker-src 'self', the worker's own WebAssembly), so load Pagefind here with its defaults and search.
    await page.goto(server.url);
    // A string, so the test runner does not rewrite import() for Node. It asks for the index's own word for 孵化.
    const [word] = toQueryTerm('孵化').words;
    const found = await page.evaluate(`(async () => {
      const pagefind = await import(location.origin + '/pagefind/pagefind.js');
      await pagefind.options({ baseUrl: '/' });
      return (await pagefind.search(${JSON.stringify(word?.word)})).results.length;
    })()`);
    expect(found).toBeGreaterThan(0);
    expect(watch.requests.some((url) => url.endsWith('/pagefind/pagefind-worker.js'))).toBe(true);
    expect(watch.console.filter((line) => /falling back to main thread|web worker encountered an error/iu.test(line))).toEqual([]);
    expectClean(watch);
    await context.close();
  });

  it('runs the deck, keyboard navigation and the speaker view popup with its notes', async () => {
    const { context, watch } = await openWatched(sameOrigin(origin));
    const page = await context.newPage();
    await page.goto(`${server.url}${getDeckPath(report.id).replace(/^\//u, '')}`);
    await page.waitForSelector('html[data-deck-ready]', { timeout: 30_000 });
    expect(await presentId(page)).toBe(slideIds[0]);
    for (const id of slideIds.slice(1)) {
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => presentId(page)).toBe(id);
    }
    await page.keyboard.press('Home');
    await expect.poll(() => presentId(page)).toBe(slideIds[0]);

    // The speaker view on a problem slide: its inline script runs (allowed by hash) and shows that slide's notes.
    const target = getDeckSlideId(getIssueSlug(ownIssues[0]!));
    await page.evaluate((id) => {
      window.location.hash = `#/${id}`;
    }, target);
    await expect.poll(() => presentId(page)).toBe(target);
    const popup = await openSpeakerView(context, page);
    expect(await popup.locator('#connection-status').isVisible()).toBe(false);
    // The notes follow the main window.
    const before = await speakerNotes(popup);
    await page.bringToFront();
    await page.keyboard.press('ArrowRight');
    const next = stripSpace(await presentNotes(page));
    if (next.length > 0) await expect.poll(() => speakerNotes(popup), { timeout: 15_000 }).toContain(next);
    expect(await speakerNotes(popup)).not.toBe(before);
    // The previews in the speaker window are the deck itself (frame-src 'self').
    const frames = popup.frames().filter((frame) => frame.url().includes('receiver'));
    expect(frames.length).toBe(2);
    expectClean(watch);
    await context.close();
  });
});

describe('the offline single file', () => {
  const exportDir = mkdtempSync(path.join(tmpdir(), 'csp-export-'));

  it('carries its own hash-based policy and runs from file:// without violations, speaker view included', async () => {
    const result = spawnSync(process.execPath, [path.join(projectRoot, 'scripts/export-html.ts'), report.id], {
      cwd: projectRoot,
      env: { ...process.env, DIST_DIR: distRoot, EXPORT_DIR: exportDir },
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    const file = path.join(exportDir, `${report.id}.html`);
    const html = readFileSync(file, 'utf8');
    const policy =
      /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/u
        .exec(html)?.[1]
        ?.replace(/&quot;/gu, '"')
        .replace(/&amp;/gu, '&') ?? '';
    const scriptSrc = /(?:^|; )script-src ([^;]*)/u.exec(policy)?.[1] ?? '';
    expect(scriptSrc).not.toMatch(/'unsafe-inline'|'unsafe-eval'/u);
    const inline = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gu)].map((match) => match[1]!);
    expect(inline.length).toBeGreaterThan(0);
    for (const script of inline) expect(scriptSrc).toContain(hashSource(script));
    for (const hash of getSpeakerViewHashes()) expect(scriptSrc).toContain(hash);

    const url = pathToFileURL(file).href;
    const { context, watch } = await openWatched((request) => request.startsWith('file:') || request.startsWith('data:') || request === 'about:blank');
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('html[data-deck-ready]', { timeout: 30_000 });
    expect(await presentId(page)).toBe(slideIds[0]);
    await page.keyboard.press('End');
    await expect.poll(() => presentId(page)).toBe(slideIds.at(-1));
    expect(await page.evaluate(() => document.fonts.check('32px DeckSans', '整改'))).toBe(true);
    const target = getDeckSlideId(getIssueSlug(ownIssues.at(-1)!));
    await page.evaluate((id) => {
      window.location.hash = `#/${id}`;
    }, target);
    await expect.poll(() => presentId(page)).toBe(target);
    await openSpeakerView(context, page);
    expectClean(watch);
    expect(new Set(watch.requests.filter((request) => request.startsWith('file:')).map((request) => request.split(/[?#]/u)[0]))).toEqual(new Set([url]));
    await context.close();
  });
});
