// Documents as they arrive (#21), built beside the seed in the fixture site: no built file carries an invisible
// character, a saved page's published source is inert on a host that sends no CSP header, and a report read by OCR
// says so on its page until an editor confirms it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findInvisible } from '#src/lib/hygiene.ts';
import { labels } from '#src/lib/labels.ts';
import { ARRIVAL_REPORT_IDS, INVISIBLE_INSERTED } from '#tests/fixtures/site.ts';
import { launchChromium } from '#tests/helpers/browser.ts';
import type { Server } from '#tests/helpers/site.ts';
import { startStaticServer } from '../../scripts/lib/static-server.ts';

const dist = inject('fixturesDist');
const reportsDir = inject('fixturesReports');

/** Every text file of the built site (pages, decks, ledgers, feeds, sources), relative to dist. */
function listTextFiles(): string[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(?:html|txt|csv|json|xml|js|css|svg|webmanifest)$/u.test(entry.name) && !entry.parentPath.includes('pagefind'))
    .map((entry) => path.relative(dist, path.join(entry.parentPath, entry.name)));
}

describe('invisible characters', () => {
  it('were in the sources imported (so the check below can fail)', () => {
    expect(Object.values(INVISIBLE_INSERTED).join('')).toHaveLength(5);
  });

  it('reach no built file: no page, deck, ledger or published source carries a control, bidi or zero-width character', () => {
    const files = listTextFiles();
    expect(files.filter((file) => file.includes(ARRIVAL_REPORT_IDS.invisible)).length).toBeGreaterThan(5);
    const carrying = files.flatMap((file) => {
      const found = findInvisible(readFileSync(path.join(dist, file), 'utf8').replace(/^\ufeff/u, ''));
      return found.length > 0 ? [`${file}: ${found.map((at) => `line ${at.line} ${at.code}`).join(', ')}`] : [];
    });
    expect(carrying).toEqual([]);
  });
});

describe('a report read by OCR', () => {
  const page = (id: string) => readFileSync(path.join(dist, 'reports', id, 'index.html'), 'utf8');
  it('says so on its page until an editor confirms it; other reports do not', () => {
    expect(page(ARRIVAL_REPORT_IDS.invisible)).toContain(labels.archive.report.ocrNotice);
    expect(page(ARRIVAL_REPORT_IDS.page)).not.toContain(labels.archive.report.ocrNotice);
    expect(readFileSync(path.join(reportsDir, ARRIVAL_REPORT_IDS.invisible, 'report.yaml'), 'utf8')).toContain('confirmed: false');
  });
});

describe('the published source of a saved page, served by a plain static server with no CSP header', () => {
  let browser: Browser;
  let server: Server;
  beforeAll(async () => {
    browser = await launchChromium();
    server = await startStaticServer({ root: dist, csp: false });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('is served without the header (so nothing but the page itself holds it back)', async () => {
    const response = await fetch(`${server.url}reports/${ARRIVAL_REPORT_IDS.page}/source.html`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBeNull();
    // The folder holds the page as saved, scripts and all; the build published it sanitised.
    expect(readFileSync(path.join(reportsDir, ARRIVAL_REPORT_IDS.page, 'source.html')).includes('__pwned')).toBe(true);
    const published = await response.text();
    expect(published).not.toMatch(/<script|<iframe|<form|<object|<embed|<link|<base|\son\w+=|javascript:|\.example|url\(/iu);
  });

  for (const target of ['source.html', '']) {
    it(`runs no script and makes no request to another origin: /reports/${ARRIVAL_REPORT_IDS.page}/${target}`, async () => {
      const tab = await browser.newPage();
      const foreign: string[] = [];
      const dialogs: string[] = [];
      const origin = new URL(server.url).origin;
      tab.on('request', (request) => {
        if (new URL(request.url()).origin !== origin) foreign.push(request.url());
      });
      tab.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await tab.goto(`${server.url}reports/${ARRIVAL_REPORT_IDS.page}/${target}`, { waitUntil: 'load' });
      // Handlers that need a user: click what there is to click in the source (the report page's links navigate away).
      if (target === 'source.html') {
        for (const element of (await tab.locator('body *').all()).slice(0, 60)) await element.click({ timeout: 200 }).catch(() => undefined);
      }
      await tab.waitForTimeout(500);
      const pwned = await tab.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned ?? null);
      const text = await tab.evaluate(() => document.body.textContent ?? '');
      const url = tab.url();
      await tab.close();
      expect(pwned).toBeNull();
      expect(dialogs).toEqual([]);
      expect(foreign).toEqual([]);
      expect(new URL(url).origin).toBe(origin);
      if (target === 'source.html') expect(text).toContain('对照问题清单');
    });
  }
});
