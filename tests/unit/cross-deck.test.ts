// The deck across reports (src/deck/cross-plan.ts): which reports a config selects, and every figure of its slides
// against counts made here straight from the fixture collection's entries (tests/fixtures/slides-cross).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listCrossDeckConfigs } from '#src/deck/config-file.ts';
import { type CrossDeckSource, getBuildDate, planCrossDeck, selectCrossDeckReports } from '#src/deck/cross-plan.ts';
import { listPlannedSlides, type PlannedSlide } from '#src/deck/plan.ts';
import { getDuePeriod } from '#src/lib/commitments.ts';
import type { IssueEntry, ReportEntry } from '#src/lib/entries.ts';
import { getPrintedProblem } from '#src/lib/titles.ts';
import { readIssuesFromDisk, readReportsFromDisk } from '#src/loaders/disk.ts';
import { crossDeckConfigSchema } from '#src/schemas/cross-deck.ts';
import { projectRoot } from '#tests/helpers/build.ts';
import { groupedReportsDir, minimalReportsDir, roundsReportsDir } from '#tests/helpers/fixtures.ts';

const folders = [roundsReportsDir, groupedReportsDir, minimalReportsDir];
const reports: ReportEntry[] = folders.flatMap((dir) => readReportsFromDisk(dir).reports);
const issues: IssueEntry[] = folders.flatMap((dir) => readIssuesFromDisk(dir).issues);
const slidesDir = path.join(projectRoot, 'tests/fixtures/slides-cross');
const configs = listCrossDeckConfigs(slidesDir);
const rounds = configs.find((deck) => deck.name === 'rounds')!;
// Mid-October 2023: one commitment's month is running (due), one has passed (past due), one is yet to begin.
const AS_OF = '2023-10-15';

const sourceOf = (select: unknown, file = 'slides/decks/x.yaml'): CrossDeckSource => ({
  name: 'x',
  file,
  config: crossDeckConfigSchema.parse({ title: '汇总', select }),
});
const slidesOf = (source: CrossDeckSource, asOf = AS_OF): PlannedSlide[] => listPlannedSlides(planCrossDeck(source, reports, issues, asOf));
const ofKind = <K extends PlannedSlide['kind']>(slides: readonly PlannedSlide[], kind: K) =>
  slides.filter((slide): slide is Extract<PlannedSlide, { kind: K }> => slide.kind === kind);
const ownIssues = (reportId: string) => issues.filter((issue) => issue.data.report === reportId);

describe('the fixture configs', () => {
  it('are read from slides/decks/<name>.yaml, named by their file', () => {
    expect(configs.map((deck) => deck.name).sort()).toEqual(['rounds', 'shuili']);
    expect(rounds.file).toMatch(/slides-cross\/decks\/rounds\.yaml$/u);
  });

  it('cover several reports, one with a long-term problem and one carrying problems on (continues)', () => {
    const selected = selectCrossDeckReports(rounds, reports);
    expect(selected.length).toBeGreaterThan(2);
    expect(selected.some((report) => ownIssues(report.id).some((issue) => issue.data.status === 'longTerm'))).toBe(true);
    expect(selected.some((report) => ownIssues(report.id).some((issue) => issue.data.continues))).toBe(true);
  });
});

describe('selectCrossDeckReports', () => {
  it('selects by list, by issuer, by year or both, oldest report first', () => {
    const byDate = (list: readonly ReportEntry[]) => [...list].sort((a, b) => a.data.date.localeCompare(b.data.date) || a.id.localeCompare(b.id));
    const listed = rounds.config.select.reports!;
    expect(selectCrossDeckReports(rounds, reports).map((r) => r.id)).toEqual(byDate(reports.filter((r) => listed.includes(r.id))).map((r) => r.id));
    const issuer = reports.find((report) => report.id === 'lh-2022')!.data.issuer;
    expect(selectCrossDeckReports(sourceOf({ issuer }), reports).map((r) => r.id)).toEqual(
      byDate(reports.filter((r) => r.data.issuer === issuer)).map((r) => r.id),
    );
    expect(selectCrossDeckReports(sourceOf({ year: 2023 }), reports).map((r) => r.id)).toEqual(
      byDate(reports.filter((r) => r.data.date.startsWith('2023-'))).map((r) => r.id),
    );
    expect(selectCrossDeckReports(sourceOf({ issuer, year: 2023 }), reports).map((r) => r.id)).toEqual(
      reports.filter((r) => r.data.issuer === issuer && r.data.date.startsWith('2023-')).map((r) => r.id),
    );
  });

  it('fails naming the file and key for an unknown report id, and for a selection that matches none', () => {
    expect(() => selectCrossDeckReports(sourceOf({ reports: ['lh-2022', 'lh-2099'] }), reports)).toThrow(
      /^slides\/decks\/x\.yaml: select\.reports\.1: no report lh-2099/u,
    );
    expect(() => selectCrossDeckReports(sourceOf({ issuer: '中共不存在局党组' }), reports)).toThrow(
      /^slides\/decks\/x\.yaml: select: no report matches issuer/u,
    );
    expect(() => selectCrossDeckReports(sourceOf({ year: 1999 }), reports)).toThrow(/select: no report matches year 1999/u);
  });

  it('the schema refuses a config without a selection, or a list with an issuer', () => {
    expect(crossDeckConfigSchema.safeParse({ title: 'x', select: {} }).success).toBe(false);
    expect(crossDeckConfigSchema.safeParse({ title: 'x', select: { reports: ['a'], issuer: 'b' } }).success).toBe(false);
    expect(crossDeckConfigSchema.safeParse({ title: 'x', select: { reports: [] } }).success).toBe(false);
    expect(crossDeckConfigSchema.safeParse({ select: { year: 2023 } }).success).toBe(false);
  });
});

describe('planCrossDeck', () => {
  const slides = slidesOf(rounds);
  const selected = selectCrossDeckReports(rounds, reports);
  const ids = new Set(selected.map((report) => report.id));
  const selectedIssues = issues.filter((issue) => ids.has(issue.data.report));
  // A problem continued by a later report stands there now; it is open only where no report carries it on.
  const continued = new Set(issues.flatMap((issue) => (issue.data.continues ? [issue.data.continues] : [])));
  const keyOf = (issue: IssueEntry) => `${issue.data.report}/${issue.id.split('/').at(-1)}`;
  const open = selectedIssues.filter((issue) => issue.data.status !== 'completed' && !continued.has(keyOf(issue)));

  it('holds the title, the summary, the open problems, the commitments and the carried problems, in that order', () => {
    const kinds = [...new Set(slides.map((slide) => slide.kind))];
    expect(kinds).toEqual(['title', 'summary', 'open', 'commitments', 'carried']);
    const title = ofKind(slides, 'title')[0]!;
    expect(title.title).toBe(rounds.config.title);
    expect(title.kicker).toContain(`${selected.length}份`);
    expect(title.date.iso).toBe(AS_OF);
    expect(new Set(slides.map((slide) => slide.id)).size).toBe(slides.length);
  });

  it('summarises each selected report with the counts of its entries, and their sum', () => {
    const [summary] = ofKind(slides, 'summary');
    expect(summary).toBeDefined();
    const rows = ofKind(slides, 'summary').flatMap((slide) => slide.rows);
    expect(rows.map((row) => row.key)).toEqual(selected.map((report) => report.id));
    expect(summary!.statuses).toEqual(['completed', 'ongoing', 'longTerm']);
    for (const row of rows) {
      const own = ownIssues(row.key);
      expect(row.problems).toBe(own.length);
      expect(row.counts).toEqual(summary!.statuses.map((status) => own.filter((issue) => issue.data.status === status).length));
      const completed = own.filter((issue) => issue.data.status === 'completed').length;
      expect(row.rate).toBe(`${Math.round((completed / own.length) * 1000) / 10}%`);
    }
    const total = ofKind(slides, 'summary').at(-1)!.total!;
    expect(total.problems).toBe(selectedIssues.length);
    expect(total.counts).toEqual(summary!.statuses.map((status) => selectedIssues.filter((issue) => issue.data.status === status).length));
    expect(total.counts.reduce((sum, count) => sum + count, 0)).toBe(total.problems);
  });

  it('lists every problem still open across the reports, and none that a later report carries on', () => {
    const items = ofKind(slides, 'open').flatMap((slide) => slide.items);
    expect(items.map((item) => item.issueId).sort()).toEqual(open.map((issue) => issue.id).sort());
    expect(items.some((item) => item.status === 'longTerm')).toBe(true);
    for (const item of items) expect(item.problem).toBe(getPrintedProblem(issues.find((issue) => issue.id === item.issueId)!.data.title));
    // Oldest report first.
    const dates = items.map((item) => item.date.iso);
    expect(dates).toEqual([...dates].sort());
  });

  it('lists the open problems’ commitments whose period has begun by the build date, past due where it has ended', () => {
    const items = ofKind(slides, 'commitments').flatMap((slide) => slide.items);
    const expected = open.flatMap((issue) =>
      issue.data.commitments.flatMap((c) => {
        const { start, end } = getDuePeriod(c.due);
        return start <= AS_OF ? [{ quote: c.quote, state: end < AS_OF ? 'past-due' : 'due' }] : [];
      }),
    );
    expect(items.map((c) => ({ quote: c.quote, state: c.state })).sort((a, b) => a.quote.localeCompare(b.quote))).toEqual(
      expected.sort((a, b) => a.quote.localeCompare(b.quote)),
    );
    expect(new Set(items.map((c) => c.state))).toEqual(new Set(['due', 'past-due']));
    // A later build date lists every commitment of the open problems, each past due.
    const later = ofKind(slidesOf(rounds, '2099-01-01'), 'commitments').flatMap((slide) => slide.items);
    expect(later).toHaveLength(open.flatMap((issue) => issue.data.commitments).length);
    expect(later.every((c) => c.state === 'past-due')).toBe(true);
    // An earlier one lists none, and says so.
    const none = ofKind(slidesOf(rounds, '2020-01-01'), 'commitments');
    expect(none).toHaveLength(1);
    expect(none[0]!.items).toEqual([]);
    expect(none[0]!.empty).toBeTruthy();
  });

  it('lists every problem of the reports that continues one of an earlier round', () => {
    const items = ofKind(slides, 'carried').flatMap((slide) => slide.items);
    const carrying = selectedIssues.filter((issue) => issue.data.continues);
    expect(items.map((item) => item.problem).sort()).toEqual(carrying.map((issue) => getPrintedProblem(issue.data.title)).sort());
    for (const item of items) expect(item.target).toBe('');
  });

  it('gives every slide notes and sets no text under 20 px', () => {
    for (const slide of slides) {
      expect(slide.notes.trim().length, slide.id).toBeGreaterThan(0);
      expect(slide.scale.body, slide.id).toBeGreaterThanOrEqual(20);
      expect(slide.scale.heading, slide.id).toBeGreaterThanOrEqual(20);
    }
  });

  it('drops the carried slide for reports that carry nothing on, and follows the config’s sections', () => {
    const jt = sourceOf({ reports: ['jt-2023'] });
    expect(slidesOf(jt).some((slide) => slide.kind === 'carried')).toBe(false);
    const only = { ...jt, config: { ...jt.config, sections: ['summary' as const] } };
    expect([...new Set(slidesOf(only).map((slide) => slide.kind))]).toEqual(['summary']);
  });
});

describe('getBuildDate', () => {
  it('is BUILD_DATE where set, else the day in China (UTC+8)', () => {
    expect(getBuildDate({ BUILD_DATE: '2023-10-15' })).toBe('2023-10-15');
    expect(getBuildDate({}, new Date('2026-12-01T17:00:00Z'))).toBe('2026-12-02');
    expect(() => getBuildDate({ BUILD_DATE: '15.10.2023' })).toThrow(/BUILD_DATE/u);
  });
});
