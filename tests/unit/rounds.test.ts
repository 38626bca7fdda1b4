// Rounds: `continues` links validated from disk (file and field named) and the chains derived from them.
import { describe, expect, it } from 'vitest';
import { type CarriedSlide, getDefaultDeckConfig, listPlannedSlideIds, listPlannedSlides, planDeck } from '#src/deck/plan.ts';
import { composePptxDeck } from '#src/deck/pptx/compose.ts';
import { getIssueSlug } from '#src/lib/order.ts';
import { getNextRound, indexRounds, listCarriedIssues, listOpenChains, listRounds, proposeContinues } from '#src/lib/rounds.ts';
import { getDeckSlideId } from '#src/lib/urls.ts';
import { readIssuesFromDisk, readReportsFromDisk, validateReportsFolder } from '#src/loaders/disk.ts';
import { deckConfigSchema } from '#src/schemas/deck.ts';
import { copyReports, editFile, roundsReportsDir } from '#tests/helpers/fixtures.ts';

const { reports } = readReportsFromDisk(roundsReportsDir);
const { issues } = readIssuesFromDisk(roundsReportsDir);
const index = indexRounds(reports, issues);
const linked = issues.filter((issue) => issue.data.continues);
const dateOf = (reportId: string) => reports.find((report) => report.id === reportId)?.data.date ?? '';

describe('the rounds fixture', () => {
  it('is valid and holds continues links', () => {
    expect(validateReportsFolder(roundsReportsDir)).toEqual([]);
    expect(linked.length).toBeGreaterThan(0);
  });
});

describe('chains of rounds', () => {
  it('runs earlier → later through each link, the same chain seen from either end', () => {
    for (const later of linked) {
      const earlier = issues.find((issue) => `${issue.data.report}/${getIssueSlug(issue)}` === later.data.continues);
      expect(earlier, later.id).toBeDefined();
      const fromLater = listRounds(later, index);
      const fromEarlier = listRounds(earlier!, index);
      expect(fromLater).toEqual(fromEarlier);
      expect(fromLater.map((round) => round.issueId)).toEqual([earlier!.id, later.id]);
      const dates = fromLater.map((round) => round.date);
      expect([...dates].sort()).toEqual(dates);
      expect(fromLater[1]).toMatchObject({
        reportId: later.data.report,
        status: later.data.status,
        number: later.data.number,
        date: dateOf(later.data.report),
      });
      expect(getNextRound(earlier!, index)?.issueId).toBe(later.id);
      expect(getNextRound(later, index)).toBeUndefined();
    }
  });
  it('gives a problem without links a chain of its own round', () => {
    const alone = issues.find(
      (issue) => !issue.data.continues && !linked.some((other) => other.data.continues === `${issue.data.report}/${getIssueSlug(issue)}`),
    );
    expect(listRounds(alone!, index).map((round) => round.issueId)).toEqual([alone!.id]);
  });
  it('lists what a report carries on, and how each stands now', () => {
    for (const report of reports) {
      const carried = listCarriedIssues(report.id, issues, index);
      expect(carried.map((item) => item.issue.id)).toEqual(linked.filter((issue) => issue.data.report === report.id).map((issue) => issue.id));
      for (const item of carried) {
        expect(item.earlier.at(-1)?.key).toBe(item.issue.data.continues);
        expect(item.latest.status).toBe(listRounds(item.issue, index).at(-1)?.status);
      }
    }
  });
  it('lists per issuer the chains whose last round is still ongoing', () => {
    for (const issuer of new Set(reports.map((report) => report.data.issuer))) {
      const open = listOpenChains(issuer, issues, index);
      const expected = issues.filter(
        (issue) =>
          issue.data.status === 'ongoing' &&
          reports.find((report) => report.id === issue.data.report)?.data.issuer === issuer &&
          !linked.some((other) => other.data.continues === `${issue.data.report}/${getIssueSlug(issue)}`),
      );
      expect(open.map((chain) => chain.at(-1)?.issueId).sort()).toEqual(expected.map((issue) => issue.id).sort());
      for (const chain of open) expect(chain.at(-1)?.status).toBe('ongoing');
    }
  });
  it('does not loop on a cycle', () => {
    const [a, b] = linked;
    const looped = issues.map((issue) => {
      if (issue.id === a!.id) return { ...issue, data: { ...issue.data, continues: `${b!.data.report}/${getIssueSlug(b!)}` } };
      if (issue.id === b!.id) return { ...issue, data: { ...issue.data, continues: `${a!.data.report}/${getIssueSlug(a!)}` } };
      return issue;
    });
    const loopedA = looped.find((issue) => issue.id === a!.id)!;
    expect(listRounds(loopedA, indexRounds(reports, looped)).map((round) => round.issueId)).toEqual([b!.id, a!.id]);
  });
});

describe('continues validation names the file and the field', () => {
  const [first, second] = linked;
  const fileOf = (issue: typeof first) => `${issue!.data.report}/issues/${getIssueSlug(issue!)}.mdx`;
  // Every error names a file and `continues`; only a schema failure also drops the entry, so the counts then differ too.
  const check = (edits: { file: string; edit: (text: string) => string }[], pattern: RegExp, onlyContinues = true) => {
    const dir = copyReports(roundsReportsDir);
    for (const { file, edit } of edits) editFile(dir, file, edit);
    const errors = validateReportsFolder(dir);
    expect(errors.length, errors.join('\n')).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(pattern);
    expect(errors.some((error) => /\.mdx: continues: /u.test(error))).toBe(true);
    if (onlyContinues) for (const error of errors) expect(error).toMatch(/\.mdx: continues: /u);
  };
  const retarget = (target: string) => (text: string) => text.replace(/^continues: .*$/mu, `continues: ${target}`);

  it('a target that names no problem', () => {
    check(
      [{ file: fileOf(first), edit: retarget(`${first!.data.continues!.split('/')[0]}/ongoing-09`) }],
      /issues\/\S+\.mdx: continues: ".*ongoing-09" names no problem/u,
    );
  });
  it('a target in a report that does not exist', () => {
    check(
      [{ file: fileOf(first), edit: retarget('no-such-report/ongoing-01') }],
      /continues: "no-such-report\/ongoing-01" names no problem: there is no report/u,
    );
  });
  it('a target in the same or a later report', () => {
    const own = `${first!.data.report}/${getIssueSlug(second!.data.report === first!.data.report ? second! : first!)}`;
    check([{ file: fileOf(first), edit: retarget(own) }], /not earlier than this problem's report/u);
  });
  it('two problems continuing the same one', () => {
    check([{ file: fileOf(second), edit: retarget(first!.data.continues!) }], /is already continued by/u);
  });
  it('a cycle', () => {
    // Two problems of the earlier report continuing each other: also not earlier, but the cycle is named as such.
    const earlier = issues.filter((issue) => issue.data.report === first!.data.continues!.split('/')[0]);
    const [x, y] = earlier;
    check(
      [
        { file: fileOf(x), edit: (text) => text.replace(/^shortTitle: .*$/mu, (line) => `${line}\ncontinues: ${y!.data.report}/${getIssueSlug(y!)}`) },
        { file: fileOf(y), edit: (text) => text.replace(/^shortTitle: .*$/mu, (line) => `${line}\ncontinues: ${x!.data.report}/${getIssueSlug(x!)}`) },
      ],
      /continues: the continues links form a cycle: /u,
    );
  });
  it('a value that is not <report-id>/<problem-slug>', () => {
    check([{ file: fileOf(first), edit: retarget('lh-2022 第一个问题') }], /continues: expected <report-id>\/<problem-slug>/u, false);
  });
});

describe('proposing continues for an imported report', () => {
  const issuerOf = (reportId: string) => reports.find((report) => report.id === reportId)!.data.issuer;
  const earliest = [...reports].sort((a, b) => a.data.date.localeCompare(b.data.date))[0]!;
  const open = issues.filter((issue) => issue.data.report === earliest.id);
  const withoutLinks = issues.filter((issue) => !issue.data.continues);

  it('matches titles of an earlier report of the same issuer, ignoring whitespace and punctuation', () => {
    const titles = open.map((issue) => ` ${issue.data.title.replace(/。$/u, '')} `);
    const proposed = proposeContinues({ issuer: earliest.data.issuer, date: '2099-01-01' }, titles, reports, withoutLinks);
    expect(proposed.map((round) => round?.issueId)).toEqual(open.map((issue) => issue.id));
  });
  it('proposes nothing across issuers, for a report not later, or for a problem already continued', () => {
    const titles = open.map((issue) => issue.data.title);
    const other = reports.find((report) => report.data.issuer !== earliest.data.issuer)!;
    expect(proposeContinues({ issuer: other.data.issuer, date: '2099-01-01' }, titles, reports, withoutLinks).every((round) => round === undefined)).toBe(true);
    expect(
      proposeContinues({ issuer: earliest.data.issuer, date: earliest.data.date }, titles, reports, withoutLinks).every((round) => round === undefined),
    ).toBe(true);
    const proposed = proposeContinues({ issuer: issuerOf(earliest.id), date: '2099-01-01' }, titles, reports, issues);
    for (const [position, round] of proposed.entries()) {
      const continued = linked.some((issue) => issue.data.continues === `${open[position]!.data.report}/${getIssueSlug(open[position]!)}`);
      if (continued) expect(round?.issueId).not.toBe(open[position]!.id);
    }
  });
  it('proposes the latest earlier round, and each at most once', () => {
    // The follow-up repeats titles of the earliest report: a third round matches the follow-up's problem, not the first.
    for (const later of linked) {
      const [proposed, again] = proposeContinues(
        { issuer: issuerOf(later.data.report), date: '2099-01-01' },
        [later.data.title, later.data.title],
        reports,
        issues,
      );
      expect(proposed?.issueId).toBe(later.id);
      expect(again).toBeUndefined();
    }
  });
});

describe('the deck section carried (上轮持续整改问题进展)', () => {
  const carriedSlides = (reportId: string, config = getDefaultDeckConfig(), all = issues, allReports = reports) =>
    listPlannedSlides(planDeck(allReports.find((report) => report.id === reportId)!, all, config, allReports)).filter(
      (slide): slide is CarriedSlide => slide.kind === 'carried',
    );

  it('is in the default order after the organisation, for a report that continues an earlier one', () => {
    for (const report of reports) {
      const own = linked.filter((issue) => issue.data.report === report.id);
      const slides = carriedSlides(report.id);
      expect(slides.flatMap((slide) => slide.items.map((item) => item.target))).toEqual(own.map((issue) => getDeckSlideId(getIssueSlug(issue))));
      if (own.length === 0) continue;
      const ids = listPlannedSlideIds(planDeck(report, issues, getDefaultDeckConfig(), reports));
      expect(ids.indexOf('carried')).toBe(ids.indexOf('organisation') + 1);
      for (const [position, item] of slides[0]!.items.entries()) {
        const earlier = issues.find((issue) => `${issue.data.report}/${getIssueSlug(issue)}` === own[position]!.data.continues)!;
        expect(item.previous).toMatchObject({ status: earlier.data.status, number: earlier.data.number, date: { iso: dateOf(earlier.data.report) } });
        expect(slides[0]!.notes).toContain(earlier.data.title);
      }
    }
  });

  it('is left out for a report that continues nothing, even when the config names it, and without the archive’s reports', () => {
    const plain = reports.find((report) => !linked.some((issue) => issue.data.report === report.id))!;
    expect(carriedSlides(plain.id, deckConfigSchema.parse({ sections: ['title', 'carried', 'closing'] }))).toEqual([]);
    const follow = linked[0]!.data.report;
    expect(listPlannedSlides(planDeck(reports.find((report) => report.id === follow)!, issues)).some((slide) => slide.kind === 'carried')).toBe(false);
  });

  it('continues on further slides, marked （续）, when the problems do not fit one', () => {
    const [earlierReport, laterReport] = [...reports].sort((a, b) => a.data.date.localeCompare(b.data.date));
    const count = 14;
    const long = '关于某某领域长期存在的体制机制障碍尚未根本破除、部分配套政策落地见效不够明显、相关工作推进不平衡问题的整改。';
    const make = (report: string, status: 'ongoing' | 'completed', number: number, continues?: string) => ({
      id: `${report}/${status}-${String(number).padStart(2, '0')}`,
      body: '一是持续推进。',
      data: {
        report,
        status,
        number,
        title: `${long}${number}`,
        shortTitle: `问题${number}`,
        highlights: [],
        commitments: [],
        corrections: [],
        ...(continues ? { continues } : {}),
      },
    });
    const synthetic = [
      ...Array.from({ length: count }, (_, i) => make(earlierReport!.id, 'ongoing', i + 1)),
      ...Array.from({ length: count }, (_, i) => make(laterReport!.id, 'completed', i + 1, `${earlierReport!.id}/ongoing-${String(i + 1).padStart(2, '0')}`)),
    ];
    // Only this section: the synthetic entries do not match the reports' declared totals the overview checks.
    const slides = carriedSlides(laterReport!.id, deckConfigSchema.parse({ sections: ['carried'] }), synthetic, [earlierReport!, laterReport!]);
    expect(slides.length).toBeGreaterThan(1);
    expect(slides.map((slide) => slide.id)).toEqual(slides.map((_, index) => (index === 0 ? 'carried' : `carried-${index + 1}`)));
    for (const slide of slides.slice(1)) expect(slide.heading.endsWith('（续）')).toBe(true);
    expect(slides.flatMap((slide) => slide.items.map((item) => item.number))).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    for (const slide of slides) expect(slide.scale.body).toBeGreaterThanOrEqual(20);
  });
});

describe('the carried section in the PowerPoint deck', () => {
  it('renders as native text: the previous round’s date and each problem, with the same notes', () => {
    for (const reportId of new Set(linked.map((issue) => issue.data.report))) {
      const report = reports.find((candidate) => candidate.id === reportId)!;
      const config = deckConfigSchema.parse({ sections: ['carried'] });
      const planned = listPlannedSlides(planDeck(report, issues, config, reports)).filter((slide): slide is CarriedSlide => slide.kind === 'carried');
      const deck = composePptxDeck(report, issues, config, { reports });
      expect(deck.slides.map((slide) => slide.id)).toEqual(planned.map((slide) => slide.id));
      for (const [index, slide] of deck.slides.entries()) {
        const text = JSON.stringify(slide.items);
        for (const item of planned[index]!.items) {
          expect(text).toContain(item.problem);
          expect(text).toContain(item.previous.date.display);
        }
        expect(slide.notes).toBe(planned[index]!.notes);
      }
    }
  });
});
