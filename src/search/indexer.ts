// Builds the Pagefind index of a built site, so the search bundle always matches the pages it ships with.
// scripts/build.ts runs it on the freshly built site once Astro has exited, so the index's memory never adds up
// with the Astro build's.
//
// One pass: each built page's searchable part (data-pagefind-body without data-pagefind-ignore) is read with a small
// tag scanner, one file at a time, and written as a custom record in the format of src/search/record.ts. Pagefind
// never parses the HTML itself, so it holds only the records.
//
// Records carry no meta (Pagefind would index it as words): once Pagefind has written its bundle, each fragment, the
// one file a shown result fetches, gets what the hit shows in place of the position words, which no client reads.
// A fragment's name is the hash of what Pagefind wrote into it: its URL, words and filters. Everything added here
// follows from those (title and text from the words, anchors from the text), so a changed page still gets a new name.
//
// The search page then learns the bundle's file names (linkSearchPage): it preloads the entry, metadata and
// WebAssembly with the page instead of one after the other once Pagefind runs, and names the entry by the metadata's
// hash (Pagefind's metaCacheTag), which changes with every index, instead of a timestamp no cache can hold.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { getSearchPath } from '#src/lib/urls.ts';
import { extractIndexedPage } from '#src/search/extract.ts';
import { comparePages, LANGUAGE, type SearchPage, SORT_KEY, toRecordContent, toRecordFilters, toRecordMeta, toSortValue } from '#src/search/record.ts';

/** Every .html file under dir (relative, posix), the search bundle and Astro's assets apart. */
function listHtmlFiles(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return entry.name === 'pagefind' || entry.name === '_astro' ? [] : listHtmlFiles(dir, relative);
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

/** What starts every Pagefind file once unzipped. */
const SIGNATURE = 'pagefind_dcd';

/** Writes what each hit shows into the fragments of a Pagefind bundle, in place of the position words. */
function completeFragments(bundleDir: string, pages: readonly SearchPage[]): void {
  const byUrl = new Map(pages.map((page) => [page.url, page]));
  const dir = path.join(bundleDir, 'fragment');
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    const raw = gunzipSync(readFileSync(file)).toString('utf8');
    if (!raw.startsWith(SIGNATURE)) throw new Error(`${file}: not a Pagefind fragment`);
    const fragment = JSON.parse(raw.slice(SIGNATURE.length)) as { url: string; content: string; meta: Record<string, string> };
    const page = byUrl.get(fragment.url);
    if (!page) throw new Error(`${file}: Pagefind wrote a fragment for ${fragment.url}, which was never indexed`);
    fragment.meta = toRecordMeta(page);
    fragment.content = '';
    writeFileSync(file, gzipSync(SIGNATURE + JSON.stringify(fragment), { level: 9 }));
  }
}

/** The files of a Pagefind bundle the search page preloads. */
export interface BundleFiles {
  /** The metadata's hash, which names the entry (Pagefind's metaCacheTag) and the metadata file. */
  tag: string;
  /** The bundle files to preload, relative to the bundle folder. */
  files: string[];
}

/** The files to preload from a bundle's pagefind-entry.json. */
export function readBundleFiles(entryJson: string): BundleFiles {
  const entry = JSON.parse(entryJson) as { languages?: Record<string, { hash?: string; wasm?: string | null }> };
  const language = entry.languages?.[LANGUAGE];
  if (!language?.hash) throw new Error(`pagefind-entry.json lists no ${LANGUAGE} index`);
  const tag = language.hash;
  return { tag, files: [`pagefind-entry.json?ts=${tag}`, `pagefind.${tag}.pf_meta`, `wasm.${language.wasm ?? 'unknown'}.pagefind`] };
}

const PRELOAD_MARKER = /<link rel="modulepreload" href="([^"]*)pagefind\.js" data-pagefind-preload>/u;

/**
 * The search page pointed at a bundle: Pagefind's script link carries the tag, and the bundle's files are preloaded
 * at the end of the body, so the page's own scripts are asked for first; null without the marker.
 */
export function addBundlePreloads(html: string, bundle: BundleFiles): string | null {
  const match = PRELOAD_MARKER.exec(html);
  if (!match || !html.includes('</body>')) return null;
  const folder = match[1] ?? '';
  const preloads = bundle.files.map((file) => `<link rel="preload" as="fetch" crossorigin href="${folder}${file}">`).join('');
  return html
    .replace(match[0], `<link rel="modulepreload" href="${folder}pagefind.js" data-pagefind-tag="${bundle.tag}">`)
    .replace('</body>', `${preloads}</body>`);
}

/** Points the built search page at the bundle just written; a search page without the marker is an error naming it. */
function linkSearchPage(outDir: string, bundleDir: string): void {
  const file = path.join(outDir, getSearchPath(), 'index.html');
  const linked = addBundlePreloads(readFileSync(file, 'utf8'), readBundleFiles(readFileSync(path.join(bundleDir, 'pagefind-entry.json'), 'utf8')));
  if (linked === null) throw new Error(`${file}: no <link rel="modulepreload" … data-pagefind-preload> for Pagefind's script`);
  writeFileSync(file, linked);
}

/** Writes the records of `pages` (in date order) as the Pagefind bundle <outDir>/pagefind/. */
export async function writeSearchIndex(outDir: string, pages: readonly SearchPage[]): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: LANGUAGE });
  if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
  // A few hundred records in flight at a time keeps the service busy without flooding it.
  for (let from = 0; from < pages.length; from += 200) {
    const batch = pages.slice(from, from + 200);
    const added = await Promise.all(
      batch.map((page, offset) =>
        index.addCustomRecord({
          url: page.url,
          content: toPageContent(page),
          language: LANGUAGE,
          filters: toRecordFilters(page),
          sort: { [SORT_KEY]: toSortValue(from + offset) },
        }),
      ),
    );
    const failed = added.flatMap((response, offset) => (response.errors.length > 0 ? [`${batch[offset]?.url}: ${response.errors.join('; ')}`] : []));
    if (failed.length > 0) throw new Error(`Pagefind could not index ${failed.join('; ')}`);
  }
  const bundleDir = path.join(outDir, 'pagefind');
  const written = await index.writeFiles({ outputPath: bundleDir });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its bundle: ${written.errors.join('; ')}`);
  // Pagefind still holds every record; stop it before the fragments are read back.
  await pagefind.close();
  completeFragments(bundleDir, pages);
  linkSearchPage(outDir, bundleDir);
}

/** Indexes every page of the built site at outDir marked data-pagefind-body into <outDir>/pagefind/; returns the page count. */
export async function buildSearchIndex(outDir: string): Promise<number> {
  try {
    const pages = readSearchPages(outDir);
    await writeSearchIndex(outDir, pages);
    return pages.length;
  } finally {
    await pagefind.close();
  }
}
