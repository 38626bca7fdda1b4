// Builds the search index of a built site, so the search bundle always matches the pages it ships with. The
// search-index integration runs it in astro:build:done, in a worker thread (src/integrations/search-index.ts).
//
// One pass: each built page's searchable part (data-pagefind-body without data-pagefind-ignore) is read with a small
// tag scanner, one file at a time, and written as a Pagefind custom record in the format of src/search/record.ts.
// Pagefind never parses the HTML itself, so it holds only the records.
//
// The index is one or more shards (src/search/record.ts): each a Pagefind bundle and a folder of the project's own
// records, one small JSON file per page, which is all a shown result fetches. Nothing here reads or writes Pagefind's
// files: it writes its bundle through the Node API and only names, for the search page to preload, the files the
// bundle holds (listBundleFiles). A shard can be written by a separate job (scripts/search-shard.ts) and merged into
// a site (scripts/search-merge.ts); the search page then merges the bundles with Pagefind's mergeIndex.
//
// The search page learns the shards (linkSearchPage): their folders and order, as a data attribute, and it preloads
// the first bundle's entry, metadata and WebAssembly with the page instead of one after the other once Pagefind runs.
// The entry is asked for with a tag that is a hash of the bundle's entry file (Pagefind's metaCacheTag), which
// changes with every index, instead of a timestamp no cache can hold.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { getSearchPath } from '#src/lib/urls.ts';
import { extractIndexedPage } from '#src/search/extract.ts';
import {
  comparePages,
  getRecordPath,
  getShardFolders,
  LANGUAGE,
  ONE_PIECE,
  placeShards,
  RECORDS_FOLDER,
  type SearchPage,
  type SearchShard,
  SHARD_FILE,
  type ShardFile,
  toRecordContent,
  toRecordFilters,
  toSearchRecord,
} from '#src/search/record.ts';
import { getShardMode, type ShardMode } from '#src/search/shard-mode.ts';

/** Whether a top-level folder of a built site holds the search index or Astro's assets, not pages. */
function isIndexFolder(name: string): boolean {
  return name === '_astro' || name === RECORDS_FOLDER || name === 'pagefind' || name.startsWith('pagefind-');
}

/** Every .html file under dir (relative, posix), the search index and Astro's assets apart. */
function listHtmlFiles(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return !prefix && isIndexFolder(entry.name) ? [] : listHtmlFiles(dir, relative);
    return entry.name.endsWith('.html') ? [relative] : [];
  });
}

/** The URL path of a built file from the site's root (the client adds the base path, as Pagefind's baseUrl). */
function toUrl(relative: string): string {
  return `/${relative.replace(/(^|\/)index\.html$/u, '$1')}`;
}

/** Reads the searchable pages of a built site; a body without its kind, report or date is an error naming the file. */
export function readSearchPages(outDir: string): SearchPage[] {
  const pages: SearchPage[] = [];
  for (const relative of listHtmlFiles(outDir)) {
    const html = readFileSync(path.join(outDir, relative), 'utf8');
    if (!html.includes('data-pagefind-body')) continue;
    const extracted = extractIndexedPage(html);
    if (!extracted) continue;
    const { attributes } = extracted;
    const kind = attributes['data-kind'];
    const report = attributes['data-report'];
    const date = attributes['data-date'];
    const issuer = attributes['data-issuer'];
    if ((kind !== 'issue' && kind !== 'report') || !report || !date || !issuer)
      throw new Error(`${relative}: the data-pagefind-body element needs data-kind (issue|report), data-report, data-issuer and data-date`);
    const number = Number(attributes['data-number']);
    // A copy: strings cut from the page's HTML would keep all of it in memory while Pagefind runs.
    const page: SearchPage = structuredClone({
      url: toUrl(relative),
      kind,
      title: extracted.title,
      report,
      issuer,
      date,
      status: attributes['data-status'] || null,
      number: Number.isInteger(number) && number > 0 ? number : null,
      text: extracted.text,
      anchors: extracted.anchors,
    });
    pages.push(page);
  }
  if (pages.length === 0) throw new Error('Pagefind indexed no pages: no page carries data-pagefind-body');
  return pages.sort(comparePages);
}

/** A page's record content; a page whose text does not begin with its title is an error naming it. */
function toPageContent(page: SearchPage): string {
  try {
    return toRecordContent(page.title, page.text);
  } catch (error) {
    throw new Error(`${page.url}: ${(error as Error).message}: its data-pagefind-body must begin with its h1`);
  }
}

/** The files of a Pagefind bundle the search page preloads. */
export interface BundleFiles {
  /** A hash of the bundle's entry file: Pagefind's metaCacheTag, the version the entry is asked for. */
  tag: string;
  /** The bundle files to preload, relative to the bundle folder. */
  files: string[];
}

/**
 * The files to preload from a written bundle's file names: the entry (with the tag), the metadata and the
 * WebAssembly. A bundle without exactly one of each is an error naming Pagefind, whose bundle layout then changed.
 */
export function listBundleFiles(names: readonly string[], entry: Uint8Array): BundleFiles {
  const pick = (pattern: RegExp, what: string) => {
    const found = names.filter((name) => pattern.test(name));
    if (found.length !== 1)
      throw new Error(
        `the Pagefind bundle holds ${found.length} ${what} files (${found.join(', ') || 'none'}), not one: did a Pagefind upgrade change its bundle?`,
      );
    return found[0]!;
  };
  if (!names.includes('pagefind-entry.json')) throw new Error('the Pagefind bundle has no pagefind-entry.json: did a Pagefind upgrade change its bundle?');
  const tag = createHash('sha256').update(entry).digest('hex').slice(0, 16);
  return {
    tag,
    files: [`pagefind-entry.json?ts=${tag}`, pick(/\.pf_meta$/u, 'metadata (.pf_meta)'), pick(/^wasm\.[^/]+\.pagefind$/u, 'WebAssembly (wasm.*.pagefind)')],
  };
}

/**
 * Pagefind's script link on the search page, as src/pages/search.astro writes it (the base, then pagefind/) or as
 * a previous linkSearchPage left it (the base in data-pagefind-preload), so a merge can point it elsewhere.
 */
const PRELOAD_MARKER =
  /<link rel="modulepreload" href="([^"]*)pagefind\/pagefind\.js" data-pagefind-preload>|<link rel="modulepreload" href="[^"]*" data-pagefind-preload="([^"]*)"[^>]*>/u;
/** The bundle files a previous linkSearchPage preloaded. */
const PRELOADED = /<link rel="preload" as="fetch" crossorigin href="[^"]*" data-pagefind-file>/gu;

/** Escapes text for a double-quoted HTML attribute. */
function escapeAttribute(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/"/gu, '&quot;').replace(/</gu, '&lt;');
}

/**
 * The search page pointed at its shards: Pagefind's script link names the first shard's bundle and carries the tag
 * and the shards (data-search-shards), and that bundle's files are preloaded at the end of the body, so the page's
 * own scripts are asked for first; null without the marker.
 */
export function addBundlePreloads(html: string, shards: readonly SearchShard[], bundle: BundleFiles): string | null {
  const match = PRELOAD_MARKER.exec(html);
  const first = shards[0];
  if (!match || !first || !html.includes('</body>')) return null;
  const base = match[1] ?? match[2] ?? '';
  const folder = `${base}${first.bundle}`;
  const preloads = bundle.files.map((file) => `<link rel="preload" as="fetch" crossorigin href="${folder}${file}" data-pagefind-file>`).join('');
  const link = `<link rel="modulepreload" href="${folder}pagefind.js" data-pagefind-preload="${escapeAttribute(base)}" data-pagefind-tag="${bundle.tag}" data-search-shards="${escapeAttribute(JSON.stringify(shards))}">`;
  return html.replace(PRELOADED, '').replace(match[0], link).replace('</body>', `${preloads}</body>`);
}

/** Reads the shard files (SHARD_FILE) of every shard written into a site. */
export function readShardFiles(outDir: string): ShardFile[] {
  const dir = path.join(outDir, RECORDS_FOLDER);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name, SHARD_FILE);
    return entry.isDirectory() && existsSync(file) ? [JSON.parse(readFileSync(file, 'utf8')) as ShardFile] : [];
  });
}

/** The base path the built search page was built for (its form's data-pagefind-base). */
export function readSearchPageBase(outDir: string): string {
  const file = path.join(outDir, getSearchPath(), 'index.html');
  const base = /data-pagefind-base="([^"]*)"/u.exec(readFileSync(file, 'utf8'))?.[1];
  if (base === undefined) throw new Error(`${file}: no data-pagefind-base`);
  return base;
}

/** Points the built search page at the shards written into the site; a search page without the marker is an error naming it. */
export function linkSearchPage(outDir: string): SearchShard[] {
  const shards = placeShards(readShardFiles(outDir));
  const first = shards[0];
  if (!first) throw new Error(`${outDir}: no search shard to link the search page to`);
  const bundleDir = path.join(outDir, first.bundle);
  const bundle = listBundleFiles(readdirSync(bundleDir), readFileSync(path.join(bundleDir, 'pagefind-entry.json')));
  const file = path.join(outDir, getSearchPath(), 'index.html');
  const linked = addBundlePreloads(readFileSync(file, 'utf8'), shards, bundle);
  if (linked === null) throw new Error(`${file}: no <link rel="modulepreload" … pagefind/pagefind.js" data-pagefind-preload> for Pagefind's script`);
  writeFileSync(file, linked);
  return shards;
}

/**
 * Writes one shard of the index into outDir: the Pagefind bundle of `pages` (any order; written in date order) in
 * the shard's bundle folder, and its records, one JSON file per page, with its SHARD_FILE. Returns the shard file.
 */
export async function writeSearchShard(outDir: string, name: string, pages: readonly SearchPage[]): Promise<ShardFile> {
  const folders = getShardFolders(name);
  const ordered = [...pages].sort(comparePages);
  const bundleDir = path.join(outDir, folders.bundle);
  const recordsDir = path.join(outDir, folders.records);
  rmSync(bundleDir, { recursive: true, force: true });
  rmSync(recordsDir, { recursive: true, force: true });
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: LANGUAGE });
    if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
    // A few hundred records in flight at a time keeps the service busy without flooding it. They are sent in date
    // order and Pagefind numbers them as it receives them: that order is the one the search page reads (record.ts).
    for (let from = 0; from < ordered.length; from += 200) {
      const batch = ordered.slice(from, from + 200);
      const added = await Promise.all(
        batch.map((page) => index.addCustomRecord({ url: page.url, content: toPageContent(page), language: LANGUAGE, filters: toRecordFilters(page, name) })),
      );
      const failed = added.flatMap((response, offset) => (response.errors.length > 0 ? [`${batch[offset]?.url}: ${response.errors.join('; ')}`] : []));
      if (failed.length > 0) throw new Error(`Pagefind could not index ${failed.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: bundleDir });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its bundle: ${written.errors.join('; ')}`);
  } finally {
    // Pagefind holds every record until it stops.
    await pagefind.close();
  }
  mkdirSync(recordsDir, { recursive: true });
  ordered.forEach((page, rank) => {
    writeFileSync(path.join(outDir, getRecordPath(folders, rank)), JSON.stringify(toSearchRecord(page)));
  });
  const shard: ShardFile = {
    name,
    ...folders,
    pages: ordered.map(({ url, kind, report, date, status, number }) => ({ url, kind, report, date, status, number })),
  };
  writeFileSync(path.join(recordsDir, SHARD_FILE), JSON.stringify(shard));
  return shard;
}

/**
 * Indexes every page of the built site at outDir marked data-pagefind-body, in place of any index it has, as one
 * shard or one per report year (`mode`), and links the search page; returns the page count (0 when the mode is none).
 */
export async function buildSearchIndex(outDir: string, mode: ShardMode = getShardMode()): Promise<number> {
  if (mode === 'none') return 0;
  const pages = readSearchPages(outDir);
  // An index written before (a site indexed again) would hold the same pages twice.
  removeSearchIndex(outDir);
  if (mode === 'one') await writeSearchShard(outDir, ONE_PIECE, pages);
  else {
    const years = [...new Set(pages.map((page) => page.date.slice(0, 4)))];
    for (const year of years) await writeSearchShard(outDir, `y${year}`, selectShardPages(pages, { years: [Number(year), Number(year)] }));
  }
  linkSearchPage(outDir);
  return pages.length;
}

/** Which pages a shard holds: those of reports dated in a range of years (inclusive), of one issuer, or both. */
export interface ShardSelection {
  years?: readonly [number, number] | undefined;
  issuer?: string | undefined;
}

/** The pages a shard selection holds. */
export function selectShardPages(pages: readonly SearchPage[], { years, issuer }: ShardSelection): SearchPage[] {
  return pages.filter((page) => {
    const year = Number(page.date.slice(0, 4));
    return (!years || (year >= years[0] && year <= years[1])) && (issuer === undefined || page.issuer === issuer);
  });
}

/** Removes every shard of the search index from a built site: the bundles and the records. */
export function removeSearchIndex(outDir: string): void {
  for (const entry of readdirSync(outDir, { withFileTypes: true }))
    if (entry.isDirectory() && entry.name !== '_astro' && isIndexFolder(entry.name)) rmSync(path.join(outDir, entry.name), { recursive: true, force: true });
}

/**
 * Merges shards written by separate jobs (each a folder holding what writeSearchShard wrote) into a built site, in
 * place of its own index, and points its search page at them. Everything is checked before the site is touched:
 * the shards must hold every page of the site marked for search, each once. Returns the shards as linked.
 */
export function mergeSearchShards(outDir: string, sources: readonly string[]): SearchShard[] {
  const files = sources.flatMap((source) => {
    const found = readShardFiles(source);
    if (found.length === 0) throw new Error(`${source}: no search shard (${RECORDS_FOLDER}/<name>/${SHARD_FILE})`);
    return found.map((file) => ({ source, file }));
  });
  // Throws naming a page two shards hold.
  placeShards(files.map(({ file }) => file));
  const marked = new Set(readSearchPages(outDir).map((page) => page.url));
  const held = new Set(files.flatMap(({ file }) => file.pages.map((page) => page.url)));
  const missing = [...marked].filter((url) => !held.has(url));
  const extra = [...held].filter((url) => !marked.has(url));
  if (missing.length > 0 || extra.length > 0)
    throw new Error(
      `the shards do not hold the site's pages: ${missing.length} missing${missing.length > 0 ? ` (${missing.slice(0, 3).join(', ')}…)` : ''}, ${extra.length} not in the site${extra.length > 0 ? ` (${extra.slice(0, 3).join(', ')}…)` : ''}`,
    );
  removeSearchIndex(outDir);
  for (const { source, file } of files) {
    cpSync(path.join(source, file.bundle), path.join(outDir, file.bundle), { recursive: true });
    cpSync(path.join(source, file.records), path.join(outDir, file.records), { recursive: true });
  }
  return linkSearchPage(outDir);
}
