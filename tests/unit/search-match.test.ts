// The pure matching functions of the search page: normalisation, terms, hits, excerpts and measure anchors.
import { describe, expect, it } from 'vitest';
import { normalizeForMatch } from '../../src/lib/text.ts';
import { findCandidates, orderHits, type SearchHit } from '../../src/search/engine.ts';
import { extractIndexedPage } from '../../src/search/extract.ts';
import { buildExcerpt, findAnchorAt, findTerms, normalizeWithMap, splitQuery } from '../../src/search/match.ts';
import {
  comparePages,
  decodeAnchors,
  encodeAnchors,
  holdsTerm,
  readRecordMeta,
  TITLE_SPAN,
  toQueryWords,
  toRecordContent,
  toRecordFilters,
  toRecordMeta,
} from '../../src/search/record.ts';

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

  it('reads a page body as textContent would, with measure anchors and the first h1 as title', () => {
    const html = `<html><body><nav>首页</nav><article data-pagefind-body data-kind="issue" data-report="r-1" data-date="2022-04-22">
      <p class="kicker" data-pagefind-ignore><span>已整改完成</span>的问题</p><h1>关于整改&amp;<b>落实</b>的问题</h1>
      <section><h2 data-pagefind-ignore>整改措施</h2><section><h3 id="measure-1">一是强化部署。</h3><p>正文甲<br>续&#x3002;</p></section>
      <section><h3 id="measure-2">二是加强研究。</h3><script>var x = "<p>不算</p>";</script><p>正文乙</p></section></section></article><footer>页脚</footer></body></html>`;
    const page = extractIndexedPage(html)!;
    expect(page.attributes['data-report']).toBe('r-1');
    expect(page.attributes['data-date']).toBe('2022-04-22');
    expect(page.title).toBe('关于整改&落实的问题');
    expect(page.text.replace(/\s/gu, '')).toBe('关于整改&落实的问题一是强化部署。正文甲续。二是加强研究。正文乙');
    expect(page.text).not.toContain('页脚');
    expect(findAnchorAt(page.text.indexOf('正文乙'), page.anchors)).toBe('measure-2');
    expect(findAnchorAt(page.text.indexOf('正文甲'), page.anchors)).toBe('measure-1');
    expect(findAnchorAt(0, page.anchors)).toBeNull();
    expect(extractIndexedPage('<main><p>x</p></main>')).toBeNull();
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

/** The positions of each word in a record's content, as Pagefind returns them (every word counts, padding too). */
function positionsOf(content: string): (word: string) => Set<number> | undefined {
  const words = content.split(' ');
  return (word) => {
    const found = new Set(words.flatMap((candidate, at) => (candidate === word ? [at] : [])));
    return found.size > 0 ? found : undefined;
  };
}

describe('the position index', () => {
  it('indexes one word per normalised character, tokens for characters Pagefind would drop', () => {
    expect(toQueryWords('e2c')).toEqual(['e', '2', 'c']);
    expect(toQueryWords('4035.4%')).toEqual(['4', '0', '3', '5', '_x00002e', '4', '_x000025']);
    const content = toRecordContent('标题', '在中小企业，占12%');
    const words = content.split(' ');
    expect(words.slice(0, 3)).toEqual(['标', '题', ',']);
    expect(words).toHaveLength(TITLE_SPAN + '在中小企业占12%'.length);
    expect(words.slice(TITLE_SPAN)).toEqual(['在', '中', '小', '企', '业', '占', '1', '2', '_x000025']);
  });

  it('finds a term where its characters are consecutive, in the title or in the text', () => {
    const at = positionsOf(toRecordContent('关于评审环节唯专家论问题的整改', '关于评审环节唯专家论问题的整改 专项 家庭 资〔2022〕金'));
    expect(holdsTerm(toQueryWords('专家'), at, 'title')).toBe(true);
    expect(holdsTerm(toQueryWords('专家'), at, 'text')).toBe(true);
    expect(holdsTerm(toQueryWords('资2022金'), at, 'text')).toBe(true);
    expect(holdsTerm(toQueryWords('资2022金'), at, 'title')).toBe(false);
    expect(holdsTerm(toQueryWords('项家'), at, 'text')).toBe(true);
    expect(holdsTerm(toQueryWords('家项'), at, 'text')).toBe(false);
    expect(holdsTerm(toQueryWords('区块链'), at, 'text')).toBe(false);
    // The padding keeps the title's end and the text's start apart.
    expect(holdsTerm(toQueryWords('整改关于'), at, 'text')).toBe(false);
  });

  it('finds candidates from the positions of all words together, title candidates apart', () => {
    const records = [
      { id: 'a', title: '其他问题', text: '其他问题 专家意见' },
      { id: 'b', title: '唯专家论问题', text: '唯专家论问题 正文' },
      { id: 'c', title: '专项', text: '专项 家' },
      { id: 'd', title: '家专', text: '家专 专家' },
    ];
    // What one Pagefind search for 专 and 家 returns: the pages holding both, with the positions of either.
    const results = records.flatMap((record) => {
      const at = positionsOf(toRecordContent(record.title, record.text));
      const words = [...(at('专') ?? []), ...(at('家') ?? [])].sort((x, y) => x - y);
      return at('专') && at('家') ? [{ id: record.id, words }] : [];
    });
    const candidates = findCandidates([toQueryWords('专家')], results);
    // c has no run of two; d's title run is 家专, the wrong order: a title candidate that the fragment check corrects.
    expect(candidates.map((candidate) => [candidate.result.id, candidate.titleHit])).toEqual([
      ['a', false],
      ['b', true],
      ['d', true],
    ]);
  });

  it('takes title hits first for relevance, a false title candidate at its place among the rest; date order otherwise', async () => {
    const hit = (url: string, titleHit: boolean): SearchHit => ({
      url,
      href: url,
      title: url,
      kind: 'issue',
      status: null,
      report: 'r',
      number: null,
      titleHit,
      titleParts: [],
      excerpt: [],
    });
    // Date order: a b c d e; b and d look like title hits, but only b is one.
    const truth: Record<string, SearchHit | null> = { a: hit('a', false), b: hit('b', true), c: null, d: hit('d', false), e: hit('e', false) };
    const candidates = ['a', 'b', 'c', 'd', 'e'].map((id, index) => ({ result: id, index, titleHit: id === 'b' || id === 'd' }));
    const verify = async (candidate: { result: string }) => truth[candidate.result] ?? null;
    const relevance = orderHits(candidates, 'relevance', verify);
    const taken = [...(await relevance.next(2)), ...(await relevance.next(5))].map((found) => found.url);
    expect(taken).toEqual(['b', 'a', 'd', 'e']);
    expect(relevance.exhausted).toBe(true);
    const byDate = orderHits(candidates, 'date', verify);
    expect((await byDate.next(10)).map((found) => found.url)).toEqual(['a', 'b', 'd', 'e']);
  });

  it('round-trips measure anchors through record meta', () => {
    const anchors = [
      { id: 'measure-1', start: 12 },
      { id: 'measure-2', start: 80 },
    ];
    expect(decodeAnchors(encodeAnchors(anchors))).toEqual(anchors);
    expect(decodeAnchors(undefined)).toEqual([]);
    expect(decodeAnchors('measure-1:3 bad')).toEqual([{ id: 'measure-1', start: 3 }]);
  });

  it('reads back what it wrote: kind, number and status from meta', () => {
    const page = {
      url: '/r/i/',
      kind: 'issue' as const,
      title: 'T',
      report: 'r',
      issuer: 'I',
      date: '2022-01-01',
      status: 'ongoing',
      number: 3,
      text: 'x',
      anchors: [],
    };
    expect(readRecordMeta(page.url, toRecordMeta(page))).toEqual({ ...page, date: undefined, issuer: undefined, anchors: [] });
    expect(toRecordFilters(page)).toEqual({ kind: ['issue'], report: ['r'], status: ['ongoing'], issuer: ['I'] });
    expect(readRecordMeta('/r/', { kind: 'report', number: 'x' })).toMatchObject({ kind: 'report', number: null, status: null });
  });

  it('orders by report date, newest first, even where ids sort the other way', () => {
    const page = (url: string, kind: 'issue' | 'report', report: string, date: string, status: string | null, number: number | null) => ({
      url,
      kind,
      report,
      date,
      status,
      number,
    });
    // The older report has the later id: ids alone would put it first.
    const pages = [
      page('/z/', 'report', 'z-old', '2021-03-01', null, null),
      page('/z/o1/', 'issue', 'z-old', '2021-03-01', 'ongoing', 1),
      page('/a/c2/', 'issue', 'a-new', '2023-05-10', 'completed', 2),
      page('/a/o1/', 'issue', 'a-new', '2023-05-10', 'ongoing', 1),
      page('/a/c10/', 'issue', 'a-new', '2023-05-10', 'completed', 10),
      page('/a/', 'report', 'a-new', '2023-05-10', null, null),
    ];
    expect([...pages].sort(comparePages).map((entry) => entry.url)).toEqual(['/a/c2/', '/a/c10/', '/a/o1/', '/a/', '/z/o1/', '/z/']);
  });
});
