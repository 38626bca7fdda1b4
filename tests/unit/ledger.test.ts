// The ledger: rows derived from the collection, and `npm run export:ledger` read back with exceljs and compared with it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ALL_PROBLEMS_SHEET, buildLedgerWorkbook, toSheetName } from '#src/export/ledger-workbook.ts';
import { getExcelTextWidth } from '#src/lib/char-width.ts';
import { getStatusLabel } from '#src/lib/labels.ts';
import { listLedgerIssuers, listLedgerRows } from '#src/lib/ledger.ts';
import { getBodyText, listMeasures } from '#src/lib/measures.ts';
import { getIssueSlug } from '#src/lib/order.ts';
import { stripWhitespace } from '#src/lib/text.ts';
import { readIssuesFromDisk, readReportsFromDisk } from '#src/loaders/disk.ts';
import { projectRoot } from '#tests/helpers/build.ts';
import { parseCsv } from '#tests/helpers/csv.ts';
import { roundsReportsDir } from '#tests/helpers/fixtures.ts';

const seedDir = path.join(projectRoot, 'content/reports');

const cellText = (cell: ExcelJS.Cell): string => {
  const { value } = cell;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value && typeof value === 'object' && 'text' in value) return String(value.text);
  return value === null || value === undefined ? '' : String(value);
};

describe('ledger rows', () => {
  const { reports } = readReportsFromDisk(roundsReportsDir);
  const { issues } = readIssuesFromDisk(roundsReportsDir);
  const rows = listLedgerRows(reports, issues);
  it('hold every problem once, reports oldest first', () => {
    expect(rows.map((row) => row.issueId).sort()).toEqual(issues.map((issue) => issue.id).sort());
    const dates = rows.map((row) => row.reportDate);
    expect([...dates].sort()).toEqual(dates);
  });
  it('state each problem as the collection does', () => {
    for (const row of rows) {
      const issue = issues.find((candidate) => candidate.id === row.issueId)!;
      expect(row).toMatchObject({ title: issue.data.title, status: issue.data.status, number: issue.data.number, slug: getIssueSlug(issue) });
      expect(row.measures).toHaveLength(listMeasures(issue.body ?? '').length);
      expect(row.deadlines.map((deadline) => deadline.due)).toEqual(issue.data.commitments.map((commitment) => commitment.due));
      const later = issues.find((candidate) => candidate.data.continues === `${issue.data.report}/${getIssueSlug(issue)}`);
      expect(row.next?.issueId).toBe(later?.id);
    }
  });
  it('link problems and later rounds to the archive when its address is known', () => {
    const sheet = buildLedgerWorkbook(rows, { siteUrl: 'https://example.org', base: '/archive/' }).getWorksheet(ALL_PROBLEMS_SHEET)!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    rows.forEach((row, offset) => {
      const cells = sheet.getRow(offset + 2);
      expect(cells.getCell(header.indexOf('问题') + 1).value).toEqual({
        text: row.title,
        hyperlink: `https://example.org/archive/reports/${row.reportId}/issues/${row.slug}/`,
      });
      const next = cells.getCell(header.indexOf('后续轮次') + 1).value as { hyperlink?: string } | null;
      expect(next?.hyperlink).toBe(row.next ? `https://example.org/archive/reports/${row.next.reportId}/issues/${row.next.slug}/` : undefined);
    });
  });
  it('measures Chinese text as two columns a character and makes sheet names Excel accepts', () => {
    expect(getExcelTextWidth('问题ab')).toBe(6);
    expect(toSheetName('a/b:c', new Set())).toBe('a-b-c');
    const long = 'x'.repeat(40);
    const first = toSheetName(long, new Set());
    expect(first.length).toBe(31);
    const second = toSheetName(long, new Set([first]));
    expect(second.length).toBeLessThanOrEqual(31);
    expect(second).not.toBe(first);
  });
  it('group reports by issuer', () => {
    const issuers = listLedgerIssuers(reports);
    expect(issuers.map((entry) => entry.issuer).sort()).toEqual([...new Set(reports.map((report) => report.data.issuer))].sort());
    expect(issuers.flatMap((entry) => entry.reports).length).toBe(reports.length);
    expect(new Set(issuers.map((entry) => entry.key)).size).toBe(issuers.length);
  });
});

describe.each([
  ['the rounds fixture', roundsReportsDir],
  ['the seed', seedDir],
])('npm run export:ledger on %s', (_name, reportsDir) => {
  const exportDir = mkdtempSync(path.join(tmpdir(), 'rk-ledger-'));
  const run = spawnSync('npm', ['run', '--silent', 'export:ledger'], {
    cwd: projectRoot,
    env: { ...process.env, REPORTS_DIR: reportsDir, EXPORT_DIR: exportDir, SITE_URL: '' },
    encoding: 'utf8',
  });
  const { reports } = readReportsFromDisk(reportsDir);
  const { issues } = readIssuesFromDisk(reportsDir);
  const workbook = new ExcelJS.Workbook();
  const loaded = run.status === 0 ? workbook.xlsx.readFile(path.join(exportDir, 'ledger.xlsx')) : Promise.reject(new Error(run.stderr));

  it('writes ledger.xlsx whose all-problems sheet has a header naming 问题 and 状态 and one row per problem', async () => {
    await loaded;
    const sheet = workbook.getWorksheet(ALL_PROBLEMS_SHEET)!;
    expect(sheet).toBeDefined();
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    expect(header).toContain('问题');
    expect(header).toContain('状态');
    expect(sheet.rowCount).toBe(issues.length + 1);
    const col = (name: string) => header.indexOf(name) + 1;
    const seen = new Set<string>();
    for (let r = 2; r <= sheet.rowCount; r += 1) {
      const row = sheet.getRow(r);
      const report = reports.find(
        (candidate) => candidate.data.title === cellText(row.getCell(col('通报'))) && candidate.data.date === cellText(row.getCell(col('成文日期'))),
      );
      expect(report, `row ${r}`).toBeDefined();
      const issue = issues.find(
        (candidate) =>
          candidate.data.report === report!.id &&
          candidate.data.title === cellText(row.getCell(col('问题'))) &&
          candidate.data.number === row.getCell(col('编号')).value,
      );
      expect(issue, `row ${r}`).toBeDefined();
      seen.add(issue!.id);
      expect(cellText(row.getCell(col('状态')))).toBe(getStatusLabel(issue!.data.status));
      expect(row.getCell(col('发文机关')).value).toBe(report!.data.issuer);
      expect(row.getCell(col('成文日期')).value).toBeInstanceOf(Date);
      expect(row.getCell(col('序号')).value).toBe(r - 1);
      expect(stripWhitespace(cellText(row.getCell(col('整改措施全文'))))).toBe(stripWhitespace(getBodyText(issue!.body)));
      expect(cellText(row.getCell(col('整改措施')))).toMatch(new RegExp(`^共${listMeasures(issue!.body ?? '').length}项`, 'u'));
      const deadline = row.getCell(col('承诺时限')).value;
      const dues = issue!.data.commitments.map((commitment) => commitment.due);
      if (dues.length === 1 && dues[0]!.length === 10) {
        expect(deadline).toBeInstanceOf(Date);
        expect((deadline as Date).toISOString().slice(0, 10)).toBe(dues[0]);
      } else {
        expect(deadline ?? '').toBe(dues.join('\n'));
      }
      const later = issues.find((candidate) => candidate.data.continues === `${issue!.data.report}/${getIssueSlug(issue!)}`);
      const laterReport = later && reports.find((candidate) => candidate.id === later.data.report);
      const next = cellText(row.getCell(col('后续轮次')));
      if (laterReport) expect(next).toContain(`${laterReport.data.title}（${laterReport.data.date.slice(0, 4)}年`);
      else expect(next).toBe('');
    }
    expect(seen.size).toBe(issues.length);
  });

  it('has a frozen header, an autofilter, wrapped text and widths fitted to the text, and a sheet per report', async () => {
    await loaded;
    expect(workbook.worksheets.length).toBe(reports.length + 1);
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
      expect(sheet.getRow(2).getCell(1).alignment?.wrapText).toBe(true);
      const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
      const width = (name: string) => sheet.getColumn(header.indexOf(name) + 1).width ?? 0;
      expect(width('问题')).toBeGreaterThan(width('序号'));
      expect(width('序号')).toBeGreaterThanOrEqual(4);
    }
    for (const report of reports) {
      const sheet = workbook.getWorksheet(report.id);
      expect(sheet, report.id).toBeDefined();
      expect(sheet!.rowCount - 1).toBe(issues.filter((issue) => issue.data.report === report.id).length);
    }
  });

  it('writes ledger.csv in UTF-8 with a BOM, one record per problem', () => {
    expect(run.status, run.stderr).toBe(0);
    const bytes = readFileSync(path.join(exportDir, 'ledger.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parseCsv(bytes.toString('utf8').slice(1));
    expect(records[0]).toContain('问题');
    expect(records.length).toBe(issues.length + 1);
    const titles = records.slice(1).map((record) => record[records[0]!.indexOf('问题')]);
    expect(titles.sort()).toEqual(issues.map((issue) => issue.data.title).sort());
  });
});
