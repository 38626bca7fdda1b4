// The pure matching functions of the search page: normalisation, terms, hits, excerpts and measure anchors.
import { describe, expect, it } from 'vitest';
import { normalizeForMatch } from '../../src/lib/text.ts';
import { buildExcerpt, cleanFragmentText, findAnchorAt, findTerms, locateAnchors, normalizeWithMap, splitQuery } from '../../src/search/match.ts';

describe('search matching', () => {
  it('normalises exactly like normalizeForMatch, keeping a map to the original offsets', () => {
    for (const text of ['苏科资〔2022〕1号', '《科创调研》刊物', '4035.4万元，占 12%', '党\u200b建 工作', 'E2C606 Ab', '“撒胡椒面”']) {
      const { text: normalized, map } = normalizeWithMap(text);
      expect(normalized).toBe(normalizeForMatch(text));
      expect(map).toHaveLength(normalized.length);
      for (let i = 0; i < normalized.length; i += 1) expect(text[map[i]!]!.toLowerCase()).toBe(normalized[i]);
    }
  });

  it('splits queries on any space and drops empty or repeated terms', () => {
    expect(splitQuery('  孵化器\u3000绩效 孵化器 《》 ')).toEqual(['孵化器', '绩效']);
    expect(splitQuery('苏科资〔2022〕1号')).toEqual(['苏科资20221号']);
    expect(splitQuery('，。')).toEqual([]);
  });

  it('requires every term and reports every occurrence in original offsets', () => {
    const text = '在中小企业项目开展前期，中小 企业';
    expect(findTerms(text, ['中小企业'])).toEqual([
      { start: 1, end: 5 },
      { start: 12, end: 17 },
    ]);
    expect(findTerms(text, ['中小企业', '区块链'])).toBeNull();
    expect(findTerms('发布（苏科资〔2022〕1号）', splitQuery('苏科资〔2022〕1号'))).toEqual([{ start: 3, end: 14 }]);
  });

  it('builds an excerpt with the literal match marked', () => {
    const text = `${'甲'.repeat(100)}孵化器${'乙'.repeat(100)}`;
    const parts = buildExcerpt(text, findTerms(text, ['孵化器'])!, 10);
    expect(parts.filter((part) => part.mark).map((part) => part.text)).toEqual(['孵化器']);
    expect(parts[0]!.text).toBe('…');
    expect(parts.map((part) => part.text).join('')).toContain('甲孵化器乙');
  });

  it('cleans Pagefind fragment text and finds the measure a match lies in', () => {
    const content = cleanFragmentText('关于​整​改​. ​一是​强化​部署​。 ​正文​甲. ​二是​加强​研究​。 ​正文​乙​.');
    expect(content).toBe('关于整改 一是强化部署。 正文甲 二是加强研究。 正文乙');
    const anchors = locateAnchors(content, [
      { id: 'measure-1', text: '一是强化部署。' },
      { id: 'measure-2', text: '二是加强研究。' },
    ]);
    expect(findAnchorAt(content.indexOf('正文乙'), anchors)).toBe('measure-2');
    expect(findAnchorAt(content.indexOf('正文甲'), anchors)).toBe('measure-1');
    expect(findAnchorAt(0, anchors)).toBeNull();
  });
});

describe('excerpts for several terms', () => {
  it('shows a window around each term, merged when they overlap', async () => {
    const { findFirstOffsets } = await import('../../src/search/match.ts');
    const text = `${'甲'.repeat(100)}孵化器${'乙'.repeat(100)}绩效${'丙'.repeat(100)}`;
    const terms = ['孵化器', '绩效'];
    const parts = buildExcerpt(text, findTerms(text, terms)!, 10, findFirstOffsets(text, terms));
    expect(parts.filter((part) => part.mark).map((part) => part.text)).toEqual(['孵化器', '绩效']);
    expect(parts.filter((part) => part.text === '…')).toHaveLength(3);
  });
});

describe('the character index', () => {
  it('puts a zero-width space between adjacent characters and takes it out again', async () => {
    const { toIndexedText, fromIndexedText } = await import('../../src/search/match.ts');
    const text = '在中小企业 E2C606，占12% 𠀀字';
    const indexed = toIndexedText(text);
    expect(indexed).toBe('在\u200b中\u200b小\u200b企\u200b业 E\u200b2\u200bC\u200b6\u200b0\u200b6\u200b，\u200b占\u200b1\u200b2\u200b% 𠀀\u200b字');
    expect(fromIndexedText(indexed)).toBe(text);
  });

  it('queries the distinct letters and digits of every term', async () => {
    const { toCharacterQuery } = await import('../../src/search/match.ts');
    expect(toCharacterQuery(splitQuery('中小企业 企业'))).toBe('中 小 企 业');
    expect(toCharacterQuery(splitQuery('苏科资〔2022〕1号'))).toBe('苏 科 资 2 0 1 号');
    expect(toCharacterQuery(splitQuery('4035.4 E2C'))).toBe('4 0 3 5 e 2 c');
    expect(toCharacterQuery(splitQuery('%'))).toBe('');
  });

  it('round-trips measure anchors through record meta', async () => {
    const { encodeAnchors, decodeAnchors } = await import('../../src/search/match.ts');
    const anchors = [
      { id: 'measure-1', start: 12 },
      { id: 'measure-2', start: 80 },
    ];
    expect(decodeAnchors(encodeAnchors(anchors))).toEqual(anchors);
    expect(decodeAnchors(undefined)).toEqual([]);
    expect(decodeAnchors('measure-1:3 bad')).toEqual([{ id: 'measure-1', start: 3 }]);
  });

  it('orders problems by report (newest first), status group and number, then report pages', async () => {
    const { comparePages } = await import('../../src/search/match.ts');
    const page = (url: string, kind: 'issue' | 'report', report: string, status: string | null, number: number | null) => ({
      url,
      kind,
      report,
      status,
      number,
    });
    const pages = [
      page('/r/a/', 'report', 'a-2021', null, null),
      page('/a/o1/', 'issue', 'a-2021', 'ongoing', 1),
      page('/b/c2/', 'issue', 'b-2022', 'completed', 2),
      page('/b/o1/', 'issue', 'b-2022', 'ongoing', 1),
      page('/b/c10/', 'issue', 'b-2022', 'completed', 10),
    ];
    expect([...pages].sort(comparePages).map((entry) => entry.url)).toEqual(['/b/c2/', '/b/c10/', '/b/o1/', '/a/o1/', '/r/a/']);
  });
});
