// Markup and MDX-looking text in titles, short titles, bodies and report fields is shown as text and never runs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { HOSTILE, HOSTILE_REPORT_ID } from '#tests/fixtures/site.ts';
import { openServedSite, type Server } from '#tests/helpers/site.ts';

const dist = inject('fixturesDist');
const { script: SCRIPT, image: IMAGE } = HOSTILE;

let browser: Browser;
let server: Server;

let closeSite: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ browser, server, close: closeSite } = await openServedSite(dist));
});
afterAll(async () => {
  await closeSite?.();
});

describe('hostile-looking content', () => {
  it('is escaped in the built HTML', () => {
    const html = readFileSync(path.join(dist, `reports/${HOSTILE_REPORT_ID}/issues/completed-02/index.html`), 'utf8');
    expect(html).not.toContain(SCRIPT);
    expect(html).not.toContain(IMAGE);
    expect(html).toContain('&lt;script&gt;');
  });

  for (const page of ['', `reports/${HOSTILE_REPORT_ID}/`, `reports/${HOSTILE_REPORT_ID}/issues/completed-02/`, `reports/${HOSTILE_REPORT_ID}/deck/`]) {
    it(`is shown as text and never run on /${page}`, async () => {
      const tab = await browser.newPage();
      const dialogs: string[] = [];
      tab.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await tab.goto(`${server.url}${page}`, { waitUntil: 'load' });
      await tab.waitForTimeout(300);
      const pwned = await tab.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned ?? null);
      const text = await tab.evaluate(() => document.body.textContent ?? '');
      await tab.close();
      expect(pwned).toBeNull();
      expect(dialogs).toEqual([]);
      if (page.includes('issues') || page === `reports/${HOSTILE_REPORT_ID}/`) expect(text).toContain('<script>window.__pwned');
    });
  }
});
