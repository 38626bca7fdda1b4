#!/usr/bin/env node
// Builds the site, decks and search index into a temporary folder and swaps it into dist/ only when
// the whole build succeeded, so a failed build never leaves half-written output where a good one was.
// Astro builds the pages; once it has exited, the search index and web.config are written here, so the
// index's memory (Pagefind holds every record) never adds up with Astro's.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { writeWebConfig } from '#src/integrations/web-config.ts';

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
/**
 * Indexes the built site (src/search/indexer.ts) in a worker with a small young generation: reading thousands of
 * pages would otherwise grow this process's heap while Pagefind holds every record, and both count in the build's
 * peak memory. Resolves with the number of pages indexed.
 */
function indexSite(dir: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./lib/index-worker.ts', import.meta.url), { workerData: dir, resourceLimits: { maxYoungGenerationSizeMb: 4 } });
    worker.once('message', (pages: number) => resolve(pages));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the search index stopped (exit code ${code})`)));
  });
}

/** Writes the search index and web.config into the built site; the error message, or null. */
async function finishSite(dir: string): Promise<string | null> {
  try {
    const pages = await indexSite(dir);
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
