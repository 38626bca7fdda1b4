// Builds the Pagefind index inside `astro build`, so the search bundle always matches the pages it ships with.
//
// Two passes. First Pagefind reads the built pages (data-pagefind-body, data-pagefind-ignore, meta, filters and
// anchors) into an in-memory index that is never written; its fragments give each page's indexed text exactly as
// Pagefind extracts it. Then the shipped index is made of custom records, one per page, whose content is that text
// with a zero-width space between every two characters, so every character is its own word (see the character
// index in src/search/match.ts). Each record carries its title, kind, report, status, number and measure anchors
// as meta, its filters, and a sort rank that puts results in report order.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { cleanFragmentText, comparePages, encodeAnchors, locateAnchors, type RankedPage, toIndexedText } from '#src/search/match.ts';

const LANGUAGE = 'zh-cn';

/** The part of a Pagefind fragment file the second pass reads. */
interface ExtractedFragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  anchors?: { id: string; text?: string }[];
}

/** Decodes a .pf_fragment file: gzip of the "pagefind_dcd" signature followed by JSON. */
function decodeFragment(bytes: Uint8Array): ExtractedFragment {
  const text = gunzipSync(bytes).toString('utf8');
  return JSON.parse(text.slice(text.indexOf('{'))) as ExtractedFragment;
}

/** First pass: every page Pagefind would index, as Pagefind extracts it. */
async function extractPages(outDir: string): Promise<ExtractedFragment[]> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: LANGUAGE });
  if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length > 0) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
    if (added.page_count === 0) throw new Error('Pagefind indexed no pages: no page carries data-pagefind-body');
    const files = await index.getFiles();
    if (files.errors.length > 0) throw new Error(`Pagefind could not build its index: ${files.errors.join('; ')}`);
    const fragments = files.files.filter((file) => /(^|\/)fragment\/[^/]+\.pf_fragment$/u.test(file.path)).map((file) => decodeFragment(file.content));
    // page_count counts every HTML file read; only pages with data-pagefind-body yield a fragment.
    if (fragments.length === 0) throw new Error('Pagefind indexed no pages: no page carries data-pagefind-body');
    return fragments;
  } finally {
    await index.deleteIndex();
  }
}

/** A page's ranking fields from its meta. */
function toRanked(fragment: ExtractedFragment): RankedPage {
  const number = Number(fragment.meta['number']);
  return {
    url: fragment.url,
    kind: fragment.meta['kind'] === 'report' ? 'report' : 'issue',
    status: fragment.meta['status'] ?? null,
    report: fragment.meta['report'] ?? '',
    number: Number.isFinite(number) && number > 0 ? number : null,
  };
}

/** The custom record of one page (rank: its position in result order). */
export function toRecord(fragment: ExtractedFragment, rank: number): pagefind.CustomRecord {
  const text = cleanFragmentText(fragment.content);
  const anchors = locateAnchors(
    text,
    (fragment.anchors ?? [])
      .filter((anchor) => /^measure-\d+$/u.test(anchor.id))
      .map((anchor) => ({ id: anchor.id, text: cleanFragmentText(anchor.text ?? '') })),
  );
  const meta: Record<string, string> = {};
  for (const key of ['title', 'kind', 'report', 'status', 'number']) {
    const value = fragment.meta[key];
    if (value !== undefined && value !== '') meta[key] = value;
  }
  if (anchors.length > 0) meta['anchors'] = encodeAnchors(anchors);
  return {
    url: fragment.url,
    content: toIndexedText(text),
    language: LANGUAGE,
    meta,
    filters: fragment.filters,
    // Zero-padded so that text and number order agree.
    sort: { rank: String(rank).padStart(7, '0') },
  };
}

/** Astro integration: after the build, indexes every page marked data-pagefind-body and writes <outDir>/pagefind/. */
export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'rectification-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        try {
          const pages = (await extractPages(outDir)).sort((a, b) => comparePages(toRanked(a), toRanked(b)));
          const { index, errors } = await pagefind.createIndex({ forceLanguage: LANGUAGE });
          if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
          // A few hundred records in flight at a time keeps the service busy without flooding it.
          for (let from = 0; from < pages.length; from += 200) {
            const batch = pages.slice(from, from + 200);
            const added = await Promise.all(batch.map((page, offset) => index.addCustomRecord(toRecord(page, from + offset))));
            const failed = added.flatMap((response, offset) => (response.errors.length > 0 ? [`${batch[offset]?.url}: ${response.errors.join('; ')}`] : []));
            if (failed.length > 0) throw new Error(`Pagefind could not index ${failed.join('; ')}`);
          }
          const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
          if (written.errors.length > 0) throw new Error(`Pagefind could not write its bundle: ${written.errors.join('; ')}`);
          logger.info(`Pagefind indexed ${pages.length} pages (character index)`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
