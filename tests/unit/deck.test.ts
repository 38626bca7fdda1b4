// The deck's pure parts: planning slides from config + entries, the config schema, the chart and the facts.
import { describe, expect, it } from 'vitest';
import { layoutTotalsChart } from '../../src/deck/chart.ts';
import { listOrganisationFacts } from '../../src/deck/facts.ts';
import { getDefaultDeckConfig, listPlannedSlideIds, listPlannedSlides, planDeck } from '../../src/deck/plan.ts';
import { getIssueSlug, listIssuesByStatus } from '../../src/lib/order.ts';
import { formatShare, getReportStats } from '../../src/lib/stats.ts';
import { getDeckSlideId } from '../../src/lib/urls.ts';
import { readIssuesFromDisk, readReportsFromDisk } from '../../src/loaders/disk.ts';
import { deckConfigSchema, deckSections } from '../../src/schemas/deck.ts';

const { reports } = readReportsFromDisk();
const { issues } = readIssuesFromDisk();
const report = reports[0]!;
const completed = listIssuesByStatus(report.id, 'completed', issues);
const ongoing = listIssuesByStatus(report.id, 'ongoing', issues);

describe('planDeck', () => {
  it('by default holds every section, one slide per problem, problem slides named by getDeckSlideId', () => {
    const stacks = planDeck(report, issues);
    expect(stacks.every((stack) => stack.length === 1)).toBe(true);
    const ids = listPlannedSlideIds(stacks);
    // title, overview + timeline, organisation, two group openers, plan, commitments, closing: sections + 1, less
    // carried, which plans no slide for a report that carries on no earlier problem.
    expect(ids.some((id) => id.startsWith('carried'))).toBe(false);
    expect(ids.length).toBe(deckSections.length + 1 - 1 + completed.length + ongoing.length);
    expect(ids).toContain(getDeckSlideId(getIssueSlug(completed[0]!)));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('puts completed problems under a grid slide as vertical sub-slides in the grid layout, grid continuations beside them', () => {
    const stacks = planDeck(report, issues, deckConfigSchema.parse({ completedLayout: 'grid' }));
    const grid = stacks.find((stack) => stack[0]?.id === 'completed')!;
    const parts = grid.filter((slide) => slide.kind === 'group');
    expect(parts.map((slide) => slide.id)).toEqual(parts.map((_, index) => (index === 0 ? 'completed' : `completed-${index + 1}`)));
    // Every completed problem's grid cell appears once over the grid's parts, and its slides follow in the same stack.
    expect(parts.flatMap((slide) => (slide.kind === 'group' ? slide.cells.map((cell) => cell.target) : []))).toEqual(
      completed.map((issue) => getDeckSlideId(getIssueSlug(issue))),
    );
    expect(grid.filter((slide) => slide.kind === 'issue' && slide.part.index === 1).length).toBe(completed.length);
    const ids = listPlannedSlideIds(stacks);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(listPlannedSlideIds(planDeck(report, issues)).length + parts.length - 1);
  });

  it('follows the configured order, drops left-out sections and inserts hand-written slides', () => {
    const config = deckConfigSchema.parse({ sections: ['closing', 'mdx:welcome', 'title'] });
    expect(listPlannedSlideIds(planDeck(report, issues, config))).toEqual(['closing', 'slide-welcome', 'title']);
  });

  it('defaults need no file and unknown sections are rejected with the field named', () => {
    expect(getDefaultDeckConfig().sections).toEqual([...deckSections]);
    const result = deckConfigSchema.safeParse({ sections: ['titel'] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/^sections:/u);
    expect(deckConfigSchema.safeParse({ layout: 'grid' }).success).toBe(false);
  });
});

describe('layoutTotalsChart', () => {
  it('draws one bar, completed beside ongoing, in proportion to the declared totals', () => {
    const chart = layoutTotalsChart(getReportStats(report, issues));
    expect(chart.rows.length).toBe(1);
    const [bar] = chart.rows;
    expect(bar!.segments.map((s) => s.value)).toEqual([report.data.declared.completed, report.data.declared.ongoing]);
    const total = bar!.segments.reduce((sum, s) => sum + s.width, 0);
    expect(bar!.segments[0]!.width / total).toBeCloseTo(completed.length / (completed.length + ongoing.length), 5);
  });
});

describe('the overview slide', () => {
  it('shows the declared totals and the completion rate once, with the note that the entries were counted and agree', () => {
    const overview = listPlannedSlides(planDeck(report, issues)).find((slide) => slide.kind === 'overview');
    expect(overview?.kind).toBe('overview');
    if (overview?.kind !== 'overview') return;
    expect(overview.declared).toEqual({
      items: report.data.declared.items,
      problems: report.data.declared.problems,
      completed: report.data.declared.completed,
      ongoing: report.data.declared.ongoing,
    });
    expect(overview.completionRate).toBe(formatShare(completed.length / (completed.length + ongoing.length)));
    expect(overview.countedNote).toContain(`${completed.length + ongoing.length}个问题`);
    expect(overview.countedNote).toContain('一致');
  });

  it('refuses to plan an overview whose entries disagree with the declared totals (the loader stops such a build first)', () => {
    const wrong = { ...report, data: { ...report.data, declared: { ...report.data.declared, completed: report.data.declared.completed + 1 } } };
    expect(() => planDeck(wrong, issues)).toThrow(/declared/u);
  });
});

describe('listOrganisationFacts', () => {
  it('attaches each dated event to the measure whose lead or text quotes it, and no other', () => {
    const measure = (ordinal: string, lead: string, text: string) => ({ ordinal, lead, text });
    const event = (date: string, label: string, quote: string) => ({ date, label, quote });
    const organisation = {
      ...report.data.organisation!,
      measures: [
        measure('（一）', '加强领导。', '3月1日召开专题会议。'),
        measure('（二）', '4月2日印发方案。', '明确分工。'),
        measure('（三）', '抓好落实。', '无日期。'),
      ],
    };
    const events = [
      event('2022-03-01', '专题会议', '3月1日召开专题会议'),
      event('2022-04-02', '印发方案', '4月2日印发方案'),
      event('2022-05-03', '未引用', '5月3日'),
    ];
    const facts = listOrganisationFacts({ data: { organisation, events } }).map((entry) => entry.facts.map((fact) => fact.label));
    expect(facts).toEqual([['专题会议'], ['印发方案'], []]);
  });
});
