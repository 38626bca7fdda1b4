// Builds the Pagefind index of a built site, so the search bundle always matches the pages it ships with.
// scripts/build.ts runs it on the freshly built site once Astro has exited, so the index's memory never adds up
// with the Astro build's.
//
// One pass: each built page's searchable part (data-pagefind-body without data-pagefind-ignore) is read with a small
// tag scanner, one file at a time, and written as a custom record in the format of src/search/record.ts. Pagefind
// never parses the HTML itself, so it holds only the records.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
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
    pages.push({
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
  }
  if (pages.length === 0) throw new Error('Pagefind indexed no pages: no page carries data-pagefind-body');
  return pages.sort(comparePages);
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
          content: toRecordContent(page.title, page.text),
          language: LANGUAGE,
          meta: toRecordMeta(page),
          filters: toRecordFilters(page),
          sort: { [SORT_KEY]: toSortValue(from + offset) },
        }),
      ),
    );
    const failed = added.flatMap((response, offset) => (response.errors.length > 0 ? [`${batch[offset]?.url}: ${response.errors.join('; ')}`] : []));
    if (failed.length > 0) throw new Error(`Pagefind could not index ${failed.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its bundle: ${written.errors.join('; ')}`);
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
