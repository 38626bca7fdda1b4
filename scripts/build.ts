#!/usr/bin/env node
// Builds the site, decks and search index into a temporary folder and swaps it into dist/ only when
// the whole build succeeded, so a failed build never leaves half-written output where a good one was.
// Astro builds the pages; once it has exited, the search index and web.config are written here, so the
// index's memory (Pagefind holds every record) never adds up with Astro's.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeWebConfig } from '#src/integrations/web-config.ts';
import { buildSearchIndex } from '#src/search/indexer.ts';

const root = process.cwd();
const target = path.resolve(root, process.env.DIST_DIR ?? 'dist');
const work = path.resolve(root, '.build');
const staging = path.join(work, `dist-${process.pid}`);
const previous = path.join(work, `previous-${process.pid}`);
/** The output folder as messages show it: relative when inside the project. */
const shownTarget = path.relative(root, target).startsWith('..') ? target : path.relative(root, target) || target;

mkdirSync(work, { recursive: true });
rmSync(staging, { recursive: true, force: true });
const astro = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const result = spawnSync(process.execPath, [astro, 'build', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, OUT_DIR: staging },
});
/** Writes the search index and web.config into the built site; the error message, or null. */
async function finishSite(dir: string): Promise<string | null> {
  try {
    const pages = await buildSearchIndex(dir);
    console.log(`Pagefind indexed ${pages} pages (position index)`);
    const { extensions, bare } = writeWebConfig(dir, process.env.BASE_PATH ?? '/');
    // IIS serves no file without an extension; say which ones rather than lose them quietly.
    if (bare.length > 0) console.warn(`IIS will not serve these files, which have no extension: ${bare.join(', ')}`);
    console.log(`web.config maps ${extensions} extensions for IIS`);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

const built = result.status === 0 && existsSync(path.join(staging, 'index.html'));
const failure = built ? await finishSite(staging) : null;
if (failure) console.error(failure);
if (!built || failure) {
  rmSync(staging, { recursive: true, force: true });
  console.error(`\n构建失败，${shownTarget}/ 保持不变。Build failed; ${shownTarget}/ was left as it was.`);
  process.exit(result.status || 1);
}
/** Moves a folder; across filesystems (DIST_DIR on another disk) rename fails with EXDEV, so copy then remove. */
function moveFolder(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

mkdirSync(path.dirname(target), { recursive: true });
if (existsSync(target)) moveFolder(target, previous);
moveFolder(staging, target);
rmSync(previous, { recursive: true, force: true });
console.log(`\n构建完成 Build complete: ${shownTarget}/`);
