// Turns a built deck page into one self-contained file: every stylesheet, script and font inlined, with a CSP
// of its own, so it opens from file:// with no server and no network. Pure: files come through `loadFile`.
import path from 'node:path';
import { getMediaType } from '#src/hosting/mime.ts';
import { renderExportCsp } from '#src/lib/csp.ts';

/** Reads a file of the built site by its path relative to the site root (posix, no leading slash); undefined when absent. */
export type SiteFileLoader = (sitePath: string) => Uint8Array | undefined;

const decoder = new TextDecoder();

/** Maps a URL path as written in the page (base included) to the site path it names; throws for another origin. */
export function resolveSitePath(base: string, href: string): string {
  const clean = href.split(/[?#]/u)[0] ?? '';
  if (/^[a-z]+:/iu.test(clean) || clean.startsWith('//')) throw new Error(`external asset ${href}: the deck must use only its own files`);
  const relative = clean.startsWith(base) ? clean.slice(base.length) : clean.replace(/^\/+/u, '');
  return path.posix.normalize(relative).replace(/^\/+/u, '');
}

function load(loadFile: SiteFileLoader, sitePath: string, what: string): Uint8Array {
  const bytes = loadFile(sitePath);
  if (!bytes) throw new Error(`${what} not found at ${sitePath}`);
  return bytes;
}

/** A stylesheet with its url()s replaced by data: URIs, resolved against the stylesheet's own folder. */
function inlineCss(loadFile: SiteFileLoader, base: string, sitePath: string): string {
  return decoder.decode(load(loadFile, sitePath, 'stylesheet')).replace(/url\((['"]?)([^'")]+)\1\)/gu, (whole, _quote: string, ref: string) => {
    if (ref.startsWith('data:') || ref.startsWith('#')) return whole;
    const target = ref.startsWith('/') ? resolveSitePath(base, ref) : path.posix.join(path.posix.dirname(sitePath), ref.split(/[?#]/u)[0] ?? '');
    const mime = getMediaType(target);
    return `url(data:${mime};base64,${Buffer.from(load(loadFile, target, `${sitePath}: url(${ref})`)).toString('base64')})`;
  });
}

/**
 * Swaps the site's CSP <meta> (scripts from 'self' only) for the offline file's own: the same policy, with every
 * inline script of the file allowed by its sha256 hash, so it still runs without 'unsafe-inline'.
 */
function withExportCsp(html: string, reportId: string): string {
  const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gu)].map((match) => match[1] ?? '');
  const meta = /<meta http-equiv="Content-Security-Policy" content="[^"]*"\s*\/?>/u;
  if (!meta.test(html)) throw new Error(`${reportId}: the deck page carries no Content-Security-Policy <meta>`);
  const policy = renderExportCsp(scripts).replace(/&/gu, '&amp;').replace(/"/gu, '&quot;');
  return html.replace(meta, () => `<meta http-equiv="Content-Security-Policy" content="${policy}">`);
}

/** The deck page `html` (built under `base`) with everything it loads inlined. Throws naming what cannot be inlined. */
export function inlineDeck(html: string, options: { reportId: string; base: string; loadFile: SiteFileLoader }): string {
  const { reportId, base, loadFile } = options;
  let out = html.replace(/<link\b[^>]*\brel="stylesheet"[^>]*>/gu, (tag) => {
    const href = /\bhref="([^"]+)"/u.exec(tag)?.[1];
    if (!href) return tag;
    return `<style>${inlineCss(loadFile, base, resolveSitePath(base, href)).replace(/<\/style/giu, '<\\/style')}</style>`;
  });
  out = out.replace(/<script\b([^>]*)\bsrc="([^"]+)"([^>]*)><\/script>/gu, (_tag, before: string, src: string, after: string) => {
    const code = decoder.decode(load(loadFile, resolveSitePath(base, src), `script ${src}`));
    // A split bundle would import sibling chunks by URL, which file:// cannot load; fail rather than ship a broken file.
    if (/(^|[;}\s])import\s*[\s{*"']|\bimport\(/u.test(code.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/gsu, '""'))) {
      throw new Error(`${src} imports other chunks; the single-file export needs one self-contained script`);
    }
    return `<script${before}${after}>${code.replace(/<\/script/giu, '<\\/script')}</script>`;
  });
  if (/\s(?:src|href)="\/(?!\/)/u.test(out.replace(/<(style|script)\b[^>]*>[\s\S]*?<\/\1>/gu, ''))) {
    throw new Error(`${reportId}: the page still refers to a site file after inlining`);
  }
  return withExportCsp(out, reportId);
}
