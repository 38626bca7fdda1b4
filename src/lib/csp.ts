// The one Content Security Policy of the kit: the archive pages and the decks carry it as a <meta>; the nginx and
// Apache configurations in docs/hosting/, the IIS web.config and the preview server send it as a header; the
// offline single-file deck derives its own from it; and the tests check all of these against it. Server-side only
// (reads the installed reveal.js at build time).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/** A policy as directive name → source list. */
export type CspDirectives = Record<string, readonly string[]>;

/** The sha256 source expression ('sha256-…') of an inline script's exact text. */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The notes plugin file the deck bundles (the ESM build that `import 'reveal.js/plugin/notes'` resolves to). */
export function getNotesPluginFile(): string {
  const require = createRequire(import.meta.url);
  // reveal.js exports no package.json; its main entry sits in dist/, beside plugin/.
  return path.join(path.dirname(require.resolve('reveal.js')), 'plugin', 'notes.mjs');
}

/**
 * The inline scripts of reveal.js's speaker view. The notes plugin opens about:blank and document.write()s a page
 * whose <script> is inline; the popup inherits the deck's policy, so that script is allowed by its hash. The page
 * is a string literal in the plugin; it is evaluated (a literal, no code runs) to get the text the browser sees.
 */
export function readSpeakerViewScripts(source: string = readFileSync(getNotesPluginFile(), 'utf8')): string[] {
  const call = /\.document\.write\(\s*(["'`])/u.exec(source);
  if (!call) throw new Error('reveal.js notes plugin: document.write( of the speaker view not found; update src/lib/csp.ts');
  const quote = call[1]!;
  const start = call.index + call[0].length - 1;
  let end = start + 1;
  while (end < source.length && source[end] !== quote) end += source[end] === '\\' ? 2 : 1;
  const literal = source.slice(start, end + 1);
  if (quote === '`' && literal.includes('${')) throw new Error('reveal.js notes plugin: the speaker view template is not a plain literal');
  const html = vm.runInNewContext(literal, Object.create(null), { timeout: 1000 }) as unknown;
  if (typeof html !== 'string' || !html.includes('<script')) throw new Error('reveal.js notes plugin: the speaker view page holds no script');
  return [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gu)].map((match) => match[1]!);
}

let speakerHashes: string[] | undefined;
/** The hash sources of the speaker view's inline scripts, computed once from the installed plugin. */
export function getSpeakerViewHashes(): string[] {
  speakerHashes ??= readSpeakerViewScripts().map(hashSource);
  return speakerHashes;
}

/**
 * The site policy. Scripts only from the site's own files (plus reveal's speaker view script by hash); Pagefind
 * compiles its WebAssembly ('wasm-unsafe-eval') on the main thread (the search layer sets noWorker); worker-src
 * stays 'self' so its same-origin worker (which obeys its own response header's policy) would work too. Styles keep 'unsafe-inline': reveal.js writes <style> elements and the speaker view uses style attributes.
 * Fonts and images may be data: URIs (the offline file inlines them). The speaker view frames the deck itself.
 */
export function getSiteDirectives(): CspDirectives {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", "'wasm-unsafe-eval'", ...getSpeakerViewHashes()],
    'worker-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'frame-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
  };
}

/** Directives a <meta> policy cannot carry (browsers ignore them there); only the response header sends them. */
export const HEADER_ONLY_DIRECTIVES: CspDirectives = {
  'frame-ancestors': ["'self'"],
};

/** Serialises directives as a policy string. */
export function renderPolicy(directives: CspDirectives): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/** Reads a policy string back into directives (the inverse of renderPolicy), for checking what a server sends. */
export function parsePolicy(policy: string): CspDirectives {
  const directives: Record<string, string[]> = {};
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/u);
    if (name) directives[name.toLowerCase()] = sources;
  }
  return directives;
}

/** The value of the pages' <meta http-equiv="Content-Security-Policy">. */
export function renderCspMeta(): string {
  return renderPolicy(getSiteDirectives());
}

/** The value of the Content-Security-Policy response header every server sends (docs/hosting/, web.config, preview). */
export function renderCspHeader(): string {
  return renderPolicy({ ...getSiteDirectives(), ...HEADER_ONLY_DIRECTIVES });
}

/**
 * The policy of the offline single-file deck (file://): its scripts are inline, so each is allowed by hash
 * ('self' stays for the speaker view's frames, which load the same file).
 */
export function renderExportCsp(inlineScripts: readonly string[]): string {
  const site = getSiteDirectives();
  return renderPolicy({
    ...site,
    'script-src': ["'self'", ...inlineScripts.map(hashSource), ...getSpeakerViewHashes()],
  });
}
