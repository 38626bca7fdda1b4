// Markup and MDX-looking text in titles, short titles, bodies and report fields is shown as text and never runs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer } from '../../scripts/lib/static-server.ts';
import { launchChromium } from '../helpers/browser.ts';
import { buildSite } from '../helpers/build.ts';
import { copyReports, editFile } from '../helpers/fixtures.ts';

const SCRIPT = '<script>window.__pwned = "script"</script>';
const IMAGE = '<img src=x onerror="window.__pwned = \'img\'">';
const EXPRESSION = '{globalThis.__pwned = "mdx"}';
const escapeMdxChars = (text: string) => text.replace(/[<>{}]/gu, (char) => `\\${char}`);

const reportsDir = copyReports();
editFile(reportsDir, 'demo-2023/issues/completed-02.mdx', (text) =>
  text
    .replace('title: 关于档案管理不够规范问题的整改。', `title: ${JSON.stringify(`关于档案${SCRIPT}管理${IMAGE}问题的整改。`)}`)
    .replace('shortTitle: 规范档案管理', `shortTitle: ${JSON.stringify(`规范${EXPRESSION.slice(0, 12)}`)}`)
    .replace('全面清理历史档案', `全面清理${escapeMdxChars(SCRIPT)}历史${escapeMdxChars(IMAGE)}档案${escapeMdxChars(EXPRESSION)}`),
);
editFile(reportsDir, 'demo-2023/report.yaml', (text) =>
  text.replace(
    'intro: 巡察组反馈意见中共提出2项3个问题，局党组高度重视。',
    `intro: ${JSON.stringify(`巡察组反馈意见中共提出2项3个问题，局党组高度重视${SCRIPT}。`)}`,
  ),
);

let browser: Browser;
let server: { url: string; close: () => Promise<unknown> };
const build = buildSite({ reportsDir });

beforeAll(async () => {
  if (build.status !== 0) throw new Error(build.output.slice(-3000));
  browser = await launchChromium();
  server = await startStaticServer({ root: build.distDir });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('hostile-looking content', () => {
  it('is escaped in the built HTML', () => {
    const html = readFileSync(path.join(build.distDir, 'reports/demo-2023/issues/completed-02/index.html'), 'utf8');
    expect(html).not.toContain(SCRIPT);
    expect(html).not.toContain(IMAGE);
    expect(html).toContain('&lt;script&gt;');
  });

  for (const page of ['', 'reports/demo-2023/', 'reports/demo-2023/issues/completed-02/', 'reports/demo-2023/deck/']) {
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
      if (page.includes('issues') || page === 'reports/demo-2023/') expect(text).toContain('<script>window.__pwned');
    });
  }
});
