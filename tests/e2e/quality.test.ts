// Standards checks in Chromium over the built site: axe-core's WCAG 2.1 A/AA rules on every kind of page and on
// the deck, and the network log of every built page (root and sub-path) showing no request to another origin
// and no failed request to its own.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readDeckConfig } from '#src/deck/config-file.ts';
import { listPlannedSlideIds, planDeck } from '#src/deck/plan.ts';
import { getIssueSlug, listReportIssues } from '#src/lib/order.ts';
import { getDeckPath, getDeckSlideId, getIssuePath, getReportPath } from '#src/lib/urls.ts';
import { readIssuesFromDisk, readReportsFromDisk } from '#src/loaders/disk.ts';
import { listHtml, toUrlPath } from '#tests/helpers/html.ts';
import { openSite, type Server } from '#tests/helpers/site.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const distRoot = inject('distRoot');
const distSub = inject('distSub');
const subPath = inject('subPath');
const { reports } = readReportsFromDisk();
const { issues } = readIssuesFromDisk();

let browser: Browser;
let root: Server;
let sub: Server;
let close = async () => {};

beforeAll(async () => ({ browser, root, sub, close } = await openSite()));
afterAll(() => close());

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Runs axe-core's WCAG 2.1 A and AA rules on the page as it is now; returns one line per failing node. */
async function runAxe(page: Page): Promise<string[]> {
  // Evaluated rather than added as a <script>: the site's CSP would refuse an inline script.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations;
  }, WCAG_TAGS);
  return violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${node.target.join(' ')}${node.failureSummary ? ` (${node.failureSummary.replace(/\s+/gu, ' ')})` : ''}`,
    ),
  );
}

/** How to tell that a page has finished drawing what axe should see. */
async function settle(page: Page, kind: 'page' | 'search' | 'deck'): Promise<void> {
  if (kind === 'deck') await page.waitForSelector('html[data-deck-ready]', { timeout: 30_000 });
  if (kind === 'search') {
    await page.waitForFunction(
      () => {
        const results = document.querySelector('[data-search-results]');
        return results?.getAttribute('aria-busy') === 'false' && results.querySelector('a') !== null;
      },
      undefined,
      { timeout: 30_000 },
    );
  }
}

describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  const report = reports[0]!;
  const own = listReportIssues(report.id, issues);
  const completed = own.find((issue) => issue.data.status === 'completed') ?? own[0]!;
  const ongoing = own.find((issue) => issue.data.status === 'ongoing') ?? own.at(-1)!;
  const slideIds = listPlannedSlideIds(planDeck(report, issues, readDeckConfig(report.id)));
  const targets: { name: string; path: string; kind: 'page' | 'search' | 'deck'; width?: number }[] = [
    { name: 'home', path: '', kind: 'page' },
    { name: 'home at phone width', path: '', kind: 'page', width: 390 },
    { name: 'report', path: getReportPath(report.id), kind: 'page' },
    { name: 'completed problem', path: getIssuePath(report.id, getIssueSlug(completed)), kind: 'page' },
    { name: 'ongoing problem', path: getIssuePath(report.id, getIssueSlug(ongoing)), kind: 'page' },
    { name: 'ongoing problem at phone width', path: getIssuePath(report.id, getIssueSlug(ongoing)), kind: 'page', width: 390 },
    { name: 'documents', path: 'documents/', kind: 'page' },
    { name: 'commitments', path: 'commitments/', kind: 'page' },
    { name: 'ledger', path: 'ledger/', kind: 'page' },
    { name: 'ledger at phone width', path: 'ledger/', kind: 'page', width: 390 },
    { name: 'search with results', path: `search/?q=${encodeURIComponent('孵化器')}`, kind: 'search' },
    { name: '404', path: 'no-such-page/', kind: 'page' },
    { name: 'deck, first slide', path: getDeckPath(report.id), kind: 'deck' },
    { name: 'deck, problem slide', path: `${getDeckPath(report.id)}#/${getDeckSlideId(getIssueSlug(ongoing))}`, kind: 'deck' },
    ...slideIds
      .filter((id) => !id.startsWith('issue-') && id !== slideIds[0])
      .map((id) => ({ name: `deck, ${id} slide`, path: `${getDeckPath(report.id)}#/${id}`, kind: 'deck' as const })),
  ];
  let context: BrowserContext;
  beforeAll(async () => {
    // bypassCSP lets axe's evaluated source run under the site's strict CSP; it changes nothing else on the page.
    context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 } });
  });
  afterAll(async () => {
    await context?.close();
  });

  it.each(targets.map((target) => [target.name, target] as const))('%s has no violation', async (_name, target) => {
    const page = await context.newPage();
    if (target.width) await page.setViewportSize({ width: target.width, height: 844 });
    const response = await page.goto(`${root.url}${target.path}`);
    expect(response?.status()).toBe(target.name === '404' ? 404 : 200);
    await settle(page, target.kind);
    if (target.kind === 'deck' && target.path.includes('#/')) {
      const id = target.path.split('#/')[1];
      expect(await page.evaluate(() => document.querySelector('.reveal .slides section.present:not(.stack)')?.id)).toBe(id);
    }
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    const violations = await runAxe(page);
    expect(violations, violations.join('\n')).toEqual([]);
    await page.close();
  });
});

describe('network: every built page asks only its own origin, and gets every file it asks for', () => {
  for (const site of [
    { dist: distRoot, base: '/', server: () => root },
    { dist: distSub, base: subPath, server: () => sub },
  ]) {
    it(`under ${site.base}`, async () => {
      const server = site.server();
      const origin = new URL(server.url).origin;
      const urls = listHtml(site.dist).map((relative) => toUrlPath(relative, site.base));
      expect(urls.length).toBeGreaterThan(20);
      expect(urls).toContain(`${site.base}404.html`);
      // The search page only loads the index once it has a query.
      urls.push(`${site.base}search/?q=${encodeURIComponent('孵化器 绩效')}`);
      const context = await browser.newContext();
      const foreign: string[] = [];
      const failed: string[] = [];
      try {
        for (const url of urls) {
          const page = await context.newPage();
          page.on('request', (request) => {
            const target = request.url();
            if (target.startsWith('data:') || target.startsWith('blob:')) return;
            if (new URL(target).origin !== origin) foreign.push(`${url} → ${target}`);
            else if (!new URL(target).pathname.startsWith(site.base)) foreign.push(`${url} → ${target} (outside the base)`);
          });
          page.on('requestfailed', (request) => failed.push(`${url} → ${request.url()} (${request.failure()?.errorText})`));
          page.on('response', (response) => {
            if (response.status() >= 400) failed.push(`${url} → ${response.url()} (${response.status()})`);
          });
          await page.goto(`${origin}${url}`, { waitUntil: 'networkidle' });
          if (url.includes('/deck/')) await settle(page, 'deck');
          if (url.includes('?q=')) await settle(page, 'search');
          await page.close();
        }
      } finally {
        await context.close();
      }
      expect(foreign, foreign.join('\n')).toEqual([]);
      expect(failed, failed.join('\n')).toEqual([]);
    });
  }
});

// The file list above comes from the build; make sure it holds the pages this suite is meant to cover.
it('covers every report, problem and deck page of the build', () => {
  const built = new Set(listHtml(distRoot).map((relative) => toUrlPath(relative, '/')));
  for (const report of reports) {
    expect(built.has(`/${getReportPath(report.id)}`)).toBe(true);
    expect(built.has(`/${getDeckPath(report.id)}`)).toBe(true);
  }
  for (const issue of issues) expect(built.has(`/${getIssuePath(issue.data.report, getIssueSlug(issue))}`)).toBe(true);
  expect(built.has('/404.html')).toBe(true);
});
