// Every link in the build resolves, at the site root and under a sub-path: href/src/srcset/action of every page,
// same-page and cross-page anchors (#main, /documents/#doc-…, …/issues/x/#measure-2), deck slide links (#/issue-…,
// …/deck/#/issue-…), url() in the built CSS, and every page and anchor the search index can return.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { readShardFiles } from '#src/search/indexer.ts';
import { getRecordPath, readSearchRecord, type SearchRecord } from '#src/search/record.ts';
import { decode, listFiles, toUrlPath } from '#tests/helpers/html.ts';

/** Reads the search records of every shard of a built site: one per indexed page. */
function readRecords(dist: string): SearchRecord[] {
  return readShardFiles(dist).flatMap((shard) =>
    shard.pages.map((_, rank) => {
      const file = path.join(dist, getRecordPath(shard, rank));
      return readSearchRecord(JSON.parse(readFileSync(file, 'utf8')), file);
    }),
  );
}

const ORIGIN = 'http://site.invalid';
const LINK_ATTRIBUTE = /\s(href|src|srcset|action|poster|xlink:href)="([^"]*)"/gu;

for (const site of [
  { dist: inject('distRoot'), base: '/' },
  { dist: inject('distSub'), base: inject('subPath') },
]) {
  describe(`links in the build under ${site.base}`, () => {
    const pages = listFiles(site.dist, '.html');
    const idCache = new Map<string, Set<string>>();
    /** The element ids of a built HTML file. */
    const idsOf = (file: string) => {
      let ids = idCache.get(file);
      if (!ids) {
        ids = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]*)"/gu)].map((match) => decode(match[1]!)));
        idCache.set(file, ids);
      }
      return ids;
    };
    /** The built file a URL path (with the base) is served from, or why it cannot be. */
    const resolve = (pathname: string): { file?: string; problem?: string } => {
      if (!pathname.startsWith(site.base)) return { problem: `outside the base ${site.base}` };
      let inside: string;
      try {
        inside = decodeURIComponent(pathname.slice(site.base.length));
      } catch {
        return { problem: 'malformed percent-encoding' };
      }
      const target = path.join(site.dist, inside);
      if (!target.startsWith(site.dist)) return { problem: 'escapes the site folder' };
      if (existsSync(target) && statSync(target).isDirectory()) {
        if (!pathname.endsWith('/')) return { problem: 'directory without a trailing slash (a redirect)' };
        return existsSync(path.join(target, 'index.html')) ? { file: path.join(target, 'index.html') } : { problem: 'no index.html' };
      }
      return existsSync(target) ? { file: target } : { problem: 'not found' };
    };
    /** Checks a link found in `from` (a URL path); returns a problem or undefined, and counts what it checked. */
    const counts = { links: 0, anchors: 0, crossPageAnchors: 0, slideLinks: 0 };
    const check = (link: string, from: string, fromFile: string): string | undefined => {
      if (/^(mailto|tel|data):/iu.test(link)) return undefined;
      if (/^[a-z][a-z0-9+.-]*:/iu.test(link) || link.startsWith('//')) return 'leaves the site';
      const url = new URL(link, `${ORIGIN}${from}`);
      const samePage = link.startsWith('#');
      const target = samePage ? { file: fromFile } : resolve(url.pathname);
      if (!target.file) return target.problem;
      counts.links += 1;
      const hash = decodeURIComponent(url.hash.slice(1));
      if (!hash) return undefined;
      if (hash.startsWith('/')) {
        // reveal.js routes: #/<slide id> must name a slide of that deck.
        counts.slideLinks += 1;
        const slideId = hash.slice(1).split('/')[0]!;
        const html = readFileSync(target.file, 'utf8');
        if (!html.includes('class="reveal"')) return `#/${slideId} points into a page that is not a deck`;
        return new RegExp(`<section\\b[^>]*\\sid="${slideId.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}"`, 'u').test(html) ? undefined : `no slide #/${slideId}`;
      }
      counts.anchors += 1;
      if (!samePage) counts.crossPageAnchors += 1;
      if (!target.file.endsWith('.html')) return `#${hash} on a non-HTML file`;
      return idsOf(target.file).has(hash) ? undefined : `no element #${hash}`;
    };

    it('resolves every href, src, srcset and action of every page, with its anchor or slide', () => {
      const broken: string[] = [];
      for (const relative of pages) {
        const from = toUrlPath(relative, site.base);
        const file = path.join(site.dist, relative);
        for (const match of readFileSync(file, 'utf8').matchAll(LINK_ATTRIBUTE)) {
          const value = decode(match[2]!);
          const links =
            match[1] === 'srcset'
              ? value
                  .split(',')
                  .map((candidate) => candidate.trim().split(/\s+/u)[0]!)
                  .filter(Boolean)
              : [value];
          for (const link of links) {
            const problem = check(link, from, file);
            if (problem) broken.push(`${relative}: ${match[1]}="${link}" ${problem}`);
          }
        }
      }
      expect(broken, broken.join('\n')).toEqual([]);
      expect(counts.links).toBeGreaterThan(500);
      expect(counts.anchors).toBeGreaterThan(30);
      expect(counts.crossPageAnchors).toBeGreaterThan(10);
      expect(counts.slideLinks).toBeGreaterThan(20);
    });

    it('links each problem page to its own slide', () => {
      const problems = pages.filter((relative) => /[\\/]issues[\\/][^\\/]+[\\/]index\.html$/u.test(relative));
      expect(problems.length).toBeGreaterThan(0);
      for (const relative of problems) {
        const html = readFileSync(path.join(site.dist, relative), 'utf8');
        const slug = relative.split(path.sep).at(-2)!;
        const linked = new RegExp(`href="${site.base}reports/[^/"]+/deck/#/issue-${slug}"`, 'u').test(html);
        expect(linked, `${relative} does not link to its slide #/issue-${slug}`).toBe(true);
      }
    });

    it('resolves url() and @import in the built CSS', () => {
      const broken: string[] = [];
      const sheets = listFiles(site.dist, '.css');
      expect(sheets.length).toBeGreaterThan(0);
      for (const relative of sheets) {
        const css = readFileSync(path.join(site.dist, relative), 'utf8');
        const from = toUrlPath(relative, site.base);
        const references = [
          ...[...css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"]*))\s*\)/gu)].map((match) => (match[1] ?? match[2] ?? match[3] ?? '').trim()),
          ...[...css.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/gu)].map((match) => match[1] ?? match[2] ?? ''),
        ];
        for (const reference of references) {
          if (!reference || reference.startsWith('#')) continue;
          if (/^data:/iu.test(reference)) continue;
          if (/^[a-z][a-z0-9+.-]*:/iu.test(reference) || reference.startsWith('//')) {
            broken.push(`${relative}: url(${reference}) leaves the site`);
            continue;
          }
          const target = resolve(new URL(reference, `${ORIGIN}${from}`).pathname);
          if (!target.file) broken.push(`${relative}: url(${reference}) ${target.problem}`);
        }
      }
      expect(broken, broken.join('\n')).toEqual([]);
    });

    it('indexes for search exactly the pages marked data-pagefind-body, and every anchor it can return exists', () => {
      const marked = pages
        .filter((relative) => readFileSync(path.join(site.dist, relative), 'utf8').includes('data-pagefind-body'))
        .map((relative) => toUrlPath(relative, site.base))
        .sort();
      const records = readRecords(site.dist);
      // Records hold URLs from the site root; the search page adds the base (data-pagefind-base) when it shows them.
      const indexed = records.map((record) => `${site.base}${record.url.replace(/^\//u, '')}`);
      expect(indexed.slice().sort()).toEqual(marked);
      const broken: string[] = [];
      let measureAnchors = 0;
      for (const [index, record] of records.entries()) {
        const target = resolve(indexed[index]!.split('#')[0]!);
        if (!target.file) {
          broken.push(`${record.url}: ${target.problem}`);
          continue;
        }
        const ids = idsOf(target.file);
        const anchored = new Set(record.anchors.map((anchor) => anchor.id));
        for (const id of anchored) {
          if (/^measure-\d+$/u.test(id)) measureAnchors += 1;
          if (!ids.has(id)) broken.push(`${record.url}#${id}: no such element`);
        }
        // Each measure heading of a problem page can be a search sub-result, so each must be in the index.
        const measures = [...ids].filter((id) => /^measure-\d+$/u.test(id));
        for (const id of measures) if (!anchored.has(id)) broken.push(`${record.url}#${id}: measure not in the index`);
      }
      expect(broken, broken.join('\n')).toEqual([]);
      expect(measureAnchors).toBeGreaterThan(marked.length);
    });
  });
}
