// Builds the deck's CJK web font after the pages exist: Noto Sans SC from npm, cut down to the characters the
// built decks actually use, so the PDF and the offline file carry real Chinese text on machines without CJK fonts.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import subsetFont from 'subset-font';
import { writeFileAtomically } from '#src/lib/atomic-write.ts';

/** Where the font files and their stylesheet go inside the built site; the deck page links FONT_DIR/fonts.css. */
export const FONT_DIR = 'deck-fonts';
/** The weights the theme uses (body text and headings). */
const WEIGHTS = [400, 700] as const;
/** Characters the deck shows without them being in the HTML: CSS generated content, reveal's controls and speaker view. */
const EXTRA = '；·…–';

/** A package's version, for cache keys. */
function readPackageVersion(require: NodeJS.Require, name: string): string {
  return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
}

/** Every built deck page: each report's full and brief forms, and each deck across reports (decks/<name>/). */
export function listDeckPages(outDir: string): string[] {
  const pages: string[] = [];
  const reports = path.join(outDir, 'reports');
  if (existsSync(reports))
    for (const id of readdirSync(reports)) pages.push(path.join(reports, id, 'deck', 'index.html'), path.join(reports, id, 'deck', 'brief', 'index.html'));
  const decks = path.join(outDir, 'decks');
  if (existsSync(decks)) for (const name of readdirSync(decks)) pages.push(path.join(decks, name, 'index.html'));
  return pages.filter((page) => existsSync(page));
}

/**
 * Every character of the built deck pages, plus printable ASCII, sorted and unique. The pages hold the speaker
 * notes (aside.notes), so the speaker view, which src/deck/speaker-view.ts sets in this font, has every glyph too.
 */
export function collectDeckText(outDir: string): string {
  const chars = new Set<string>();
  for (let code = 0x20; code <= 0x7e; code += 1) chars.add(String.fromCharCode(code));
  for (const char of EXTRA) chars.add(char);
  for (const page of listDeckPages(outDir)) for (const char of readFileSync(page, 'utf8')) if (char.codePointAt(0)! > 0x7e) chars.add(char);
  return [...chars].sort().join('');
}

/** Where subsets are kept between builds, keyed by font file, characters and subsetter version. */
export const FONT_CACHE_DIR = path.resolve('node_modules', '.cache', 'deck-fonts');

/**
 * The subset of `source` to `text`, from the cache when the same characters were subset from the same font file
 * before: subsetting a CJK font takes seconds, and most builds change no character of the decks.
 */
async function subsetCached(source: Buffer, text: string, version: string): Promise<Buffer> {
  const key = createHash('sha256').update(version).update('\0').update(source).update('\0').update(text).digest('hex');
  const file = path.join(FONT_CACHE_DIR, `${key}.woff2`);
  if (existsSync(file)) return readFileSync(file);
  const subset = await subsetFont(source, text, { targetFormat: 'woff2' });
  mkdirSync(FONT_CACHE_DIR, { recursive: true });
  // A build stopped half-way never leaves a broken entry.
  writeFileAtomically(file, subset);
  return subset;
}

/** Writes FONT_DIR/*.woff2 and FONT_DIR/fonts.css into outDir; returns the files written with their sizes. */
export async function buildDeckFonts(outDir: string): Promise<{ file: string; bytes: number }[]> {
  const text = collectDeckText(outDir);
  const require = createRequire(import.meta.url);
  const files = path.join(path.dirname(require.resolve('@fontsource/noto-sans-sc/package.json')), 'files');
  const versions = ['@fontsource/noto-sans-sc', 'subset-font'].map((name) => `${name}@${readPackageVersion(require, name)}`).join(' ');
  const target = path.join(outDir, FONT_DIR);
  mkdirSync(target, { recursive: true });
  const written: { file: string; bytes: number }[] = [];
  const faces: string[] = [];
  for (const weight of WEIGHTS) {
    const source = readFileSync(path.join(files, `noto-sans-sc-chinese-simplified-${weight}-normal.woff2`));
    const subset = await subsetCached(source, text, versions);
    // The content hash in the name lets hosts cache the file for ever and still pick up new characters.
    const name = `deck-sans-${weight}-${createHash('sha256').update(subset).digest('hex').slice(0, 10)}.woff2`;
    writeFileSync(path.join(target, name), subset);
    written.push({ file: `${FONT_DIR}/${name}`, bytes: subset.length });
    faces.push(`@font-face{font-family:"DeckSans";font-style:normal;font-weight:${weight};font-display:block;src:url(./${name}) format("woff2")}`);
  }
  // Relative url()s keep the stylesheet valid under any BASE_PATH; the exporter inlines them as data: URIs.
  writeFileSync(path.join(target, 'fonts.css'), `/* Noto Sans SC (SIL OFL 1.1), subset to the decks' characters. */\n${faces.join('\n')}\n`);
  return written;
}

/** The Astro integration: subsets the deck font once the build has written the pages. */
export function deckFonts(): AstroIntegration {
  return {
    name: 'deck-fonts',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const written = await buildDeckFonts(outDir);
        logger.info(written.map(({ file, bytes }) => `${file} (${(bytes / 1024).toFixed(1)} KiB)`).join(', '));
      },
    },
  };
}
