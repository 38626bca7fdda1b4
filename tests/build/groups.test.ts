// Reports that print problems in groups of their own (方面 themes, categories) with three statuses: the report
// page shows the groups in order with each problem's status, the problem page its group path, finding and the
// words its status was read from, and the ledger names each problem once with its group. Everything is derived
// from the fixture site's reports folder, so every grouped report in it is checked, not only the fixture's.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { renderLedgerCsv } from '#src/export/ledger-workbook.ts';
import { getStatusLabel, labels } from '#src/lib/labels.ts';
import { listLedgerRows } from '#src/lib/ledger.ts';
import { getIssueSlug } from '#src/lib/order.ts';
import { formatGroupHeading, getIssueGroupPath } from '#src/lib/sections.ts';
import { getReportStats } from '#src/lib/stats.ts';
import { getIssuePath, getReportPath } from '#src/lib/urls.ts';
import { readIssuesFromDisk, readReportsFromDisk } from '#src/loaders/disk.ts';

const distDir = inject('fixturesDist');
const { reports } = readReportsFromDisk(inject('fixturesReports'));
const { issues } = readIssuesFromDisk(inject('fixturesReports'));
const grouped = reports.filter((report) => report.data.groups.length > 0);
const read = (urlPath: string) => readFileSync(path.join(distDir, urlPath, 'index.html'), 'utf8');
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/gu, '')
    .replace(/&#(\d+);/gu, (_, code) => String.fromCodePoint(Number(code)))
    .replace(/&quot;/gu, '"')
    .replace(/&amp;/gu, '&');

describe('reports in groups of their own', () => {
  it('are in the fixture site, with long-term problems among them', () => {
    expect(grouped.length).toBeGreaterThan(0);
    expect(issues.some((issue) => issue.data.status === 'longTerm' && grouped.some((report) => report.id === issue.data.report))).toBe(true);
  });

  it('show every group heading in printed order and every problem once, with its status', () => {
    for (const report of grouped) {
      const text = textOf(read(getReportPath(report.id)));
      let from = 0;
      for (const group of report.data.groups) {
        const at = text.indexOf(formatGroupHeading(group), from);
        expect(at, `${report.id}: ${formatGroupHeading(group)}`).toBeGreaterThanOrEqual(from);
        from = at;
      }
      for (const issue of issues.filter((candidate) => candidate.data.report === report.id)) {
        expect(text.split(issue.data.title).length - 1, `${report.id}: ${issue.data.title}`).toBe(1);
        expect(text).toContain(`${getStatusLabel(issue.data.status)}${labels.stats.problem}${issue.data.ordinal ?? ''}${issue.data.title}`);
      }
    }
  });

  it('show the stated totals, the long-term count and the completion rate as printed', () => {
    for (const report of grouped) {
      const text = textOf(read(getReportPath(report.id)));
      const stats = getReportStats(report, issues);
      if (report.data.declared.rate) expect(text).toContain(`${report.data.declared.rate}${labels.stats.share}`);
      if (stats.longTerm > 0) expect(text).toContain(`${stats.longTerm}${labels.status.longTerm}`);
      for (const outcome of report.data.outcomes) expect(text).toContain(`${outcome.value}${outcome.unit}${outcome.label}`);
    }
  });

  it('give each problem a page with its group path, finding and status words', () => {
    for (const issue of issues.filter((candidate) => grouped.some((report) => report.id === candidate.data.report))) {
      const report = grouped.find((candidate) => candidate.id === issue.data.report)!;
      const text = textOf(read(getIssuePath(report.id, getIssueSlug(issue))));
      for (const group of getIssueGroupPath(report, issue)) expect(text).toContain(formatGroupHeading(group));
      if (issue.data.finding) expect(text).toContain(issue.data.finding);
      if (issue.data.statusWords) expect(text).toContain(issue.data.statusWords);
      if (issue.data.measuresLabel) expect(text).toContain(issue.data.measuresLabel);
    }
  });

  it('list every problem once in the ledger CSV, with its group and status', () => {
    const csv = renderLedgerCsv(listLedgerRows(reports, issues));
    const header = csv.split(/\r?\n/u)[0] ?? '';
    expect(header).toContain(labels.archive.ledger.columns.group);
    for (const issue of issues.filter((candidate) => grouped.some((report) => report.id === candidate.data.report))) {
      const report = grouped.find((candidate) => candidate.id === issue.data.report)!;
      const lines = csv.split(/\r?\n/u).filter((line) => line.includes(issue.data.title));
      expect(lines, issue.id).toHaveLength(1);
      expect(lines[0]).toContain(getStatusLabel(issue.data.status));
      expect(lines[0]).toContain(getIssueGroupPath(report, issue).map(formatGroupHeading).join(' › '));
    }
  });
});
