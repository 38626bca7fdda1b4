// An archive of reports followed across rounds (the rounds fixture, in the shared fixture site): problem pages link
// each other's rounds, a follow-up report lists what it carries on, the home page groups by issuer, and the ledger
// pages link every problem, whole and narrowed by issuer and report.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { getIssuerKey } from '#src/lib/archive.ts';
import { getIssueSlug } from '#src/lib/order.ts';
import { getIssuePath, getLedgerPath, getReportPath } from '#src/lib/urls.ts';
import { readIssuesFromDisk, readReportsFromDisk } from '#src/loaders/disk.ts';
import { roundsReportsDir } from '#tests/helpers/fixtures.ts';

// The fixture site is built at the root; every report in it is checked, the rounds fixture's among them.
const BASE = '/';
const distDir = inject('fixturesDist');
const { reports } = readReportsFromDisk(inject('fixturesReports'));
const { issues } = readIssuesFromDisk(inject('fixturesReports'));
const roundsIds = readReportsFromDisk(roundsReportsDir).reports.map((report) => report.id);
const keyOf = (issue: (typeof issues)[number]) => `${issue.data.report}/${getIssueSlug(issue)}`;
const linked = issues.filter((issue) => issue.data.continues);

describe('an archive of reports across rounds', () => {
  const read = (urlPath: string) => readFileSync(path.join(distDir, urlPath, 'index.html'), 'utf8');
  const href = (urlPath: string) => `href="${BASE}${urlPath}"`;
  /** The internal link targets of a page, as site paths. */
  const linksOf = (html: string) =>
    [...html.matchAll(/\shref="([^"#?]+)/gu)]
      .map((match) => match[1]!)
      .filter((target) => target.startsWith(BASE))
      .map((target) => target.slice(BASE.length));
  /** Every page of a paginated list, following its rel="next" links. */
  const readPages = (first: string) => {
    const pages: string[] = [];
    for (let next: string | undefined = first; next !== undefined; ) {
      const html = read(next);
      pages.push(html);
      const match = /<a href="([^"]+)" rel="next"/u.exec(html);
      next = match ? match[1]!.slice(BASE.length) : undefined;
    }
    return pages;
  };

  it('holds the rounds fixture, with its continues links', () => {
    for (const id of roundsIds) expect(existsSync(path.join(distDir, getReportPath(id), 'index.html')), id).toBe(true);
    expect(linked.filter((issue) => roundsIds.includes(issue.data.report)).length).toBeGreaterThan(0);
  });

  it('links each linked problem page to the other round, both ways, with date and status', () => {
    for (const later of linked) {
      const earlier = issues.find((issue) => keyOf(issue) === later.data.continues)!;
      const laterPage = read(getIssuePath(later.data.report, getIssueSlug(later)));
      const earlierPage = read(getIssuePath(earlier.data.report, getIssueSlug(earlier)));
      expect(laterPage).toContain(href(getIssuePath(earlier.data.report, getIssueSlug(earlier))));
      expect(earlierPage).toContain(href(getIssuePath(later.data.report, getIssueSlug(later))));
      for (const page of [laterPage, earlierPage]) {
        const rounds = /<section aria-labelledby="rounds-heading">[\s\S]*?<\/section>/u.exec(page)?.[0] ?? '';
        for (const issue of [earlier, later]) {
          const report = reports.find((candidate) => candidate.id === issue.data.report)!;
          expect(rounds).toContain(`datetime="${report.data.date}"`);
          expect(rounds).toContain(`badge--${issue.data.status}`);
        }
      }
    }
  });

  it('shows no rounds on a problem that is in one report only', () => {
    const alone = issues.find((issue) => !issue.data.continues && !linked.some((other) => other.data.continues === keyOf(issue)))!;
    expect(read(getIssuePath(alone.data.report, getIssueSlug(alone)))).not.toContain('rounds-heading');
  });

  it('lists on a follow-up report the problems it carries on, with their earlier rounds', () => {
    for (const report of reports) {
      const carried = linked.filter((issue) => issue.data.report === report.id);
      const html = read(getReportPath(report.id));
      const section = /<section aria-labelledby="carried-heading"[\s\S]*?<\/table>/u.exec(html)?.[0];
      if (carried.length === 0) {
        expect(section).toBeUndefined();
        continue;
      }
      expect(section).toBeDefined();
      for (const issue of carried) {
        const [reportId, slug] = issue.data.continues!.split('/');
        expect(section).toContain(href(getIssuePath(reportId!, slug!)));
        expect(section).toContain(href(getIssuePath(issue.data.report, getIssueSlug(issue))));
      }
    }
  });

  it('groups the home page by issuer, with reports by year and the problems still open across rounds', () => {
    const html = read('');
    for (const issuer of new Set(reports.map((report) => report.data.issuer))) {
      const own = reports.filter((report) => report.data.issuer === issuer);
      const start = html.indexOf(`>${issuer}</h3>`);
      expect(start, issuer).toBeGreaterThan(0);
      const end = html.indexOf('</section>', start);
      const section = html.slice(start, end);
      for (const report of own) {
        expect(section).toContain(href(getReportPath(report.id)));
        expect(section).toContain(`${report.data.date.slice(0, 4)}年`);
      }
      expect(section).toContain(href(getLedgerPath({ issuerKey: getIssuerKey(issuer) })));
      const open = issues.filter(
        (issue) =>
          issue.data.status === 'ongoing' &&
          own.some((report) => report.id === issue.data.report) &&
          !linked.some((other) => other.data.continues === keyOf(issue)),
      );
      const closed = issues.filter((issue) => own.some((report) => report.id === issue.data.report) && !open.includes(issue));
      const openList = section.slice(section.indexOf('仍在持续整改的问题'));
      for (const issue of open) expect(openList).toContain(href(getIssuePath(issue.data.report, getIssueSlug(issue))));
      for (const issue of closed) expect(openList).not.toContain(href(getIssuePath(issue.data.report, getIssueSlug(issue))));
    }
  });

  it('links every problem from /ledger/, and each narrowed ledger exactly its own problems', () => {
    const problemLinks = (first: string) =>
      readPages(first)
        .flatMap(linksOf)
        .filter((target) => /^reports\/[^/]+\/issues\/[^/]+\/$/u.test(target));
    const expected = (filter: (issue: (typeof issues)[number]) => boolean) =>
      issues.filter(filter).map((issue) => getIssuePath(issue.data.report, getIssueSlug(issue)));
    const whole = new Set(problemLinks(getLedgerPath()));
    expect([...whole].sort()).toEqual(expected(() => true).sort());
    for (const report of reports) {
      const own = problemLinks(getLedgerPath({ reportId: report.id }));
      // A later round's link may point outside the report; the report's own rows are exactly its problems.
      for (const target of expected((issue) => issue.data.report === report.id)) expect(own).toContain(target);
      // Reached from its issuer's ledger and from the report's own page.
      expect(read(getLedgerPath({ issuerKey: getIssuerKey(report.data.issuer) }))).toContain(href(getLedgerPath({ reportId: report.id })));
      expect(read(getReportPath(report.id))).toContain(href(getLedgerPath({ reportId: report.id })));
    }
    for (const issuer of new Set(reports.map((report) => report.data.issuer))) {
      const key = getIssuerKey(issuer);
      const own = new Set(problemLinks(getLedgerPath({ issuerKey: key })));
      const mine = new Set(reports.filter((report) => report.data.issuer === issuer).map((report) => report.id));
      expect([...own].sort()).toEqual(expected((issue) => mine.has(issue.data.report)).sort());
      expect(read(getLedgerPath())).toContain(href(getLedgerPath({ issuerKey: key })));
    }
  });

  it('heads the ledger with its columns and states the status of each problem', () => {
    const html = read(getLedgerPath());
    for (const column of ['序号', '发文机关', '通报', '状态', '编号', '问题', '整改措施', '承诺时限', '后续轮次'])
      expect(html).toContain(`<th scope="col">${column}</th>`);
    const rows = readPages(getLedgerPath()).flatMap((page) =>
      [...page.matchAll(/<tr>([\s\S]*?)<\/tr>/gu)].map((match) => match[1]!).filter((row) => row.includes('<td')),
    );
    expect(rows.length).toBe(issues.length);
  });

  it('marks problem and report pages with their issuer for the search filter, and offers it on the search page', () => {
    for (const issue of issues) {
      const report = reports.find((candidate) => candidate.id === issue.data.report)!;
      const html = read(getIssuePath(issue.data.report, getIssueSlug(issue)));
      expect(html).toMatch(/data-pagefind-filter="[^"]*issuer\[data-issuer\]/u);
      expect(html).toContain(`data-issuer="${report.data.issuer}"`);
    }
    const search = read('search/');
    for (const issuer of new Set(reports.map((report) => report.data.issuer))) expect(search).toContain(`<option value="${issuer}">`);
    expect(existsSync(path.join(distDir, 'pagefind'))).toBe(true);
  });
});
