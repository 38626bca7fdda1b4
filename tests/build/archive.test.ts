// Checks the built archive (at the root and under a sub-path): a page for every problem in the content files,
// the metadata each page must show, that every internal link resolves, and that the output suits a strict CSP.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { listMeasures } from '../../src/lib/measures.ts';
import { getDeckPath, getDeckSlidePath } from '../../src/lib/urls.ts';
import { splitFrontmatter } from '../../src/loaders/disk.ts';

const reportsDir = path.resolve(import.meta.dirname, '../../content/reports');

interface ContentIssue {
  report: string;
  status: string;
  number: number;
  title: string;
  body: string;
  slug: string;
}

/** The problems as the content files state them, read independently of the site's code. */
function readContent(): { reports: Map<string, Record<string, any>>; issues: ContentIssue[] } {
  const reports = new Map<string, Record<string, any>>();
  const issues: ContentIssue[] = [];
  for (const id of readdirSync(reportsDir)) {
    const yamlFile = path.join(reportsDir, id, 'report.yaml');
    if (!existsSync(yamlFile)) continue;
    reports.set(id, parse(readFileSync(yamlFile, 'utf8')));
    const dir = path.join(reportsDir, id, 'issues');
    for (const file of existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.mdx')) : []) {
      const source = readFileSync(path.join(dir, file), 'utf8');
      const parts = splitFrontmatter(source);
      if (!parts) throw new Error(`${file}: no frontmatter`);
      const data = parse(parts.frontmatter);
      issues.push({
        report: data.report,
        status: data.status,
        number: data.number,
        title: data.title,
        body: parts.body,
        slug: `${data.status}-${String(data.number).padStart(2, '0')}`,
      });
    }
  }
  return { reports, issues };
}

/** Every built HTML file, relative to the dist folder. */
function listHtml(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix)).flatMap((name) => {
    const relative = path.join(prefix, name);
    if (statSync(path.join(dir, relative)).isDirectory()) return listHtml(dir, relative);
    return name.endsWith('.html') ? [relative] : [];
  });
}

const decode = (text: string) =>
  text
    .replace(/&#(\d+);/gu, (_, code) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/giu, (_, code) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&quot;/gu, '"')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&amp;/gu, '&');
const textOf = (html: string) => decode(html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gu, '').replace(/<[^>]+>/gu, '')).replace(/\s+/gu, '');
const statusLabel: Record<string, string> = { completed: '已整改完成', ongoing: '持续整改' };
const content = readContent();

for (const site of [
  { dist: inject('distRoot'), base: '/' },
  { dist: inject('distSub'), base: inject('subPath') },
]) {
  describe(`built archive under ${site.base}`, () => {
    const read = (urlPath: string) => readFileSync(path.join(site.dist, urlPath, 'index.html'), 'utf8');

    it('has a page for every problem in the content files, with its number, title, status, measures and metadata', () => {
      expect(content.issues.length).toBeGreaterThan(0);
      for (const issue of content.issues) {
        const report = content.reports.get(issue.report)!;
        const html = read(`reports/${issue.report}/issues/${issue.slug}/`);
        const text = textOf(html);
        expect(text).toContain(issue.title.replace(/\s+/gu, ''));
        expect(text).toContain(statusLabel[issue.status]);
        expect(text).toContain(`第${issue.number}个`);
        for (const label of ['发文机关', '成文日期', '巡察组', '巡察时间', '反馈时间']) expect(text).toContain(label);
        expect(text).toContain(report['issuer']);
        const measures = listMeasures(issue.body);
        expect(measures.length).toBeGreaterThan(0);
        for (const measure of measures) expect(html).toContain(`id="${measure.id}"`);
        expect(html).toContain(`href="${site.base}${getDeckSlidePath(issue.report, issue.slug)}"`);
      }
    });

    it('has no problem pages beyond those in the content files', () => {
      for (const reportId of content.reports.keys()) {
        const built = readdirSync(path.join(site.dist, 'reports', reportId, 'issues')).sort();
        expect(built).toEqual(
          content.issues
            .filter((issue) => issue.report === reportId)
            .map((issue) => issue.slug)
            .sort(),
        );
      }
    });

    it('shows each report with metadata, a build-time chart, its problems by status and a deck link', () => {
      for (const [reportId, report] of content.reports) {
        const html = read(`reports/${reportId}/`);
        const text = textOf(html);
        for (const label of ['发文机关', '成文日期', '巡察组', '巡察时间', '反馈时间', report['issuer'], report['inspection'].team])
          expect(text).toContain(label);
        expect(html).toMatch(/<svg[^>]*role="img"/u);
        expect(html).toContain(`href="${site.base}${getDeckPath(reportId)}"`);
        const own = content.issues.filter((issue) => issue.report === reportId);
        for (const issue of own) expect(html).toContain(`href="${site.base}reports/${reportId}/issues/${issue.slug}/"`);
        const completed = own.filter((issue) => issue.status === 'completed').length;
        expect(text).toContain(`${completed}/${own.length}`);
        if (report['inspection'].dateNote) expect(text).toContain(report['inspection'].dateNote.replace(/\s+/gu, ''));
      }
      const home = textOf(read(''));
      for (const report of content.reports.values()) expect(home).toContain(report['issuer']);
    });

    it('resolves every internal link and anchor', () => {
      const files = listHtml(site.dist);
      const ids = new Map<string, Set<string>>();
      const idsOf = (file: string) => {
        let set = ids.get(file);
        if (!set) {
          set = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/gu)].map((match) => decode(match[1]!)));
          ids.set(file, set);
        }
        return set;
      };
      const broken: string[] = [];
      let checked = 0;
      for (const relative of files) {
        const html = readFileSync(path.join(site.dist, relative), 'utf8');
        for (const match of html.matchAll(/\s(?:href|src)="([^"]+)"/gu)) {
          const link = decode(match[1]!);
          if (/^(mailto:|tel:)/u.test(link)) continue;
          expect(link, `${relative}: ${link} leaves the site`).not.toMatch(/^(https?:)?\/\//u);
          const [pathPart, hash] = link.split('#') as [string, string | undefined];
          if (!pathPart) {
            // #/… are the deck's slide routes, not element ids.
            if (hash && !hash.startsWith('/') && !idsOf(path.join(site.dist, relative)).has(hash)) broken.push(`${relative}: #${hash}`);
            continue;
          }
          expect(pathPart.startsWith(site.base), `${relative}: ${link} is outside the base`).toBe(true);
          const inside = decodeURIComponent(pathPart.slice(site.base.length).split('?')[0]!);
          const target = path.join(site.dist, inside);
          const file = existsSync(target) && statSync(target).isDirectory() ? path.join(target, 'index.html') : target;
          checked += 1;
          if (!existsSync(file)) broken.push(`${relative}: ${link}`);
          else if (hash && !hash.startsWith('/') && file.endsWith('.html') && !idsOf(file).has(hash)) broken.push(`${relative}: ${link} (no #${hash})`);
        }
      }
      expect(checked).toBeGreaterThan(100);
      expect(broken).toEqual([]);
    });

    it('ships no inline scripts or handlers, and puts the search bundle under the base', () => {
      for (const relative of listHtml(site.dist)) {
        const html = readFileSync(path.join(site.dist, relative), 'utf8');
        for (const tag of html.match(/<script\b[^>]*>/gu) ?? []) expect(tag, relative).toMatch(/\ssrc="/u);
        expect(html, relative).not.toMatch(/\son[a-z]+="/u);
      }
      expect(existsSync(path.join(site.dist, 'pagefind', 'pagefind.js'))).toBe(true);
      const search = read('search/');
      expect(search).toContain('<noscript>');
      expect(search).toContain('data-search-results');
      expect(search).toContain(`data-pagefind-base="${site.base}"`);
    });

    it('paginates the document and commitment lists', () => {
      const documents = read('documents/');
      expect(textOf(documents)).toContain('文件索引');
      for (const relative of listHtml(site.dist).filter((file) => /^documents[\\/]/u.test(file))) {
        const html = readFileSync(path.join(site.dist, relative), 'utf8');
        expect((html.match(/<li id="doc-/gu) ?? []).length).toBeLessThanOrEqual(50);
      }
      expect(textOf(read('commitments/'))).toContain('整改承诺');
      expect(existsSync(path.join(site.dist, '404.html'))).toBe(true);
    });
  });
}
