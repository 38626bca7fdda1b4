// The one Content Security Policy of the kit: the archive pages and the decks carry it as a <meta>; the nginx and
// Apache configurations in docs/hosting/, the IIS web.config and the preview server send it as a header; the
// offline single-file deck derives its own from it; and the tests check all of these against it. Server-side only
// (reads the installed reveal.js at build time, and the built bundles where a built site is served).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse as parseModule } from 'acorn';

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

/** Whether an AST node is `<anything>.document.write(…)`, the call that writes the speaker view's page. */
function isDocumentWrite(node: AnyNode): boolean {
  if (node.type !== 'CallExpression') return false;
  const callee = (node as { callee?: AnyNode }).callee;
  if (callee?.type !== 'MemberExpression') return false;
  const { object, property } = callee as { object?: AnyNode; property?: AnyNode };
  return (
    (property as { name?: string } | undefined)?.name === 'write' &&
    object?.type === 'MemberExpression' &&
    (object as { property?: { name?: string } }).property?.name === 'document'
  );
}

type AnyNode = { type: string; [key: string]: unknown };

/** The value of a string literal or substitution-free template literal; undefined for anything computed. */
function readLiteralValue(node: AnyNode | undefined): string | undefined {
  if (node?.type === 'Literal' && typeof node['value'] === 'string') return node['value'];
  const quasis = node?.type === 'TemplateLiteral' ? (node['quasis'] as { value: { cooked: string | null } }[]) : undefined;
  if (quasis?.length === 1) return quasis[0]!.value.cooked ?? undefined;
  return undefined;
}

/** Visits every node of an ESTree tree. */
function visitNodes(node: unknown, visit: (node: AnyNode) => void): void {
  if (Array.isArray(node)) {
    for (const child of node) visitNodes(child, visit);
    return;
  }
  if (!node || typeof node !== 'object' || typeof (node as AnyNode).type !== 'string') return;
  visit(node as AnyNode);
  for (const [key, value] of Object.entries(node)) if (key !== 'loc' && value && typeof value === 'object') visitNodes(value, visit);
}

/**
 * The inline scripts of reveal.js's speaker view as a JavaScript file writes them: the notes plugin opens
 * about:blank and document.write()s a page whose <script> is inline, so the popup (which inherits the deck's
 * policy) runs it only by its hash. The file is parsed (acorn), and the page is the written string literal's value:
 * nothing is evaluated. Returns [] when the file writes no page with a script (a chunk without the plugin).
 */
export function findSpeakerViewScripts(javascript: string): string[] {
  // Most files write nothing: skip parsing them (and data scripts, which are not JavaScript).
  if (!javascript.includes('document.write')) return [];
  const program = parseModule(javascript, { ecmaVersion: 'latest', sourceType: 'module' });
  const scripts: string[] = [];
  visitNodes(program, (node) => {
    if (!isDocumentWrite(node)) return;
    const html = readLiteralValue((node['arguments'] as AnyNode[])[0]);
    if (html?.includes('<script')) scripts.push(...[...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gu)].map((match) => match[1]!));
  });
  return scripts;
}

/** The speaker view's inline scripts in the installed notes plugin, the file the deck's bundle is built from. */
export function readSpeakerViewScripts(source: string = readFileSync(getNotesPluginFile(), 'utf8')): string[] {
  const scripts = findSpeakerViewScripts(source);
  if (scripts.length === 0) throw new Error('reveal.js notes plugin: no document.write( of a speaker view page with a script; update src/lib/csp.ts');
  return scripts;
}

let speakerHashes: string[] | undefined;
/** The hash sources of the speaker view's inline scripts, computed once from the installed plugin. */
export function getSpeakerViewHashes(): string[] {
  speakerHashes ??= readSpeakerViewScripts().map(hashSource);
  return speakerHashes;
}

/** Every JavaScript file of a built site (its bundles are under _astro/, wherever the base path puts the pages). */
function listScriptFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.m?js$/u.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * The hash sources of the speaker view as a built site serves it: read from the bundles in `outDir` that write it,
 * so the policy holds what the browser will really hash. A site that bundles no deck (a peer in the benchmark)
 * gets the installed plugin's, the pages' own policy.
 */
export function readServedSpeakerViewHashes(outDir: string): string[] {
  const scripts = listScriptFiles(outDir).flatMap((file) => findSpeakerViewScripts(readFileSync(file, 'utf8')));
  return scripts.length > 0 ? [...new Set(scripts.map(hashSource))] : getSpeakerViewHashes();
}

/**
 * Throws unless the built site's bundles write the speaker view whose hashes its pages' policy holds (the pages
 * are rendered before their bundles exist, so the build checks once both are written).
 */
export function assertServedSpeakerViewHashes(outDir: string): void {
  const served = readServedSpeakerViewHashes(outDir);
  const pages = getSpeakerViewHashes();
  if (served.join(' ') !== pages.join(' '))
    throw new Error(`${outDir}: the bundled speaker view hashes to ${served.join(' ')}, the pages' policy allows ${pages.join(' ')}; update src/lib/csp.ts`);
}

/**
 * The site policy. Scripts only from the site's own files (plus reveal's speaker view script by hash); Pagefind
 * compiles its WebAssembly ('wasm-unsafe-eval') on the main thread (the search layer sets noWorker); worker-src
 * stays 'self' so its same-origin worker (which obeys its own response header's policy) would work too. Styles keep 'unsafe-inline': reveal.js writes <style> elements and the speaker view uses style attributes.
 * Fonts and images may be data: URIs (the offline file inlines them). The speaker view frames the deck itself.
 */
export function getSiteDirectives(speakerViewHashes: readonly string[] = getSpeakerViewHashes()): CspDirectives {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", "'wasm-unsafe-eval'", ...speakerViewHashes],
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

/**
 * The value of the Content-Security-Policy response header every server sends (docs/hosting/, web.config, preview).
 * A server of a built site passes the hashes of what it serves (readServedSpeakerViewHashes).
 */
export function renderCspHeader(speakerViewHashes?: readonly string[]): string {
  return renderPolicy({ ...getSiteDirectives(speakerViewHashes), ...HEADER_ONLY_DIRECTIVES });
}

/**
 * The policy of the offline single-file deck (file://): its scripts are inline, so each is allowed by hash
 * ('self' stays for the speaker view's frames, which load the same file).
 */
export function renderExportCsp(inlineScripts: readonly string[]): string {
  // The speaker view's script is the one the file's own inlined bundle writes (none: the file opens no notes window).
  const speaker = [...new Set(inlineScripts.flatMap(findSpeakerViewScripts).map(hashSource))];
  return renderPolicy({
    ...getSiteDirectives(speaker),
    'script-src': ["'self'", ...inlineScripts.map(hashSource), ...speaker],
  });
}
