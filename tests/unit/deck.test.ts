// The deck's pure parts: planning slides from config + entries, the config schema, the chart and the facts.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutTotalsChart } from '#src/deck/chart.ts';
import { listOrganisationFacts } from '#src/deck/facts.ts';
import { CONTENT_WIDTH, leavesShortLastLine, MIN_FONT_PX } from '#src/deck/fit.ts';
import { type GroupSlide, getDefaultDeckConfig, type IssueSlide, listPlannedSlideIds, listPlannedSlides, planDeck } from '#src/deck/plan.ts';
import { SPACE } from '#src/deck/tokens.ts';
import { listMeasures } from '#src/lib/measures.ts';
import { getIssueSlug, listIssuesByStatus, listReportIssues } from '#src/lib/order.ts';
import { formatGroupHeading, getIssueGroupPath, listIssueGroups } from '#src/lib/sections.ts';
import { formatShare, getReportStats } from '#src/lib/stats.ts';
import { escapeMdx } from '#src/lib/text.ts';
import { getDeckSlideId } from '#src/lib/urls.ts';
import { readIssuesFromDisk, readReportsFromDisk } from '#src/loaders/disk.ts';
import { deckConfigSchema, deckSections } from '#src/schemas/deck.ts';
import { parseWithFieldErrors } from '#src/schemas/error-map.ts';
import { issueStatuses } from '#src/schemas/issue.ts';
import { projectRoot } from '#tests/helpers/build.ts';
import { groupedReportsDir, longReportsDir } from '#tests/helpers/fixtures.ts';

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
    // carried, which plans no slide for a report that carries on no earlier problem, and less the long-term
    // section where the report has no long-term problem.
    expect(ids.some((id) => id.startsWith('carried'))).toBe(false);
    // A status the report has no problems of (long-term, in the seed) plans no opener either.
    const empty = issueStatuses.filter((status) => listIssuesByStatus(report.id, status, issues).length === 0).length;
    const problems = issues.filter((issue) => issue.data.report === report.id).length;
    expect(ids.length).toBe(deckSections.length + 1 - 1 - empty + problems);
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
    const result = parseWithFieldErrors(deckConfigSchema, { sections: ['titel'] });
    expect(result.success).toBe(false);
    // The field is named once, with its index: no `sections.0: sections: …`.
    expect(!result.success && result.errors).toEqual([expect.stringMatching(/^sections\.0: expected one of title, /u)]);
    expect(!result.success && result.errors[0]?.match(/sections/gu)?.length).toBe(1);
    expect(deckConfigSchema.safeParse({ layout: 'grid' }).success).toBe(false);
  });
});

describe('layoutTotalsChart', () => {
  it('draws one bar, completed beside ongoing, in proportion to the counted problems', () => {
    const chart = layoutTotalsChart(getReportStats(report, issues));
    expect(chart.rows.length).toBe(1);
    const [bar] = chart.rows;
    expect(bar!.segments.map((s) => s.value)).toEqual([completed.length, ongoing.length]);
    const total = bar!.segments.reduce((sum, s) => sum + s.width, 0);
    expect(bar!.segments[0]!.width / total).toBeCloseTo(completed.length / (completed.length + ongoing.length), 5);
  });
});

describe('the overview slide', () => {
  const planOverview = (entry: typeof report) => {
    const overview = listPlannedSlides(planDeck(entry, issues)).find((slide) => slide.kind === 'overview');
    if (overview?.kind !== 'overview') throw new Error('no overview slide planned');
    return overview;
  };

  it('shows the stated totals and the completion rate once, with the note that the entries were counted and agree', () => {
    const overview = planOverview(report);
    const { declared } = report.data;
    // The seed states all four totals, so every figure is the report's own and none is captioned as counted.
    expect(overview.totals.map((total) => [total.key, total.value, total.stated])).toEqual([
      ['items', declared.items, true],
      ['problems', declared.problems, true],
      ['completed', declared.completed, true],
      ['ongoing', declared.ongoing, true],
    ]);
    expect(overview.totals.map((total) => total.caption)).toEqual(['反馈意见', '问题', '已整改完成', '持续整改']);
    expect(overview.completionRate).toBe(formatShare(completed.length / (completed.length + ongoing.length)));
    expect(overview.countedNote).toContain(`${completed.length + ongoing.length}个问题`);
    expect(overview.countedNote).toContain('与通报所列总数一致');
    expect(overview.summary).not.toContain('逐条统计');
  });

  it('shows no total a report does not state: no 项, counted figures captioned 逐条统计, no claim of agreement', () => {
    const overview = planOverview({ ...report, data: { ...report.data, declared: {} } });
    expect(overview.totals.map((total) => total.key)).toEqual(['problems', 'completed', 'ongoing']);
    expect(overview.totals.map((total) => total.value)).toEqual([completed.length + ongoing.length, completed.length, ongoing.length]);
    expect(overview.totals.every((total) => !total.stated && total.caption.endsWith('（逐条统计）'))).toBe(true);
    expect(overview.countedNote).not.toContain('一致');
    expect(overview.countedNote).toContain('通报未列总数');
    expect(overview.summary).toContain('逐条统计');
    // The chart still draws the counted problems.
    expect(overview.chart.rows[0]!.segments.map((segment) => segment.value)).toEqual([completed.length, ongoing.length]);
  });

  it('says which totals agree where a report states only some of them', () => {
    const { items, problems } = report.data.declared;
    const overview = planOverview({ ...report, data: { ...report.data, declared: { items, problems } } });
    expect(overview.totals.map((total) => [total.key, total.stated])).toEqual([
      ['items', true],
      ['problems', true],
      ['completed', false],
      ['ongoing', false],
    ]);
    expect(overview.countedNote).toContain('与通报所列问题总数一致');
    expect(overview.countedNote).toContain('通报未列已整改完成数、持续整改数');
    expect(overview.countedNote).not.toContain('与通报所列总数一致');
  });

  it('refuses to plan an overview whose entries disagree with a stated total (the loader stops such a build first)', () => {
    const wrong = { ...report, data: { ...report.data, declared: { ...report.data.declared, completed: completed.length + 1 } } };
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

  it('gives a part (主体责任, 第一责任人) its measures as points, each by its lead phrase or first sentence', () => {
    const organisation = {
      ...report.data.organisation!,
      measures: [],
      parts: [
        {
          ordinal: '（一）',
          heading: '局党组履行主体责任情况',
          measures: [{ text: '一是压实整改责任。成立领导小组，每月调度。' }, { ordinal: '二是', lead: '健全工作机制。', text: '建立三张清单。' }],
        },
      ],
    };
    const [part] = listOrganisationFacts({ data: { organisation, events: [] } });
    expect(part?.lead).toBe('局党组履行主体责任情况');
    expect(part?.points).toEqual(['一是压实整改责任。', '二是健全工作机制。']);
    // Every word stays in the text the notes carry.
    for (const measure of organisation.parts[0]!.measures) expect(part?.text).toContain(measure.text);
  });
});

describe("leads (the presenter's slide text)", () => {
  const issue = completed[0]!;
  const slug = getIssueSlug(issue);
  const issueSlides = (config: ReturnType<typeof deckConfigSchema.parse>) =>
    listPlannedSlides(planDeck(report, issues, config)).filter((slide) => slide.kind === 'issue' && slide.issueId === issue.id);

  it("shows the set words for that measure only; the notes keep the report's text", () => {
    const plain = issueSlides(deckConfigSchema.parse({}));
    const set = issueSlides(deckConfigSchema.parse({ leads: { [slug]: { 1: '主讲人自拟的要点' } } }));
    const bullets = (slides: typeof plain) => slides.flatMap((slide) => (slide.kind === 'issue' ? slide.bullets : []));
    expect(bullets(set)[0]).toMatchObject({ measureId: 'measure-1', lead: '主讲人自拟的要点', complete: true });
    expect(
      bullets(set)
        .slice(1)
        .map((bullet) => bullet.measureId),
    ).toEqual(
      bullets(plain)
        .slice(1)
        .map((bullet) => bullet.measureId),
    );
    const notes = set.map((slide) => slide.notes).join('');
    expect(notes.replace(/\s+/gu, '')).toContain(listMeasures(issue.body ?? '')[0]!.paragraph.replace(/\s+/gu, ''));
    expect(notes).not.toContain('主讲人自拟的要点');
  });

  it('refuses a problem or a measure the report does not have, naming the file and the key', () => {
    const file = 'slides/x/deck.yaml';
    expect(() => planDeck(report, issues, { ...deckConfigSchema.parse({ leads: { 'completed-99': { 1: '某' } } }), file })).toThrow(
      /^slides\/x\/deck\.yaml: leads\.completed-99: /u,
    );
    const count = listMeasures(issue.body ?? '').length;
    expect(() => planDeck(report, issues, { ...deckConfigSchema.parse({ leads: { [slug]: { [count + 1]: '某' } } }), file })).toThrow(
      new RegExp(`^slides/x/deck\\.yaml: leads\\.${slug}\\.${count + 1}: problem ${slug} has ${count} measure`, 'u'),
    );
    expect(deckConfigSchema.safeParse({ leads: { [slug]: { first: '某' } } }).success).toBe(false);
    expect(deckConfigSchema.safeParse({ leads: { [slug]: { 1: '  ' } } }).success).toBe(false);
  });
});

describe('brief form', () => {
  it('plans title, totals, one organisation slide, the completed problems as a table, a slide per other problem, plan, commitments, contacts', () => {
    const slides = listPlannedSlides(planDeck(report, issues, undefined, reports, 'brief'));
    expect(slides.length).toBeLessThanOrEqual(12);
    expect(slides.filter((slide) => slide.kind === 'organisation')).toHaveLength(1);
    expect(slides.some((slide) => slide.kind === 'timeline' || slide.kind === 'carried')).toBe(false);
    const table = slides.filter((slide) => slide.kind === 'group');
    expect(table.length).toBeGreaterThanOrEqual(1);
    expect(table.length).toBeLessThanOrEqual(2);
    expect(table.flatMap((slide) => (slide.kind === 'group' ? slide.cells.map((cell) => cell.number) : []))).toEqual(
      completed.map((issue) => issue.data.number),
    );
    const others = issues.filter((issue) => issue.data.report === report.id && issue.data.status !== 'completed');
    expect(slides.filter((slide) => slide.kind === 'issue' && slide.part.index === 1).map((slide) => (slide.kind === 'issue' ? slide.issueId : ''))).toEqual(
      others.map((issue) => issue.id),
    );
    expect(slides.at(-1)!.kind).toBe('closing');
  });

  it('links each commitment to a slide the brief has: its problem’s, or the table slide that lists it', () => {
    const slides = listPlannedSlides(planDeck(report, issues, undefined, reports, 'brief'));
    const ids = new Set(slides.map((slide) => slide.id));
    const items = slides.flatMap((slide) => (slide.kind === 'commitments' ? slide.items : []));
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.target === '' || ids.has(item.target), item.target).toBe(true);
    // A completed problem's promise points at the table that lists it.
    const tables = slides.filter((slide) => slide.kind === 'group');
    const tableIds = new Set(tables.map((slide) => slide.id));
    const full = new Set(listPlannedSlideIds(planDeck(report, issues, undefined, reports)));
    const fullItems = listPlannedSlides(planDeck(report, issues, undefined, reports)).flatMap((slide) => (slide.kind === 'commitments' ? slide.items : []));
    fullItems.forEach((item, index) => {
      const listed = tables.find((slide) => slide.kind === 'group' && slide.cells.some((cell) => cell.slide === item.target));
      expect(full.has(item.target)).toBe(true);
      if (!ids.has(item.target)) expect(items[index]!.target).toBe(listed?.id);
    });
    expect(items.some((item) => tableIds.has(item.target))).toBe(true);
    // Speaker notes are landmarks: each slide's are labelled apart.
    const labels = slides.map((slide) => slide.notesLabel);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('sets the table at a size that leaves no problem’s last one or two characters alone on a line', () => {
    const tables = listPlannedSlides(planDeck(report, issues, undefined, reports, 'brief')).filter((slide) => slide.kind === 'group');
    const cellWidth = (CONTENT_WIDTH - SPACE.gridGap) / 2 - 2 * (SPACE.cellPadX + SPACE.cellBorder);
    for (const slide of tables)
      for (const cell of slide.kind === 'group' ? slide.cells : [])
        expect(leavesShortLastLine(`${cell.number}　${cell.problem}`, slide.scale.body, cellWidth), cell.problem).toBe(false);
    expect(leavesShortLastLine('一二三四五六七八九十一', 20, (10 * 20) / 0.95)).toBe(true);
    expect(leavesShortLastLine('一二三四五六七八九十一二三', 20, (10 * 20) / 0.95)).toBe(false);
  });
});

describe('planDeck in the report’s own groups (problemOrder: report)', () => {
  const dir = groupedReportsDir;
  const grouped = readReportsFromDisk(dir).reports[0]!;
  const groupedIssues = readIssuesFromDisk(dir).issues;
  const own = listReportIssues(grouped.id, groupedIssues);
  const config = deckConfigSchema.parse({ problemOrder: 'report' });
  const slides = listPlannedSlides(planDeck(grouped, groupedIssues, config));
  const problemSlides = slides.filter((slide) => slide.kind === 'issue' && slide.part.index === 1);

  it('shows every problem once, in printed order, after an opener per top-level group', () => {
    expect(problemSlides.map((slide) => slide.kind === 'issue' && slide.issueId)).toEqual(own.map((issue) => issue.id));
    const roots = listIssueGroups(grouped, groupedIssues).filter((node) => node.heading);
    const openers = slides.filter((slide) => slide.kind === 'group');
    expect(openers.map((slide) => slide.kind === 'group' && slide.heading)).toEqual(roots.map(formatGroupHeading));
    // No status opener: the report's groups replace them.
    expect(openers.some((slide) => (issueStatuses as readonly string[]).includes(slide.id))).toBe(false);
  });

  it('names each problem by its printed ordinals in the kicker, unique where numbers restart per group', () => {
    const kickers = problemSlides.map((slide) => (slide.kind === 'issue' ? slide.kicker : ''));
    expect(new Set(kickers).size).toBe(kickers.length);
    for (const [index, issue] of own.entries()) {
      const ordinals = getIssueGroupPath(grouped, issue)
        .map((group) => group.ordinal ?? '')
        .join('');
      expect(kickers[index]).toContain(`${ordinals}${issue.data.ordinal ?? issue.data.number}`);
    }
  });
});

describe('continuations', () => {
  const collections = [undefined, longReportsDir, groupedReportsDir, path.join(projectRoot, 'tests/fixtures/reports/pptx-long')].map((dir) => ({
    reports: readReportsFromDisk(dir).reports,
    issues: readIssuesFromDisk(dir).issues,
  }));
  const slidesOf = (entry: (typeof collections)[number]) =>
    entry.reports.flatMap((one) => listPlannedSlides(planDeck(one, entry.issues, getDefaultDeckConfig(), entry.reports)));

  it('never leave a problem’s continuation with a single bullet while the slide before it has more than two', () => {
    const lonely: string[] = [];
    let continued = 0;
    for (const entry of collections) {
      const slides = slidesOf(entry).filter((slide): slide is IssueSlide => slide.kind === 'issue');
      slides.forEach((slide, index) => {
        if (slide.part.index === 1) return;
        continued += 1;
        const before = slides[index - 1]!;
        if (slide.bullets.length < 2 && before.bullets.length > 2) lonely.push(`${slide.id}: ${slide.bullets.length} after ${before.bullets.length}`);
      });
    }
    expect(continued, 'the collections exercise continuations').toBeGreaterThan(0);
    expect(lonely).toEqual([]);
  });

  it('set the organisation and the plan on one slide in compact type when that fits, rather than two half-empty ones', () => {
    const long = collections[1]!;
    const slides = slidesOf(long);
    for (const kind of ['organisation', 'plan'] as const) {
      const own = slides.filter((slide) => slide.kind === kind);
      expect(own.map((slide) => slide.id)).toEqual([kind]);
      expect(own[0]!.scale.body).toBeGreaterThanOrEqual(MIN_FONT_PX);
    }
  });
});

describe('organisation printed as its intro alone', () => {
  // A fictional section: a lead-in, then its measures inline in the same paragraph (一是…二是…).
  const intro =
    '局党组把整改作为重要政治任务，主要做了以下工作：一是召开专题会议研究部署，制定整改方案；二是建立周调度机制，逐项跟踪推进。三是开展“回头看”，防止问题反弹。';
  const shaped = { ...report, data: { ...report.data, organisation: { heading: '整改工作开展情况', intro, measures: [], parts: [] } } } as typeof report;

  it('shows the lead-in and each inline measure on the slide, and the intro once in the notes', () => {
    const slides = listPlannedSlides(planDeck(shaped, issues)).filter((slide) => slide.kind === 'organisation');
    const items = slides.flatMap((slide) => slide.items);
    const measures = listMeasures(escapeMdx(intro));
    expect(items.map((item) => item.ordinal)).toEqual(['', ...measures.map((measure) => measure.ordinal)]);
    expect(items.every((item) => item.lead.length > 0)).toBe(true);
    const notes = slides.map((slide) => slide.notes).join('\n\n');
    expect(notes.replace(/\s+/gu, '')).toBe(intro);
  });
});

describe('the plan slide', () => {
  it('shows each paragraph whole where there is room, else to the end of a clause, tagged', () => {
    const plan = report.data.plan!;
    const points = listPlannedSlides(planDeck(report, issues))
      .filter((slide) => slide.kind === 'plan')
      .flatMap((slide) => slide.points);
    expect(points).toHaveLength(plan.paragraphs.length);
    points.forEach((point, index) => {
      const paragraph = plan.paragraphs[index]!.trim();
      if (point.complete) expect(point.text).toBe(paragraph);
      else {
        expect(paragraph.startsWith(point.text) && point.text.length < paragraph.length).toBe(true);
        expect(point.text).toMatch(/[，；：。！？][”’」』）》]*$/u);
      }
    });
  });
});

describe('status group openers', () => {
  it('list the group’s problems where the report gives the group no words of its own, never a bare heading', () => {
    const { ongoingIntro: _dropped, ...implementation } = report.data.implementation;
    const silent = { ...report, data: { ...report.data, implementation } } as typeof report;
    const groups = (entry: typeof report) =>
      listPlannedSlides(planDeck(entry, issues)).filter((slide): slide is GroupSlide => slide.kind === 'group' && slide.status === 'ongoing');
    // As printed, the seed introduces its ongoing problems: an opener with those words.
    expect(groups(report).map((slide) => slide.layout)).toEqual(['opener']);
    const listed = groups(silent);
    expect(listed.every((slide) => slide.layout === 'grid')).toBe(true);
    expect(listed.flatMap((slide) => slide.cells.map((cell) => cell.number))).toEqual(ongoing.map((issue) => issue.data.number));
    expect(listed[0]!.notes).toContain(ongoing[0]!.data.title);
  });
});
