// Static weight of a built page: its HTML plus the same-origin CSS and JS it loads up front
// (<link rel=stylesheet>, <link rel=modulepreload>, <script src> and their static imports, not
// dynamic import()s such as Pagefind's), raw and gzipped.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzipped size (level 6, what a typical server sends) of a buffer. */
export const gzipSize = (buffer) => gzipSync(buffer, { level: 6 }).length;

const attr = (tag, name) =>
  new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'iu')
    .exec(tag)
    ?.slice(1)
    .find((v) => v !== undefined);

/** The same-origin stylesheets and scripts an HTML page loads up front, as URLs resolved against the page. */
export function listPageAssets(html, pageUrl) {
  const assets = [];
  const add = (href, kind) => {
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
export function listStaticImports(code) {
  const found = new Set();
  const patterns = [
    /(?:^|[;\s}])import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/gu,
    /(?:^|[;\s}])export\s*(?:\*(?:\s*as\s+[\w$]+)?|\{[^}]*\})\s*from\s*["']([^"']+)["']/gu,
  ];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.add(match[1]);
  return [...found];
}

/** The file under distDir for a same-origin URL of a site served at `base`, or null. */
export function fileForUrl(distDir, url, base = '/') {
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
export function weighPage(distDir, pagePath, { base = '/', origin = 'http://bench.local' } = {}) {
  const pageUrl = `${origin}${base}${pagePath}`;
  const htmlFile = fileForUrl(distDir, pageUrl, base);
  if (!htmlFile) return { ok: false, error: `${pagePath} was not built` };
  const html = readFileSync(htmlFile);
  const totals = { html: { raw: html.length, gzip: gzipSize(html) }, css: { raw: 0, gzip: 0 }, js: { raw: 0, gzip: 0 } };
  const seen = new Set();
  const missing = [];
  const files = [];
  const queue = listPageAssets(html.toString('utf8'), pageUrl);
  while (queue.length > 0) {
    const asset = queue.shift();
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
    files.push({ url: new URL(asset.url).pathname, kind: asset.kind, raw: body.length });
    if (asset.kind === 'js') {
      for (const specifier of listStaticImports(body.toString('utf8'))) {
        if (/^[./]/u.test(specifier)) queue.push({ url: new URL(specifier, asset.url).href, kind: 'js' });
      }
    }
  }
  const raw = totals.html.raw + totals.css.raw + totals.js.raw;
  const gzip = totals.html.gzip + totals.css.gzip + totals.js.gzip;
  return { ok: true, page: pagePath, raw, gzip, ...totals, files, missing };
}

/** The first problem page of the first report of a built site (reports/<id>/issues/<slug>/), or null. */
export function findProblemPage(distDir, reportId) {
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
export function folderSize(dir) {
  let bytes = 0;
  let filesCount = 0;
  let pages = 0;
  const walk = (folder) => {
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
