// The split of a problem's body into lead-in and measures (一是, 二是, …) that the deck, the problem page's
// anchors and search's measure links share, and the printed problem and short titles derived from a title.
import { describe, expect, it } from 'vitest';
import { getBodyText, listMeasurePoints, listMeasures, splitMeasures } from '#src/lib/measures.ts';
import { stripWhitespace } from '#src/lib/text.ts';
import { getPrintedProblem, proposeShortTitle, SHORT_TITLE_MAX } from '#src/lib/titles.ts';
import { findCollectionWarnings } from '#src/lib/validate.ts';
import { readIssuesFromDisk } from '#src/loaders/disk.ts';
import { longReportsDir } from '#tests/helpers/fixtures.ts';

describe('splitMeasures', () => {
  it('splits inline ordinals inside one paragraph, each measure verbatim', () => {
    const body = '一是加强学习。组织学习3次。二是完善制度；修订制度5项。三是强化监督：开展检查。';
    const { leadIn, measures, warnings } = splitMeasures(body);
    expect(leadIn).toEqual([]);
    expect(warnings).toEqual([]);
    expect(measures.map((m) => [m.id, m.ordinal, m.lead, m.text])).toEqual([
      ['measure-1', '一是', '加强学习。', '组织学习3次。'],
      ['measure-2', '二是', '完善制度；', '修订制度5项。'],
      ['measure-3', '三是', '强化监督：开展检查。', ''],
    ]);
    expect(measures.map((m) => m.paragraph).join('')).toBe(body);
  });

  it('splits ordinals that begin paragraphs and keeps a following paragraph without one in the same measure', () => {
    const body = '一是建立台账。\n\n逐项销号。\n\n二是开展复查，\n发现问题4个。\n';
    const { measures } = splitMeasures(body);
    expect(measures.map((m) => m.ordinal)).toEqual(['一是', '二是']);
    expect(measures[0]!.text).toBe('逐项销号。');
    expect(measures[0]!.paragraph).toBe('一是建立台账。\n\n逐项销号。');
    // The wrapped line is joined as the MDX paragraph is; the measure knows the body line it starts on.
    expect(measures[1]!.lead).toBe('开展复查，发现问题4个。');
    expect(measures.map((m) => m.line)).toEqual([1, 5]);
  });

  it('never splits at 唯一是 or 统一是, nor at an ordinal that does not follow 。；： or a paragraph start', () => {
    const body = '一是明确唯一是非标准。统一是本局的要求，其二是指另一件事。二是完善制度。';
    const { measures, warnings } = splitMeasures(body);
    expect(measures.map((m) => m.ordinal)).toEqual(['一是', '二是']);
    expect(measures[0]!.paragraph).toBe('一是明确唯一是非标准。统一是本局的要求，其二是指另一件事。');
    expect(warnings).toEqual([]);
  });

  it('keeps the text before 一是 as the lead-in, not as measure 1', () => {
    const body = '局党组高度重视，逐项制定整改措施：一是建立制度。二是加强培训。\n\n另起一段的说明。';
    const { leadIn, measures } = splitMeasures(body);
    expect(leadIn).toEqual(['局党组高度重视，逐项制定整改措施：']);
    expect(measures.map((m) => m.ordinal)).toEqual(['一是', '二是']);
    expect(measures[1]!.text).toBe('另起一段的说明。');
  });

  it('treats each paragraph of a body without ordinals as a measure of its own', () => {
    const { leadIn, measures } = splitMeasures('修订制度。共3项。\n\n同时加强巡查。');
    expect(leadIn).toEqual([]);
    expect(measures.map((m) => [m.ordinal, m.lead])).toEqual([
      [null, '修订制度。'],
      [null, '同时加强巡查。'],
    ]);
  });

  it('warns, naming the line, where ordinals skip or repeat, and still splits at each (nothing merged)', () => {
    const body = '一是甲。\n\n三是丙。\n二是乙。二是乙又。';
    const { measures, warnings } = splitMeasures(body);
    expect(measures.map((m) => m.ordinal)).toEqual(['一是', '三是', '二是', '二是']);
    expect(warnings.map((w) => w.line)).toEqual([3, 4, 4]);
    expect(warnings[0]!.message).toMatch(/三是 skips: expected 二是/u);
    expect(warnings[2]!.message).toMatch(/二是 repeats/u);
  });

  it('loses no character of any body of the collection or the long fixture', () => {
    for (const dir of [undefined, longReportsDir]) {
      for (const issue of readIssuesFromDisk(dir).issues) {
        const split = splitMeasures(issue.body ?? '');
        const joined = [...split.leadIn, ...split.measures.map((m) => m.paragraph)].join('');
        expect(stripWhitespace(joined), issue.id).toBe(stripWhitespace(getBodyText(issue.body)));
        expect(split.warnings, issue.id).toEqual([]);
      }
    }
  });

  it('splits the eight inline measures of the long fixture', () => {
    const issue = readIssuesFromDisk(longReportsDir).issues.find((entry) => entry.id.endsWith('/completed-01'))!;
    expect(listMeasures(issue.body ?? '').map((m) => m.ordinal)).toEqual(['一是', '二是', '三是', '四是', '五是', '六是', '七是', '八是']);
  });
});

describe('findCollectionWarnings', () => {
  it('names the file and its line for an ordinal out of sequence', () => {
    const issue = {
      id: 'x/completed-01',
      filePath: 'x/issues/completed-01.mdx',
      bodyLine: 9,
      body: '一是甲。\n\n三是丙。',
      data: {} as never,
    };
    const [warning, ...rest] = findCollectionWarnings([issue]);
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ file: 'x/issues/completed-01.mdx', field: 'body' });
    expect(warning!.message).toMatch(/^line 11: 三是 skips/u);
  });
});

describe('titles', () => {
  it('gives the problem as printed without 关于 and （问题）的整改', () => {
    expect(getPrintedProblem('关于自主创新广场缺乏代表性高新技术企业入驻问题的整改。')).toBe('自主创新广场缺乏代表性高新技术企业入驻');
    expect(getPrintedProblem('关于局办公会决策程序流于形式的整改')).toBe('局办公会决策程序流于形式');
    expect(getPrintedProblem('整改')).toBe('整改');
  });

  it('proposes short titles that end on a whole phrase within 20 characters, never with “…”', () => {
    const long = '关于贯彻落实上级关于农村公路建设管理养护运营工作部署要求不到位问题的整改。';
    const short = proposeShortTitle(long);
    expect([...short].length).toBeLessThanOrEqual(SHORT_TITLE_MAX);
    expect(short).not.toMatch(/…/u);
    expect(getPrintedProblem(long).startsWith(short)).toBe(true);
    // It ends where a phrase ends: the next character of the title opens a new one.
    expect(getPrintedProblem(long).slice(short.length)).toMatch(/^(工作|不到位|的|、|，)/u);
    expect(proposeShortTitle('关于政务信息公开不及时问题的整改。')).toBe('政务信息公开不及时');
    for (const issue of readIssuesFromDisk(longReportsDir).issues) {
      const proposed = proposeShortTitle(issue.data.title);
      expect([...proposed].length).toBeLessThanOrEqual(SHORT_TITLE_MAX);
      expect(proposed).not.toMatch(/…/u);
    }
  });
});

describe('listMeasurePoints', () => {
  it('gives a measure with an ordinal as one point and splits a paragraph without ordinals after 。！？；, verbatim', () => {
    expect(listMeasurePoints({ ordinal: '一是', paragraph: '一是加强学习。深入研讨。' })).toEqual(['一是加强学习。深入研讨。']);
    const paragraph = '印发“整改清单”。召开会议！！完成3项；其余“在推进”。 收尾';
    const points = listMeasurePoints({ ordinal: null, paragraph });
    expect(points).toEqual(['印发“整改清单”。', '召开会议！！', '完成3项；', '其余“在推进”。', ' 收尾']);
    expect(points.join('')).toBe(paragraph);
  });
});
