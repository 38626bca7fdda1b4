// The pure matching functions of the search page: normalisation, terms, hits, excerpts and measure anchors.
import { describe, expect, it } from 'vitest';
import { normalizeForMatch } from '#src/lib/text.ts';
import { findCandidates, orderHits, type SearchHit } from '#src/search/engine.ts';
import { extractIndexedPage } from '#src/search/extract.ts';
import { addBundlePreloads, readBundleFiles } from '#src/search/indexer.ts';
import { buildExcerpt, findAnchorAt, findTerms, normalizeWithMap, splitQuery } from '#src/search/match.ts';
import {
  comparePages,
  decodeAnchors,
  END_OF_RUN,
  encodeAnchors,
  encodeUnit,
  holdsTerm,
  isExactQuery,
  LANGUAGE,
  readRecordMeta,
  TITLE_SPAN,
  toQueryTerm,
  toRecordContent,
  toRecordFilters,
  toRecordMeta,
} from '#src/search/record.ts';

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
    const { findFirstOffsets } = await import('#src/search/match.ts');
    const text = `${'甲'.repeat(100)}孵化器${'乙'.repeat(100)}绩效${'丙'.repeat(100)}`;
    const terms = ['孵化器', '绩效'];
    const parts = buildExcerpt(text, findTerms(text, terms)!, 10, findFirstOffsets(text, terms));
    expect(parts.filter((part) => part.mark).map((part) => part.text)).toEqual(['孵化器', '绩效']);
    expect(parts.filter((part) => part.text === '…')).toHaveLength(3);
  });
});

/** The positions of each word in a record's content, as Pagefind returns them (every word counts, padding too; a
 * single character's code is a prefix, as Pagefind extends every query word to the words it starts). */
function positionsOf(content: string): (word: string) => Set<number> | undefined {
  const words = content.split(' ');
  return (word) => {
    const found = new Set(words.flatMap((candidate, at) => (candidate.startsWith(word) ? [at] : [])));
    return found.size > 0 ? found : undefined;
  };
}

describe('the position index', () => {
  it('codes each character in letters only, no code the start of another, and the run end apart from every code', () => {
    const samples = ['专', '家', 'e', '2', '%', '.', '〇', '\u{20000}', '\u{2A6DF}', '\u{10FFFF}', '\u{E000}'];
    const codes = samples.map(encodeUnit);
    for (const code of codes) expect(code).toMatch(/^[a-z]+$/u);
    expect(new Set(codes).size).toBe(samples.length);
    for (const code of codes) {
      for (const other of codes) if (other !== code) expect(other.startsWith(code)).toBe(false);
      expect(END_OF_RUN.startsWith(code)).toBe(false);
      expect(code.startsWith(END_OF_RUN)).toBe(false);
    }
  });

  it('indexes one pair per normalised character, the last with the run end, the title ending at TITLE_SPAN', () => {
    const [biao, ti, zai, zhong, one, percent] = Array.from('标题在中1%', encodeUnit) as [string, string, string, string, string, string];
    const words = toRecordContent('标题', '标题 在中，1%').split(' ');
    expect(words).toHaveLength(TITLE_SPAN + '在中1%'.length);
    expect(words.slice(0, TITLE_SPAN - 2).every((word) => word === ',')).toBe(true);
    expect(words.slice(TITLE_SPAN - 2)).toEqual([biao + ti, ti + zai, zai + zhong, zhong + one, one + percent, percent + END_OF_RUN]);
    expect(() => toRecordContent('标题', '正文')).toThrow(/does not begin with the title/u);
    // A query asks for pairs at even offsets, the last pair when the length is odd, or one character's code.
    expect(toQueryTerm('标题在中')).toEqual({
      length: 4,
      words: [
        { word: biao + ti, offset: 0 },
        { word: zai + zhong, offset: 2 },
      ],
    });
    expect(toQueryTerm('标题在')).toEqual({
      length: 3,
      words: [
        { word: biao + ti, offset: 0 },
        { word: ti + zai, offset: 1 },
      ],
    });
    expect(toQueryTerm('在')).toEqual({ length: 1, words: [{ word: zai, offset: 0 }] });
  });

  it('finds a term where its pairs sit at their offsets; in the title when it ends by TITLE_SPAN', () => {
    const at = positionsOf(toRecordContent('关于评审环节唯专家论问题的整改', '关于评审环节唯专家论问题的整改 专项 家庭 资〔2022〕金'));
    expect(holdsTerm(toQueryTerm('专家'), at, 'title')).toBe(true);
    expect(holdsTerm(toQueryTerm('专家'), at, 'text')).toBe(true);
    expect(holdsTerm(toQueryTerm('唯专家论'), at, 'title')).toBe(true);
    expect(holdsTerm(toQueryTerm('资2022金'), at, 'text')).toBe(true);
    expect(holdsTerm(toQueryTerm('资2022金'), at, 'title')).toBe(false);
    expect(holdsTerm(toQueryTerm('项家'), at, 'text')).toBe(true);
    expect(holdsTerm(toQueryTerm('家项'), at, 'text')).toBe(false);
    expect(holdsTerm(toQueryTerm('区块链'), at, 'text')).toBe(false);
    // One character: every pair it starts, and the end of a run.
    expect(holdsTerm(toQueryTerm('改'), at, 'title')).toBe(true);
    expect(holdsTerm(toQueryTerm('金'), at, 'text')).toBe(true);
    expect(holdsTerm(toQueryTerm('金'), at, 'title')).toBe(false);
    // Both pairs present, but not at offsets 0 and 2 from one start.
    expect(holdsTerm(toQueryTerm('专家项家'), at, 'text')).toBe(false);
    // Across the title's end: in the text, not in the title.
    expect(holdsTerm(toQueryTerm('整改专项'), at, 'text')).toBe(true);
    expect(holdsTerm(toQueryTerm('整改专项'), at, 'title')).toBe(false);
  });

  it('counts only the first TITLE_SPAN characters of a longer title as the title', () => {
    const title = `${'甲'.repeat(TITLE_SPAN)}乙丙`;
    const at = positionsOf(toRecordContent(title, `${title}正文`));
    expect(holdsTerm(toQueryTerm('甲甲'), at, 'title')).toBe(true);
    expect(holdsTerm(toQueryTerm('乙丙'), at, 'title')).toBe(false);
    expect(holdsTerm(toQueryTerm('乙丙'), at, 'text')).toBe(true);
  });

  it('finds candidates from the positions of all words together, title candidates apart', () => {
    const records = [
      { id: 'a', title: '其他问题', text: '其他问题 科技创新意见' },
      { id: 'b', title: '科技创新问题', text: '科技创新问题 正文' },
      { id: 'c', title: '科技', text: '科技 其他 创新' },
      { id: 'd', title: '创新科技', text: '创新科技 科技创新' },
    ];
    const term = toQueryTerm('科技创新');
    // What one Pagefind search for both pairs returns: the records holding both, with the positions of either.
    const results = records.flatMap((record) => {
      const at = positionsOf(toRecordContent(record.title, record.text));
      const found = term.words.map(({ word }) => at(word));
      if (found.some((positions) => positions === undefined)) return [];
      return [{ id: record.id, words: found.flatMap((positions) => [...(positions ?? [])]).sort((x, y) => x - y) }];
    });
    const candidates = findCandidates([term], results);
    // c holds both pairs apart; d's title holds them in the other order: a title candidate the fragment check corrects.
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

describe('the search page and its bundle', () => {
  const entry = JSON.stringify({ version: '1.6.0', languages: { [LANGUAGE]: { hash: `${LANGUAGE}_abc`, wasm: null, page_count: 3 } } });

  it('preloads the entry (named by the metadata hash), the metadata and the WebAssembly', () => {
    expect(readBundleFiles(entry)).toEqual({
      tag: `${LANGUAGE}_abc`,
      files: [`pagefind-entry.json?ts=${LANGUAGE}_abc`, `pagefind.${LANGUAGE}_abc.pf_meta`, 'wasm.unknown.pagefind'],
    });
    expect(() => readBundleFiles(JSON.stringify({ languages: { en: { hash: 'en_x' } } }))).toThrow(new RegExp(`no ${LANGUAGE} index`, 'u'));
  });

  it('tags the link of Pagefind’s script and preloads the files after the scripts of the page', () => {
    const html =
      '<head><link rel="modulepreload" href="/kit/pagefind/pagefind.js" data-pagefind-preload></head><body><script type="module" src="/kit/a.js"></script></body>';
    const linked = addBundlePreloads(html, readBundleFiles(entry)) ?? '';
    expect(linked).toContain(`<link rel="modulepreload" href="/kit/pagefind/pagefind.js" data-pagefind-tag="${LANGUAGE}_abc">`);
    expect(linked).not.toContain('data-pagefind-preload');
    expect(linked.indexOf('/kit/a.js')).toBeLessThan(linked.indexOf('rel="preload"'));
    expect(linked).toContain(`<link rel="preload" as="fetch" crossorigin href="/kit/pagefind/pagefind.${LANGUAGE}_abc.pf_meta">`);
    expect(linked).toMatch(/wasm\.unknown\.pagefind"><\/body>$/u);
    expect(addBundlePreloads('<body></body>', readBundleFiles(entry))).toBeNull();
  });
});

describe('the count before any fragment is fetched', () => {
  /** A seeded generator, so a failure can be replayed. */
  function makeRandom(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
  }

  it('finds every page holding the terms, and no other where isExactQuery says the count is exact', () => {
    const random = makeRandom(7);
    const alphabet = Array.from('甲乙丙丁');
    const pick = (length: number) => Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    const pages = Array.from({ length: 40 }, (_, at) => ({ id: String(at), title: pick(3), body: pick(12) }));
    let exactQueries = 0;
    let exactTriples = 0;
    for (let round = 0; round < 400; round += 1) {
      const terms = [...new Set(Array.from({ length: 1 + Math.floor(random() * 2) }, () => pick(1 + Math.floor(random() * 4))))];
      const queryTerms = terms.map(toQueryTerm);
      const words = [...new Set(queryTerms.flatMap((term) => term.words.map((query) => query.word)))];
      // What one Pagefind search for all the words returns: pages holding each word (a prefix), positions merged.
      const results = pages.flatMap((page) => {
        const at = positionsOf(toRecordContent(page.title, `${page.title}${page.body}`));
        const found = words.map((word) => at(word));
        if (found.some((positions) => positions === undefined)) return [];
        return [{ id: page.id, words: found.flatMap((positions) => [...(positions ?? [])]) }];
      });
      const candidates = findCandidates(queryTerms, results).map((candidate) => candidate.result.id);
      const truth = pages.filter((page) => terms.every((term) => `${page.title}${page.body}`.includes(term))).map((page) => page.id);
      expect(candidates).toEqual(expect.arrayContaining(truth));
      if (isExactQuery(terms)) {
        exactQueries += 1;
        if (terms.some((term) => term.length === 3)) exactTriples += 1;
        expect(candidates, terms.join(' ')).toEqual(truth);
      }
    }
    // The rule must let enough queries through to be tested, three-character ones among them.
    expect(exactQueries).toBeGreaterThan(100);
    expect(exactTriples).toBeGreaterThan(20);
    expect(isExactQuery(['孵化器', '绩效'])).toBe(true);
    expect(isExactQuery(['科技创新'])).toBe(false);
    expect(isExactQuery(['化器', '器化'])).toBe(true);
    expect(isExactQuery(['孵化器', '器材'])).toBe(false);
    expect(isExactQuery(['孵化器', '孵'])).toBe(false);
  });
});
