// The issuer (发文机关) filter of /search/: on the shared fixture site (several issuers, reports across rounds), each
// issuer's results are exactly the matching pages of that issuer's reports, and the address keeps the choice.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { getPrintedProblem } from '#src/lib/titles.ts';
import { readIssuesFromDisk, readReportsFromDisk } from '#src/loaders/disk.ts';
import { openServedSite, type Server } from '#tests/helpers/site.ts';
import { computeTruth, type IndexedPage, readIndexedPages, runSearchPage, withoutHash } from './search-support.ts';

const dist = inject('fixturesDist');
const { reports } = readReportsFromDisk(inject('fixturesReports'));
const { issues } = readIssuesFromDisk(inject('fixturesReports'));
const issuerOf = new Map(reports.map((report) => [report.id, report.data.issuer]));
const issuers = [...new Set(issuerOf.values())];
/** A query for an issuer: the opening words of one of its problems, which other issuers' pages may contain too. */
const queryFor = (issuer: string) => {
  const issue = issues.find((candidate) => issuerOf.get(candidate.data.report) === issuer);
  return [...getPrintedProblem(issue?.data.title ?? '整改')].slice(0, 4).join('');
};

let browser: Browser;
let server: Server;
let page: Page;
let pages: IndexedPage[];

let closeSite: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ browser, server, close: closeSite } = await openServedSite(dist));
  page = await browser.newPage();
  await page.goto(server.url);
  pages = await readIndexedPages(page, dist, '/');
});
afterAll(async () => {
  await closeSite?.();
});

describe('search by issuer', () => {
  it('offers every issuer and returns exactly the matches of the chosen one', async () => {
    expect(issuers.length).toBeGreaterThan(1);
    for (const issuer of issuers) {
      const q = queryFor(issuer);
      const { links } = await runSearchPage(page, server.url.replace(/\/$/u, ''), '/', { q, issuer });
      const expected = computeTruth(
        pages.filter((entry) => issuerOf.get(entry.report) === issuer),
        q,
      );
      expect(expected.length, issuer).toBeGreaterThan(0);
      expect([...new Set(links.map(withoutHash))].sort(), issuer).toEqual(expected);
      expect(await page.locator('select[name="issuer"]').inputValue()).toBe(issuer);
      expect(new URL(page.url()).searchParams.get('issuer')).toBe(issuer);
    }
  });
});
