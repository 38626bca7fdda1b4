// Checks the built archive (at the root and under a sub-path): a page for every problem in the content files, the
// metadata each page must show, and each report's published source offered for download. Links are checked in
// links.test.ts, the CSP in tests/e2e/csp.test.ts.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { formatFileSize } from '#src/lib/files.ts';
import { formatSourceLabel } from '#src/lib/labels.ts';
import { listMeasures } from '#src/lib/measures.ts';
import { getDeckPath } from '#src/lib/urls.ts';
import { splitFrontmatter } from '#src/loaders/disk.ts';
import { findReportSource } from '#src/loaders/sources.ts';
import { listHtml, textOf } from '#tests/helpers/html.ts';

const reportsDir = path.resolve(import.meta.dirname, '../../content/reports');

interface ContentIssue {
  report: string;
  status: string;
  number: number;
  title: string;
  body: string;
  slug: string;
}

/** The fields of report.yaml these checks read. */
interface ContentReport {
  issuer: string;
  inspection: { team: string; dateNote?: string };
}

/** The problems as the content files state them, read independently of the site's code. */
function readContent(): { reports: Map<string, ContentReport>; issues: ContentIssue[] } {
  const reports = new Map<string, ContentReport>();
  const issues: ContentIssue[] = [];
  for (const id of readdirSync(reportsDir)) {
    reports.set(id, parse(readFileSync(path.join(reportsDir, id, 'report.yaml'), 'utf8')));
    const dir = path.join(reportsDir, id, 'issues');
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.mdx'))) {
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
        expect(text).toContain(report.issuer);
        const measures = listMeasures(issue.body);
        expect(measures.length).toBeGreaterThan(0);
        for (const measure of measures) expect(html).toContain(`id="${measure.id}"`);
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
        for (const label of ['发文机关', '成文日期', '巡察组', '巡察时间', '反馈时间', report.issuer, report.inspection.team]) expect(text).toContain(label);
        expect(html).toMatch(/<svg[^>]*role="img"/u);
        expect(html).toContain(`href="${site.base}${getDeckPath(reportId)}"`);
        const own = content.issues.filter((issue) => issue.report === reportId);
        for (const issue of own) expect(html).toContain(`href="${site.base}reports/${reportId}/issues/${issue.slug}/"`);
        const completed = own.filter((issue) => issue.status === 'completed').length;
        expect(text).toContain(`${completed}/${own.length}`);
        if (report.inspection.dateNote) expect(text).toContain(report.inspection.dateNote.replace(/\s+/gu, ''));
      }
      const home = textOf(read(''));
      for (const report of content.reports.values()) expect(home).toContain(report.issuer);
    });

    it("offers each report's published source for download as 原文 with its size, byte for byte", () => {
      for (const reportId of content.reports.keys()) {
        const source = findReportSource(reportId, reportsDir);
        if (!source) throw new Error(`content/reports/${reportId} holds no source document (source.txt, .pdf, .docx or .doc)`);
        const href = `${site.base}reports/${reportId}/${source.fileName}`;
        const html = read(`reports/${reportId}/`);
        const at = html.indexOf(`href="${href}"`);
        expect(at, `reports/${reportId}/ has no link to ${href}`).toBeGreaterThan(0);
        const label = textOf(html.slice(at, html.indexOf('</a>', at)).replace(/^[^>]*>/u, ''));
        expect(label).toBe(formatSourceLabel(source.format, formatFileSize(source.bytes)).replace(/\s+/gu, ''));
        expect(formatSourceLabel(source.format, formatFileSize(source.bytes))).toMatch(/^原文（[A-Z]+，\d+(\.\d)? (B|KB|MB)）$/u);
        expect(readFileSync(path.join(site.dist, 'reports', reportId, source.fileName)).equals(readFileSync(source.file))).toBe(true);
      }
    });

    it('puts the search bundle and its no-script notice under the base', () => {
      expect(existsSync(path.join(site.dist, 'pagefind', 'pagefind.js'))).toBe(true);
      const search = read('search/');
      expect(search).toContain('<noscript>');
      expect(search).toContain('data-search-results');
      expect(search).toContain(`data-pagefind-base="${site.base}"`);
      // The index step pointed the page at the bundle it wrote: the tag is the entry's hash, every preload exists.
      const entry = readFileSync(path.join(site.dist, 'pagefind', 'pagefind-entry.json'));
      const tag = createHash('sha256').update(entry).digest('hex').slice(0, 16);
      expect(search).toContain(`data-pagefind-tag="${tag}"`);
      const preloads = [...search.matchAll(/<link rel="preload" as="fetch" crossorigin href="([^"]+)" data-pagefind-file>/gu)].map((match) => match[1] ?? '');
      expect(preloads).toContain(`${site.base}pagefind/pagefind-entry.json?ts=${tag}`);
      expect(preloads.some((href) => href.endsWith('.pf_meta'))).toBe(true);
      expect(preloads).toHaveLength(3);
      for (const href of preloads) {
        expect(href.startsWith(`${site.base}pagefind/`)).toBe(true);
        expect(existsSync(path.join(site.dist, href.slice(site.base.length).split('?')[0] ?? ''))).toBe(true);
      }
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
