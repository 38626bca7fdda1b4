// The pure matching functions of the search page: normalisation, terms, hits, excerpts and measure anchors.
import { describe, expect, it } from 'vitest';
import { normalizeForMatch } from '#src/lib/text.ts';
import { findCandidates, orderHits, placeResults, type SearchHit } from '#src/search/engine.ts';
import { extractIndexedPage } from '#src/search/extract.ts';
import { addBundlePreloads, listBundleFiles } from '#src/search/indexer.ts';
import { buildExcerpt, findAnchorAt, findTerms, normalizeWithMap, splitQuery } from '#src/search/match.ts';
import {
  comparePages,
  END_OF_RUN,
  encodeUnit,
  findPlace,
  getShardFolders,
  holdsTerm,
  isExactQuery,
  ONE_PIECE,
  type OrderKey,
  placeShards,
  readSearchRecord,
  TITLE_SPAN,
  toQueryTerm,
  toRecordContent,
  toRecordFilters,
  toSearchRecord,
} from '#src/search/record.ts';
import { getShardMode } from '#src/search/shard-mode.ts';

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

  it('reads back the record it wrote: kind, number, status and anchors', () => {
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
      anchors: [
        { id: 'measure-2', start: 80 },
        { id: 'measure-1', start: 12 },
      ],
    };
    const written = JSON.parse(JSON.stringify(toSearchRecord(page)));
    expect(readSearchRecord(written, 'r.json')).toEqual({ ...page, date: undefined, issuer: undefined });
    expect(written).not.toHaveProperty('date');
    expect(toRecordFilters(page, ONE_PIECE)).toEqual({ kind: ['issue'], report: ['r'], status: ['ongoing'], issuer: ['I'], shard: [ONE_PIECE] });
    expect(() => readSearchRecord({ url: '/r/' }, 'bad.json')).toThrow(/bad\.json: not a search record/u);
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
  const names = ['fragment', 'index', 'pagefind-entry.json', 'pagefind.js', 'pagefind.unknown_abc.pf_meta', 'wasm.unknown.pagefind', 'pagefind-ui.js'];
  const entry = new TextEncoder().encode('{"version":"1.6.0"}');
  const shards = placeShards([
    { name: ONE_PIECE, ...getShardFolders(ONE_PIECE), pages: [] },
    { name: 'x', ...getShardFolders('x'), pages: [] },
  ]);

  it('preloads the entry (tagged by its own hash), the metadata and the WebAssembly, named from the bundle’s files', () => {
    const bundle = listBundleFiles(names, entry);
    expect(bundle.tag).toMatch(/^[0-9a-f]{16}$/u);
    expect(listBundleFiles(names, new TextEncoder().encode('{"version":"1.6.1"}')).tag).not.toBe(bundle.tag);
    expect(bundle.files).toEqual([`pagefind-entry.json?ts=${bundle.tag}`, 'pagefind.unknown_abc.pf_meta', 'wasm.unknown.pagefind']);
    expect(() => listBundleFiles([...names, 'pagefind.unknown_def.pf_meta'], entry)).toThrow(/2 metadata .*Pagefind upgrade/u);
    expect(() =>
      listBundleFiles(
        names.filter((name) => name !== 'pagefind-entry.json'),
        entry,
      ),
    ).toThrow(/no pagefind-entry\.json/u);
  });

  it('points Pagefind’s script link at the first shard with its tag and shards, and preloads after the scripts of the page', () => {
    const one = placeShards([
      { name: ONE_PIECE, ...getShardFolders(ONE_PIECE), pages: [{ url: '/a/', kind: 'report', report: 'a', date: '2022-01-01', status: null, number: null }] },
    ]);
    const html =
      '<head><link rel="modulepreload" href="/kit/pagefind/pagefind.js" data-pagefind-preload></head><body><script type="module" src="/kit/a.js"></script></body>';
    const bundle = listBundleFiles(names, entry);
    const linked = addBundlePreloads(html, one, bundle) ?? '';
    expect(linked).toContain(
      `<link rel="modulepreload" href="/kit/pagefind/pagefind.js" data-pagefind-preload="/kit/" data-pagefind-tag="${bundle.tag}" data-search-shards="`,
    );
    const attribute = /data-search-shards="([^"]*)"/u.exec(linked)?.[1] ?? '';
    expect(
      JSON.parse(
        attribute
          .replace(/&quot;/gu, '"')
          .replace(/&lt;/gu, '<')
          .replace(/&amp;/gu, '&'),
      ),
    ).toEqual(one);
    expect(linked.indexOf('/kit/a.js')).toBeLessThan(linked.indexOf('rel="preload"'));
    expect(linked).toContain('<link rel="preload" as="fetch" crossorigin href="/kit/pagefind/pagefind.unknown_abc.pf_meta" data-pagefind-file>');
    expect(linked).toMatch(/wasm\.unknown\.pagefind" data-pagefind-file><\/body>$/u);
    // Linked again (a merge), the page points at the new first shard and preloads its files only.
    const other = placeShards([
      { name: 'new', ...getShardFolders('new'), pages: [{ url: '/b/', kind: 'report', report: 'b', date: '2023-01-01', status: null, number: null }] },
    ]);
    const relinked = addBundlePreloads(linked, other, bundle) ?? '';
    expect(relinked).toContain('<link rel="modulepreload" href="/kit/pagefind-new/pagefind.js" data-pagefind-preload="/kit/"');
    expect(relinked.match(/rel="preload"/gu)).toHaveLength(3);
    expect(relinked).not.toContain('/kit/pagefind/pagefind.unknown_abc.pf_meta');
    expect(addBundlePreloads('<body></body>', one, bundle)).toBeNull();
    // Shards without pages are left out; with none left there is nothing to point at.
    expect(addBundlePreloads(html, shards, bundle)).toBeNull();
  });
});

describe('search shards', () => {
  const key = (url: string, date: string, number: number): OrderKey => ({ url, kind: 'issue', report: url.split('/')[1]!, date, status: 'completed', number });
  // Reports a (2024), b (2023) and c (2022): shard "new" holds a and c, shard "old" holds b.
  const a = [key('/a/1/', '2024-05-01', 1), key('/a/2/', '2024-05-01', 2)];
  const b = [key('/b/1/', '2023-01-01', 1)];
  const c = [key('/c/1/', '2022-01-01', 1), key('/c/2/', '2022-01-01', 2)];

  it('places each shard’s pages among all shards’ in date order, as runs', () => {
    const shards = placeShards([
      { name: 'old', ...getShardFolders('old'), pages: b },
      { name: 'new', ...getShardFolders('new'), pages: [...a, ...c] },
    ]);
    expect(shards.map((shard) => [shard.name, shard.pages, shard.order])).toEqual([
      [
        'new',
        4,
        [
          [0, 2],
          [3, 2],
        ],
      ],
      ['old', 1, [[2, 1]]],
    ]);
    const places = shards.flatMap((shard) => Array.from({ length: shard.pages }, (_, rank) => findPlace(shard, rank)));
    expect(places.sort()).toEqual([0, 1, 2, 3, 4]);
    expect(() => findPlace(shards[1]!, 1)).toThrow(/outside its shard/u);
    expect(shards[0]!.bundle).toBe('pagefind-new/');
    expect(getShardFolders(ONE_PIECE).bundle).toBe('pagefind/');
    expect(() => getShardFolders('../x')).toThrow(/shard name/u);
  });

  it('reads how the build shards its index from SEARCH_SHARDS', () => {
    expect([undefined, '', 'one', 'year', 'none'].map((value) => getShardMode(value))).toEqual(['one', 'one', 'one', 'year', 'none']);
    expect(() => getShardMode('month')).toThrow(/SEARCH_SHARDS=month: expected one, year or none/u);
  });

  it('refuses a page that two shards hold', () => {
    expect(() =>
      placeShards([
        { name: 'p', ...getShardFolders('p'), pages: b },
        { name: 'q', ...getShardFolders('q'), pages: b },
      ]),
    ).toThrow(/\/b\/1\/ is in two shards: p and q/u);
  });

  it('places every result by its id from a search with no term, per shard by its filter', async () => {
    const shards = placeShards([
      { name: 'old', ...getShardFolders('old'), pages: b },
      { name: 'new', ...getShardFolders('new'), pages: [...a, ...c] },
    ]);
    const listed: Record<string, string[]> = { new: ['a1', 'a2', 'c1', 'c2'], old: ['b1'] };
    const asked: unknown[] = [];
    const api = {
      search: async (term: string | null, options?: { filters?: Record<string, unknown> }) => {
        asked.push([term, options]);
        return { results: (listed[String(options?.filters?.['shard'])] ?? []).map((id) => ({ id, words: [] })) };
      },
    };
    const places = await placeResults(api, shards);
    expect([...places].map(([id, place]) => [id, place.shard.name, place.rank, place.place])).toEqual([
      ['a1', 'new', 0, 0],
      ['a2', 'new', 1, 1],
      ['c1', 'new', 2, 3],
      ['c2', 'new', 3, 4],
      ['b1', 'old', 0, 2],
    ]);
    // Pagefind's own order (the order the pages were added in) is the date order: no sort is asked for.
    expect(asked).toContainEqual([null, { filters: { shard: 'old' } }]);
    listed['old'] = [];
    await expect(placeResults(api, shards)).rejects.toThrow(/shard old: Pagefind lists 0 pages, the shard holds 1/u);
  });
});

describe('the count before any record is fetched', () => {
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
