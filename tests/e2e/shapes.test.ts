// Reports in every shape offices publish (#18), imported with no option and no hand edit (tests/fixtures/shapes/,
// imported into the fixture site by tests/fixtures/site.ts) and carried through every output: the report page shows
// the stated totals, the ledger CSV lists each printed problem once with its status and group, and each printed
// problem is on a slide of its report's deck, in the PDF and in the PowerPoint file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';
import { getStatusLabel } from '#src/lib/labels.ts';
import { listReportIssues } from '#src/lib/order.ts';
import { getIssueGroupPath } from '#src/lib/sections.ts';
import { getPrintedProblem } from '#src/lib/titles.ts';
import { readIssuesFromDisk, readReportsFromDisk } from '#src/loaders/disk.ts';
import { SHAPE_FIXTURES } from '#tests/fixtures/site.ts';
import { projectRoot } from '#tests/helpers/build.ts';
import { parseCsv } from '#tests/helpers/csv.ts';
import { readPdf } from '#tests/helpers/pdf.ts';
import { readPptx } from '#tests/helpers/pptx.ts';

const distDir = inject('fixturesDist');
const reportsDir = inject('fixturesReports');
const { reports } = readReportsFromDisk(reportsDir);
const { issues } = readIssuesFromDisk(reportsDir);
const exportDir = mkdtempSync(path.join(tmpdir(), 'rk-shapes-exports-'));
const ids = SHAPE_FIXTURES.map((shape) => shape.id);
const stripSpace = (text: string) => text.replace(/\s+/gu, '');

interface Expected {
  title: string;
  declared: Record<string, number | string>;
  problems: { slug: string; title: string; status: string }[];
}
const expectedOf = (id: string) => JSON.parse(readFileSync(SHAPE_FIXTURES.find((shape) => shape.id === id)!.expected, 'utf8')) as Expected;
const reportOf = (id: string) => reports.find((report) => report.id === id)!;

const run = (script: string, env: Record<string, string>) =>
  spawnSync(process.execPath, [path.join(projectRoot, 'scripts', script), ...ids], {
    cwd: projectRoot,
    env: { ...process.env, EXPORT_DIR: exportDir, ...env },
    encoding: 'utf8',
  });

/** The text of each slide of a built deck, its speaker notes left out. */
function readSlideTexts(id: string): string[] {
  const { document } = parseHTML(readFileSync(path.join(distDir, 'reports', id, 'deck', 'index.html'), 'utf8'));
  for (const notes of document.querySelectorAll('aside.notes')) notes.remove();
  return [...document.querySelectorAll('.slides section')].map((section) => stripSpace(section.textContent ?? ''));
}

describe('reports in every shape, through every output', () => {
  it('are all in the fixture site, each with the problems its fixture prints', () => {
    expect(ids.length).toBeGreaterThanOrEqual(9);
    for (const id of ids) {
      const expected = expectedOf(id);
      expect(reportOf(id)?.data.title, id).toBe(expected.title);
      expect(
        listReportIssues(id, issues).map((issue) => issue.id.split('/')[1]),
        id,
      ).toEqual(expected.problems.map((problem) => problem.slug));
    }
  });

  it('show their stated totals on the report page', () => {
    for (const id of ids) {
      const { document } = parseHTML(readFileSync(path.join(distDir, 'reports', id, 'index.html'), 'utf8'));
      const figures = [...document.querySelectorAll('#progress-heading ~ ul.figures li strong')].map((strong) => strong.textContent?.trim());
      for (const [key, value] of Object.entries(expectedOf(id).declared)) expect(figures, `${id}: declared ${key}`).toContain(String(value));
    }
  });

  it('list every printed problem once in the ledger CSV, with its status and group', () => {
    const result = run('export-ledger.ts', { REPORTS_DIR: reportsDir });
    expect(result.status, result.stderr).toBe(0);
    const [header, ...rows] = parseCsv(readFileSync(path.join(exportDir, 'ledger.csv'), 'utf8').slice(1));
    const column = (name: string) => header!.indexOf(name);
    expect(column('方面/分组')).toBeGreaterThan(0);
    for (const id of ids) {
      const report = reportOf(id);
      for (const issue of listReportIssues(id, issues)) {
        const matches = rows.filter((row) => row[column('通报')] === report.data.title && row[column('问题')] === issue.data.title);
        expect(matches.length, `${issue.id}`).toBe(1);
        expect(matches[0]![column('状态')], issue.id).toBe(getStatusLabel(issue.data.status));
        for (const group of getIssueGroupPath(report, issue)) expect(matches[0]![column('方面/分组')], issue.id).toContain(group.heading);
      }
    }
  });

  it('put every printed problem on a slide of the deck (not only in the notes)', () => {
    for (const id of ids) {
      const slides = readSlideTexts(id);
      for (const issue of listReportIssues(id, issues)) {
        expect(
          slides.some((slide) => slide.includes(stripSpace(getPrintedProblem(issue.data.title)))),
          issue.id,
        ).toBe(true);
      }
    }
  });

  it('print every problem in the PDF and write it into the PowerPoint file', async () => {
    const pdf = run('export-pdf.ts', { DIST_DIR: distDir });
    expect(pdf.status, pdf.stderr).toBe(0);
    const pptx = run('export-pptx.ts', { REPORTS_DIR: reportsDir });
    expect(pptx.status, pptx.stderr).toBe(0);
    for (const id of ids) {
      const text = stripSpace((await readPdf(path.join(exportDir, `${id}.pdf`))).text);
      const { slides } = await readPptx(path.join(exportDir, `${id}.pptx`));
      const shown = stripSpace(slides.map((slide) => slide.paragraphs.join('')).join('\n'));
      for (const issue of listReportIssues(id, issues)) {
        const printed = stripSpace(getPrintedProblem(issue.data.title));
        expect(text, `${issue.id} in the PDF`).toContain(printed);
        expect(shown, `${issue.id} in the PowerPoint file`).toContain(printed);
      }
    }
  });
});
