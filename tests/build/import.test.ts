// An imported report builds beside the seed (the fixture site holds both): the archive lists both and each gets its deck.
// Reports shaped differently (all completed; no organisation section and no feedback date) build without an empty
// section, group or slide.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { readReportsFromDisk } from '#src/loaders/disk.ts';
import { IMPORTED_REPORT_ID, SHAPED_REPORT_IDS } from '#tests/fixtures/site.ts';

const dist = inject('fixturesDist');
const { reports } = readReportsFromDisk(inject('fixturesReports'));
const SEED_ID = 'szkj-20220422';

describe('an imported report in the archive', () => {
  const both = [SEED_ID, IMPORTED_REPORT_ID].map((id) => {
    const report = reports.find((entry) => entry.id === id);
    if (!report) throw new Error(`the fixture site lacks report ${id}`);
    return report;
  });

  it('lists both reports on the home page with their issuers', () => {
    const home = readFileSync(path.join(dist, 'index.html'), 'utf8');
    for (const report of both) {
      expect(home).toContain(`/reports/${report.id}/`);
      expect(home).toContain(report.data.issuer);
    }
    expect(both[1]!.data.issuer).toBe('中共青川市文化广电和旅游局党组');
  });

  it('builds a deck for each report', () => {
    for (const report of both) expect(existsSync(path.join(dist, 'reports', report.id, 'deck', 'index.html')), report.id).toBe(true);
  });
});

describe('reports shaped differently in the archive', () => {
  const page = (id: string) => readFileSync(path.join(dist, 'reports', id, 'index.html'), 'utf8');
  const deck = (id: string) => readFileSync(path.join(dist, 'reports', id, 'deck', 'index.html'), 'utf8');
  const { allCompleted, followUp } = SHAPED_REPORT_IDS;

  it('shows an all-completed report without an ongoing group or slide', () => {
    // The full report, built alike, has both: the checks below can fail.
    expect(page(IMPORTED_REPORT_ID)).toContain('id="group-ongoing"');
    expect(deck(IMPORTED_REPORT_ID)).toContain('id="ongoing"');
    expect(page(allCompleted)).toContain('id="group-completed"');
    expect(page(allCompleted)).not.toContain('id="group-ongoing"');
    expect(deck(allCompleted)).toContain('id="completed"');
    expect(deck(allCompleted)).not.toContain('id="ongoing"');
    const report = reports.find((entry) => entry.id === allCompleted);
    // It states no ongoing count (it has no such group), so none is written.
    expect(report?.data.declared.ongoing).toBeUndefined();
    for (let number = 1; number <= (report?.data.declared.completed ?? 0); number += 1) {
      const slug = `completed-${String(number).padStart(2, '0')}`;
      expect(existsSync(path.join(dist, 'reports', allCompleted, 'issues', slug, 'index.html')), slug).toBe(true);
    }
  });

  it('shows a report with no organisation section and no feedback date without them, sections numbered as printed', () => {
    expect(page(IMPORTED_REPORT_ID)).toContain('id="organisation-heading"');
    expect(page(IMPORTED_REPORT_ID)).toContain('反馈时间');
    expect(deck(IMPORTED_REPORT_ID)).toContain('id="organisation"');
    const html = page(followUp);
    expect(html).not.toContain('id="organisation-heading"');
    expect(html).not.toContain('反馈时间');
    expect(html).toMatch(/id="implementation-heading">\s*一、整改落实情况/u);
    expect(html).toMatch(/id="plan-heading">\s*二、下一步工作打算/u);
    expect(deck(followUp)).not.toContain('id="organisation"');
  });

  it('shows only the totals a report states: counted figures marked 逐条统计, no claim of agreement with totals never stated', () => {
    // The follow-up states no …项…个问题 (that sentence stood in its organisation section) but states both group counts.
    const report = reports.find((entry) => entry.id === followUp);
    expect(report?.data.declared).toEqual({ completed: 5, ongoing: 2 });
    const overview = /<section id="overview"[\s\S]*?<\/section>/u.exec(deck(followUp))?.[0] ?? '';
    expect(overview).not.toContain('反馈意见');
    // The mark stands in a span of its own, so it wraps whole.
    expect(overview).toMatch(/<strong>7<\/strong><span>个<\/span><small>问题<span class="mark">（逐条统计）<\/span><\/small>/u);
    expect(overview).toMatch(/<strong>5<\/strong><span>个<\/span><small>已整改完成<\/small>/u);
    expect(overview).not.toContain('与通报所列总数一致');
    expect(overview).toContain('与通报所列已整改完成数、持续整改数一致；通报未列问题总数');
    expect(page(followUp)).toContain('问题总数（逐条统计）');
    // The full report states all of them: nothing is marked as counted there.
    expect(deck(IMPORTED_REPORT_ID)).toContain('与通报所列总数一致');
    expect(page(IMPORTED_REPORT_ID)).not.toContain('逐条统计');
  });
});
