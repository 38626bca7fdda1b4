import { describe, expect, it } from 'vitest';
import { getCharEm, getExcelTextWidth, isWideChar } from '#src/lib/char-width.ts';
import { formatDue, getDuePeriod, listCommitments } from '#src/lib/commitments.ts';
import { findCitations, listCitedDocuments, listIssueDocuments } from '#src/lib/documents.ts';
import type { IssueEntry, ReportEntry } from '#src/lib/entries.ts';
import { formatFileSize } from '#src/lib/files.ts';
import { formatSourceLabel } from '#src/lib/labels.ts';
import { splitParagraphs } from '#src/lib/mdx-blocks.ts';
import { getBodyText, listMeasures } from '#src/lib/measures.ts';
import { compareIssues, getAdjacentIssues, getIssueSlug, listIssuesByStatus, listReportIssues, sortReportsNewestFirst } from '#src/lib/order.ts';
import { formatShare, getReportStats } from '#src/lib/stats.ts';
import { compactChineseSpacing, escapeMdx, normalizeForMatch } from '#src/lib/text.ts';
import { getReportTimeline } from '#src/lib/timeline.ts';
import { getPublicUrl, normalizeBase } from '#src/lib/urls.ts';
import { readIssuesFromDisk, readReportsFromDisk } from '#src/loaders/disk.ts';
import { minimalReportsDir } from '#tests/helpers/fixtures.ts';

const { reports } = readReportsFromDisk(minimalReportsDir);
const { issues } = readIssuesFromDisk(minimalReportsDir);
const report = reports[0] as ReportEntry;

const make = (id: string, status: 'completed' | 'ongoing', number: number, body = '正文。', reportId = report.id): IssueEntry => ({
  id,
  body,
  data: { report: reportId, status, number, title: `关于问题${number}的整改`, shortTitle: `问题${number}`, highlights: [], commitments: [], corrections: [] },
});

describe('statistics', () => {
  it('counts problems by status from the entries', () => {
    // The fixture's report.yaml states its totals, independently of the entries the function counts.
    const { declared } = report.data;
    const stats = getReportStats(report, issues);
    expect(stats.completed).toBe(declared.completed);
    expect(stats.ongoing).toBe(declared.ongoing);
    expect(stats.total).toBe(declared.problems);
    expect(stats.shareCompleted).toBeCloseTo((declared.completed ?? Number.NaN) / (declared.problems ?? Number.NaN));
    expect(stats.matchesDeclared).toBe(true);
    expect(stats.allStated).toBe(true);
    expect(stats.totals.every((total) => total.stated)).toBe(true);
    const three = [make('a', 'completed', 1), make('b', 'ongoing', 1), make('c', 'ongoing', 2)];
    expect(getReportStats(report, three)).toMatchObject({ completed: 1, ongoing: 2, total: 3 });
  });
  it('notices when the entries differ from the declared totals', () => {
    const stats = getReportStats(report, [...issues, make('x', 'ongoing', 2)]);
    expect(stats.matchesDeclared).toBe(false);
    expect(stats.ongoing).toBe(2);
  });
  it('shows only the totals a report states; the others are the counts, marked as not stated', () => {
    const partial = { ...report, data: { ...report.data, declared: { completed: 1 } } };
    const three = [make('a', 'completed', 1), make('b', 'ongoing', 1), make('c', 'ongoing', 2)];
    const stats = getReportStats(partial, three);
    expect(stats.totals).toEqual([
      { key: 'problems', value: 3, stated: false },
      { key: 'completed', value: 1, stated: true },
      { key: 'ongoing', value: 2, stated: false },
    ]);
    expect(stats.allStated).toBe(false);
    expect(stats.matchesDeclared).toBe(true);
    expect(getReportStats({ ...report, data: { ...report.data, declared: {} } }, three).matchesDeclared).toBe(true);
    expect(getReportStats(partial, [make('a', 'completed', 1), make('d', 'completed', 2)]).matchesDeclared).toBe(false);
  });
  it('ignores other reports and handles an empty report', () => {
    expect(getReportStats(report, [make('y', 'completed', 1, '正文。', 'other')]).total).toBe(0);
    expect(getReportStats(report, []).shareCompleted).toBe(0);
    expect(formatShare(22 / 25)).toBe('88%');
    expect(formatShare(2 / 3)).toBe('66.7%');
  });
});

describe('file sizes', () => {
  it('reads bytes, KB and MB with one decimal', () => {
    expect(formatFileSize(0)).toBe('0 B');
    expect(formatFileSize(1023)).toBe('1023 B');
    expect(formatFileSize(1024)).toBe('1.0 KB');
    expect(formatFileSize(28563)).toBe('27.9 KB');
    expect(formatFileSize(3 * 1024 * 1024 + 200 * 1024)).toBe('3.2 MB');
    expect(() => formatFileSize(-1)).toThrow(/not a byte count/u);
    expect(formatSourceLabel('PDF', formatFileSize(2048))).toBe('原文（PDF，2.0 KB）');
  });
});

describe('order', () => {
  const shuffled = [make('o2', 'ongoing', 2), make('c10', 'completed', 10), make('o1', 'ongoing', 1), make('c2', 'completed', 2)];
  it('puts completed before ongoing, then by number (not by text)', () => {
    expect(listReportIssues(report.id, shuffled).map((i) => i.id)).toEqual(['c2', 'c10', 'o1', 'o2']);
    expect(listIssuesByStatus(report.id, 'ongoing', shuffled).map((i) => i.id)).toEqual(['o1', 'o2']);
    expect(compareIssues(shuffled[0] as IssueEntry, shuffled[1] as IssueEntry)).toBeGreaterThan(0);
  });
  it('finds neighbours across the status boundary', () => {
    const { prev, next } = getAdjacentIssues(shuffled[2] as IssueEntry, shuffled);
    expect(prev?.id).toBe('c10');
    expect(next?.id).toBe('o2');
    expect(getAdjacentIssues(shuffled[3] as IssueEntry, shuffled).prev).toBeUndefined();
  });
  it('makes stable slugs and sorts reports newest first', () => {
    // The slug is the file name: the seed's completed-07, a grouped report's 02-01-03.
    expect(getIssueSlug(make('szkj/completed-07', 'completed', 7))).toBe('completed-07');
    expect(getIssueSlug(make('other/02-01-03', 'ongoing', 3))).toBe('02-01-03');
    const older = { ...report, id: 'older', data: { ...report.data, date: '2020-01-01' } };
    expect(sortReportsNewestFirst([older, report]).map((r) => r.id)).toEqual([report.id, 'older']);
  });
});

describe('measures', () => {
  it('splits a body into measures with ordinal, lead phrase and text', () => {
    const measures = listMeasures('一是修订制度。共修订制度12项。\n\n二是加强培训。组织学习。');
    expect(measures).toHaveLength(2);
    expect(measures[0]).toMatchObject({ index: 1, id: 'measure-1', ordinal: '一是', lead: '修订制度。', text: '共修订制度12项。' });
    expect(measures[1]?.ordinal).toBe('二是');
  });
  it('treats a body without ordinals as one measure per paragraph', () => {
    const [only] = listMeasures('全面清理历史档案，建立电子台账。');
    expect(only).toMatchObject({ ordinal: null, lead: '全面清理历史档案，建立电子台账。', text: '' });
  });
  it('joins soft-wrapped lines and unescapes MDX', () => {
    expect(getBodyText('一是\\{甲\\}\n乙。\n\n二是丙。')).toBe('一是{甲}乙。\n\n二是丙。');
  });
});

describe('cited documents', () => {
  it('pairs a title with the document number that follows it', () => {
    expect(findCitations('印发《关于2022年市科技计划组织实施的意见》（苏科资〔2022〕1号）和《科创调研》。')).toEqual([
      { title: '关于2022年市科技计划组织实施的意见', number: '苏科资〔2022〕1号' },
      { title: '科创调研', number: null },
    ]);
  });
  it('finds a bare document number', () => {
    expect(findCitations('依据苏科规〔2019〕2号执行。')).toEqual([{ title: null, number: '苏科规〔2019〕2号' }]);
    expect(findCitations('（苏科规〔2019〕2号）')).toEqual([{ title: null, number: '苏科规〔2019〕2号' }]);
  });
  it('lists each document once with every problem citing it', () => {
    const a = make('a', 'completed', 1, '《甲办法》（苏科规〔2022〕1号）');
    const b = make('b', 'completed', 2, '再次执行《甲办法》（苏科规〔2022〕1号）。另见《乙》。');
    const documents = listCitedDocuments([b, a]);
    expect(documents[0]).toMatchObject({ number: '苏科规〔2022〕1号', title: '甲办法', citedBy: ['a', 'b'] });
    expect(documents[1]).toMatchObject({ title: '乙', number: null, citedBy: ['b'] });
    expect(listIssueDocuments(b).map((d) => d.key)).toEqual(['苏科规〔2022〕1号', '《乙》']);
  });
  it('finds the fixture citations', () => {
    const keys = listCitedDocuments(issues).map((d) => d.key);
    expect(keys).toContain('示财规〔2023〕1号');
    expect(listCitedDocuments(issues).find((d) => d.key === '示财规〔2023〕1号')?.citedBy).toHaveLength(2);
  });
  it("files a title cited bare under the index's entry for it, where the number is cited elsewhere", () => {
    const documents = listCitedDocuments(issues);
    for (const issue of issues) {
      const keys = listIssueDocuments(issue, documents).map((d) => d.key);
      expect(keys.filter((key) => !documents.some((document) => document.key === key))).toEqual([]);
    }
    // completed-02 cites 《示例局财务管理办法》 bare; completed-01 gives its number.
    const bare = issues.find((issue) => issue.id.endsWith('completed-02'))!;
    expect(listIssueDocuments(bare).map((d) => d.key)).toContain('《示例局财务管理办法》');
    expect(listIssueDocuments(bare, documents).map((d) => d.key)).toContain('示财规〔2023〕1号');
  });
});

describe('commitments and timeline', () => {
  it('reads due periods', () => {
    expect(getDuePeriod('2022-02')).toEqual({ start: '2022-02-01', end: '2022-02-28' });
    expect(getDuePeriod('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(getDuePeriod('2022')).toEqual({ start: '2022-01-01', end: '2022-12-31' });
    expect(getDuePeriod('2022-03-05')).toEqual({ start: '2022-03-05', end: '2022-03-05' });
    expect(formatDue('2022-03')).toBe('2022年3月');
  });
  it('sorts soonest first and marks due or past due against the report date', () => {
    const withDates = (id: string, due: string) => ({
      ...make(id, 'completed', Number(id.slice(1)), `承诺${id}。`),
      data: { ...make(id, 'completed', 1).data, number: Number(id.slice(1)), commitments: [{ due, quote: `承诺${id}` }] },
    });
    const list = listCommitments([report], [withDates('c3', '2023-07'), withDates('c1', '2023-06'), withDates('c2', '2022')]);
    expect(list.map((c) => c.issueId)).toEqual(['c2', 'c1', 'c3']);
    // A year-long period is due at its end, after a month inside it.
    expect(listCommitments([report], [withDates('c4', '2023'), withDates('c5', '2023-03')]).map((c) => c.issueId)).toEqual(['c5', 'c4']);
    // The fixture report is dated 2023-06-30: 2022 and June 2023 have ended by then or end that day.
    expect(list.map((c) => c.state)).toEqual(['past-due', 'due', 'due']);
  });
  it('orders the timeline by date and includes the commitments', () => {
    const timeline = getReportTimeline(report, issues);
    const dates = timeline.map((event) => event.date);
    expect(dates).toEqual([...dates].sort());
    expect(timeline[0]?.date).toBe(report.data.inspection.start);
    expect(timeline.some((event) => event.kind === 'commitment' && event.display === '2023年9月')).toBe(true);
    expect(timeline.at(-1)?.kind).toBe('commitment');
    expect(timeline.find((e) => e.kind === 'report')?.date).toBe(report.data.date);
  });
});

describe('text', () => {
  it('removes extraction spaces beside Chinese but keeps a space printed inside quotes', () => {
    expect(compactChineseSpacing('2021年 7月 21日至 2021年')).toBe('2021年7月21日至2021年');
    expect(compactChineseSpacing('意见 建议， 请及 时向我')).toBe('意见建议，请及时向我');
    expect(compactChineseSpacing('开设“加速推进科技自立自强 打造产业科技创新高地”专栏')).toBe('开设“加速推进科技自立自强 打造产业科技创新高地”专栏');
    expect(compactChineseSpacing('看苏州 APP等平台')).toBe('看苏州APP等平台');
  });
  it('escapes MDX syntax so the syntax tree gives the text back', () => {
    const text = '<script>{x}</script> *a* #b';
    expect(splitParagraphs(escapeMdx(text))).toEqual([text]);
    expect(escapeMdx(text)).not.toMatch(/(^|[^\\])[<{]/u);
    expect(splitParagraphs(`${escapeMdx('甲<乙>')}\n\n丙`)).toEqual(['甲<乙>', '丙']);
  });
  it('normalises for matching: no spaces, zero-width characters or brackets', () => {
    expect(normalizeForMatch('苏科资 〔2022〕\u200b1号')).toBe('苏科资20221号');
    expect(normalizeForMatch('4035.4 万元')).toBe('4035.4万元');
  });
});

describe('character widths', () => {
  it('gives Han characters one em for every renderer and two Excel columns, Latin less', () => {
    for (const face of ['web', 'office'] as const) {
      expect(getCharEm('整', face)).toBe(1);
      expect(getCharEm('“', face)).toBe(1);
      expect(getCharEm('a', face)).toBeLessThan(1);
    }
    // The office faces set Latin wider than the browser's Noto Sans SC.
    expect(getCharEm('a', 'office')).toBeGreaterThan(getCharEm('a', 'web'));
    expect(isWideChar('，')).toBe(true);
    expect(isWideChar('𠀀')).toBe(true);
    expect(isWideChar('a')).toBe(false);
    expect(getExcelTextWidth('问题ab𠀀')).toBe(8);
  });
});

describe('base path and public URLs', () => {
  it('normalises any spelling of a base path to /x/y/', () => {
    for (const given of ['', '/', '//']) expect(normalizeBase(given)).toBe('/');
    for (const given of ['archive', '/archive', 'archive/', '/archive//']) expect(normalizeBase(given)).toBe('/archive/');
    expect(normalizeBase('/kit/archive')).toBe('/kit/archive/');
  });
  it('resolves a site path against the public origin and the base, with or without slashes', () => {
    expect(getPublicUrl('https://example.org', '/archive', 'reports/x/')).toBe('https://example.org/archive/reports/x/');
    expect(getPublicUrl('https://example.org/', 'archive/', '/reports/x/')).toBe('https://example.org/archive/reports/x/');
    expect(getPublicUrl('https://example.org', '/', 'reports/x/')).toBe('https://example.org/reports/x/');
  });
});
