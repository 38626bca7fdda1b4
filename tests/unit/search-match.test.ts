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
    expect(findTerms(text, ['中小企业'])).toEqual([{ start: 1, end: 5 }, { start: 12, end: 17 }]);
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
    const anchors = locateAnchors(content, [{ id: 'measure-1', text: '一是强化部署。' }, { id: 'measure-2', text: '二是加强研究。' }]);
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
