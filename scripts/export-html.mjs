#!/usr/bin/env node
// npm run export:html [report-id…]: writes exports/<report-id>.html, one self-contained file per deck with every
// script, stylesheet and font inlined, so it opens from file:// with no server and no network (speaker view too:
// reveal's notes window loads this same file in its previews).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderExportCsp } from '../src/lib/csp.ts';
import { ensureBuilt, getExportDirs, listDecks, readBuiltBase } from './lib/deck-export.mjs';

const MIME = { '.woff2': 'font/woff2', '.woff': 'font/woff', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.webp': 'image/webp' };

/** Maps a site URL path (as written in the page, base included) to the file in distDir. */
function resolveAsset(distDir, base, href) {
  const clean = href.split(/[?#]/u)[0];
  if (/^[a-z]+:/iu.test(clean) || clean.startsWith('//')) throw new Error(`external asset ${href}: the deck must use only its own files`);
  const relative = clean.startsWith(base) ? clean.slice(base.length) : clean.replace(/^\/+/u, '');
  const file = path.join(distDir, relative);
  if (!existsSync(file)) throw new Error(`asset ${href} not found at ${file}`);
  return file;
}

/** A stylesheet with its url()s replaced by data: URIs, resolved against the stylesheet's own folder. */
function inlineCss(file) {
  return readFileSync(file, 'utf8').replace(/url\((['"]?)([^'")]+)\1\)/gu, (whole, _quote, ref) => {
    if (ref.startsWith('data:') || ref.startsWith('#')) return whole;
    const target = path.resolve(path.dirname(file), ref.split(/[?#]/u)[0]);
    if (!existsSync(target)) throw new Error(`${file}: url(${ref}) not found`);
    const mime = MIME[path.extname(target).toLowerCase()] ?? 'application/octet-stream';
    return `url(data:${mime};base64,${readFileSync(target).toString('base64')})`;
  });
}

/**
 * Swaps the site's CSP <meta> (scripts from 'self' only) for the offline file's own: the same policy, with every
 * inline script of the file allowed by its sha256 hash, so it still runs without 'unsafe-inline'.
 */
function withExportCsp(html, reportId) {
  const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gu)].map((match) => match[1]);
  const meta = /<meta http-equiv="Content-Security-Policy" content="[^"]*"\s*\/?>/u;
  if (!meta.test(html)) throw new Error(`${reportId}: the deck page carries no Content-Security-Policy <meta>`);
  const policy = renderExportCsp(scripts).replace(/&/gu, '&amp;').replace(/"/gu, '&quot;');
  return html.replace(meta, () => `<meta http-equiv="Content-Security-Policy" content="${policy}">`);
}

/** The deck page with everything it loads inlined. */
export function inlineDeck(distDir, reportId) {
  const base = readBuiltBase(distDir, reportId);
  let html = readFileSync(path.join(distDir, 'reports', reportId, 'deck', 'index.html'), 'utf8');
  html = html.replace(/<link\b[^>]*\brel="stylesheet"[^>]*>/gu, (tag) => {
    const href = /\bhref="([^"]+)"/u.exec(tag)?.[1];
    if (!href) return tag;
    return `<style>${inlineCss(resolveAsset(distDir, base, href)).replace(/<\/style/giu, '<\\/style')}</style>`;
  });
  html = html.replace(/<script\b([^>]*)\bsrc="([^"]+)"([^>]*)><\/script>/gu, (_tag, before, src, after) => {
    const code = readFileSync(resolveAsset(distDir, base, src), 'utf8');
    // A split bundle would import sibling chunks by URL, which file:// cannot load; fail rather than ship a broken file.
    if (/(^|[;}\s])import\s*[\s{*"']|\bimport\(/u.test(code.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/gsu, '""'))) {
      throw new Error(`${src} imports other chunks; the single-file export needs one self-contained script`);
    }
    return `<script${before}${after}>${code.replace(/<\/script/giu, '<\\/script')}</script>`;
  });
  if (/\s(?:src|href)="\/(?!\/)/u.test(html.replace(/<(style|script)\b[^>]*>[\s\S]*?<\/\1>/gu, ''))) {
    throw new Error(`${reportId}: the page still refers to a site file after inlining`);
  }
  return withExportCsp(html, reportId);
}

const { distDir, exportDir } = getExportDirs();
ensureBuilt(distDir);
const ids = listDecks(distDir, process.argv.slice(2));
if (ids.length === 0) {
  console.error(`没有可导出的演示文稿。No deck to export in ${distDir}.`);
  process.exit(1);
}
mkdirSync(exportDir, { recursive: true });
for (const id of ids) {
  const html = inlineDeck(distDir, id);
  const file = path.join(exportDir, `${id}.html`);
  writeFileSync(file, html);
  console.log(`已导出 ${path.relative(process.cwd(), file)}（${(Buffer.byteLength(html) / 1024).toFixed(0)} KiB，单文件离线可用）。Wrote ${file}.`);
}
