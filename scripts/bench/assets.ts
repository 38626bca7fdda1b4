// Static weight of a built page: its HTML plus the same-origin CSS and JS it loads up front
// (<link rel=stylesheet>, <link rel=modulepreload>, <script src> and their static imports, not
// dynamic import()s such as Pagefind's), raw and gzipped.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzipped size (level 6, what a typical server sends) of a buffer. */
export const gzipSize = (buffer: Buffer): number => gzipSync(buffer, { level: 6 }).length;

const attr = (tag: string, name: string): string | undefined =>
  new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'iu')
    .exec(tag)
    ?.slice(1)
    .find((v) => v !== undefined);

/** The same-origin stylesheets and scripts an HTML page loads up front, as URLs resolved against the page. */
export function listPageAssets(html: string, pageUrl: string): { url: string; kind: 'css' | 'js' }[] {
  const assets: { url: string; kind: 'css' | 'js' }[] = [];
  const add = (href: string | undefined, kind: 'css' | 'js') => {
    if (!href) return;
    const url = new URL(href.replaceAll('&amp;', '&'), pageUrl);
    if (url.origin === new URL(pageUrl).origin) assets.push({ url: url.href, kind });
  };
  for (const [tag] of html.matchAll(/<link\b[^>]*>/giu)) {
    const rel = (attr(tag, 'rel') ?? '').toLowerCase().split(/\s+/u);
    if (rel.includes('stylesheet')) add(attr(tag, 'href'), 'css');
    else if (rel.includes('modulepreload')) add(attr(tag, 'href'), 'js');
  }
  for (const [tag] of html.matchAll(/<script\b[^>]*>/giu)) add(attr(tag, 'src'), 'js');
  return assets;
}

/** The static imports of an ES module (import … from "x", import "x", export … from "x"); not import("x"). */
export function listStaticImports(code: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /(?:^|[;\s}])import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/gu,
    /(?:^|[;\s}])export\s*(?:\*(?:\s*as\s+[\w$]+)?|\{[^}]*\})\s*from\s*["']([^"']+)["']/gu,
  ];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) if (match[1]) found.add(match[1]);
  return [...found];
}

/** The file under distDir for a same-origin URL of a site served at `base`, or null. */
export function fileForUrl(distDir: string, url: string, base = '/'): string | null {
  const pathname = decodeURIComponent(new URL(url).pathname);
  if (!pathname.startsWith(base)) return null;
  let file = path.join(distDir, pathname.slice(base.length));
  if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
  return existsSync(file) ? file : null;
}

/**
 * Weighs the page at `pagePath` (e.g. reports/x/issues/y/) of distDir: HTML, CSS and JS, each raw
 * and gzipped, following static imports of the JS. Missing files are listed, not fatal.
 */
/** Raw and gzip bytes. */
export interface Weight {
  raw: number;
  gzip: number;
}

/** A page's weight, or why it could not be weighed. */
export type PageWeight =
  | { ok: true; page: string; raw: number; gzip: number; html: Weight; css: Weight; js: Weight; missing: string[] }
  | { ok: false; error: string };

export function weighPage(distDir: string, pagePath: string, { base = '/', origin = 'http://bench.local' } = {}): PageWeight {
  const pageUrl = `${origin}${base}${pagePath}`;
  const htmlFile = fileForUrl(distDir, pageUrl, base);
  if (!htmlFile) return { ok: false, error: `${pagePath} was not built` };
  const html = readFileSync(htmlFile);
  const totals = { html: { raw: html.length, gzip: gzipSize(html) }, css: { raw: 0, gzip: 0 }, js: { raw: 0, gzip: 0 } };
  const seen = new Set<string>();
  const missing: string[] = [];
  const queue = listPageAssets(html.toString('utf8'), pageUrl);
  while (queue.length > 0) {
    const asset = queue.shift()!;
    if (seen.has(asset.url)) continue;
    seen.add(asset.url);
    const file = fileForUrl(distDir, asset.url, base);
    if (!file) {
      missing.push(asset.url);
      continue;
    }
    const body = readFileSync(file);
    totals[asset.kind].raw += body.length;
    totals[asset.kind].gzip += gzipSize(body);
    if (asset.kind === 'js') {
      for (const specifier of listStaticImports(body.toString('utf8'))) {
        if (/^[./]/u.test(specifier)) queue.push({ url: new URL(specifier, asset.url).href, kind: 'js' });
      }
    }
  }
  const raw = totals.html.raw + totals.css.raw + totals.js.raw;
  const gzip = totals.html.gzip + totals.css.gzip + totals.js.gzip;
  return { ok: true, page: pagePath, raw, gzip, ...totals, missing };
}

/** The first problem page of the first report of a built site (reports/<id>/issues/<slug>/), or null. */
export function findProblemPage(distDir: string, reportId?: string): { reportId: string; pagePath: string } | null {
  const reports = path.join(distDir, 'reports');
  if (!existsSync(reports)) return null;
  const ids = reportId ? [reportId] : readdirSync(reports).sort();
  for (const id of ids) {
    const issues = path.join(reports, id, 'issues');
    if (!existsSync(issues)) continue;
    const slug = readdirSync(issues)
      .sort()
      .find((name) => existsSync(path.join(issues, name, 'index.html')));
    if (slug) return { reportId: id, pagePath: `reports/${id}/issues/${slug}/` };
  }
  return null;
}

/** Total size of every file under a folder (bytes) and how many files and HTML pages it holds. */
export function folderSize(dir: string): { bytes: number; files: number; pages: number } {
  let bytes = 0;
  let filesCount = 0;
  let pages = 0;
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        bytes += statSync(full).size;
        filesCount += 1;
        if (entry.name.endsWith('.html')) pages += 1;
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return { bytes, files: filesCount, pages };
}
