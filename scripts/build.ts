#!/usr/bin/env node
// Runs `astro build` (pages, decks and, through the integrations in astro.config.mjs, fonts, sources and
// web.config) into a temporary folder, then the search index once Astro has exited, and swaps the folder into
// dist/ only when the whole build succeeded, so a failed build never leaves half-written output where a good one
// was. `astro build` alone writes the same index in astro:build:done (src/integrations/search-index.ts); here it is
// the same step in the same worker, started while Astro builds, but run after Astro has exited, so the memory
// Astro still holds at astro:build:done never adds up with Pagefind's: the build's peak is the larger of the two.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeWebConfig } from '#src/integrations/iis-config.ts';
import { startIndexWorker } from '#src/integrations/search-index.ts';
import { readSearchPageBase } from '#src/search/indexer.ts';
import { getShardMode } from '#src/search/shard-mode.ts';

const root = process.cwd();
const target = path.resolve(root, process.env.DIST_DIR ?? 'dist');
const work = path.resolve(root, '.build');
const staging = path.join(work, `dist-${process.pid}`);
const previous = path.join(work, `previous-${process.pid}`);
/** The output folder as messages show it: relative when inside the project. */
const shownTarget = path.relative(root, target).startsWith('..') ? target : path.relative(root, target) || target;

/** Runs `astro build` into `outDir`, without the search index (SEARCH_SHARDS=none); resolves with its exit code. */
function runAstro(outDir: string): Promise<number> {
  const astro = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  // A larger young generation spends less of a small build in garbage collection; Astro's peak memory stays well
  // below the index step's, which sets the build's. Astro's telemetry is off: a build phones nowhere.
  const child = spawn(process.execPath, ['--max-semi-space-size=32', astro, 'build', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ASTRO_TELEMETRY_DISABLED: '1', ...process.env, OUT_DIR: outDir, SEARCH_SHARDS: 'none' },
  });
  return new Promise((resolve) => {
    child.once('error', () => resolve(1));
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

/** Writes the search index (as SEARCH_SHARDS says) into the built folder, then web.config again for its files; false on failure. */
async function indexSite(dir: string, worker: ReturnType<typeof startIndexWorker>): Promise<boolean> {
  try {
    const pages = await worker.index(dir);
    writeWebConfig(dir, readSearchPageBase(dir));
    console.log(`Pagefind indexed ${pages} pages (position index, SEARCH_SHARDS=${mode})`);
    return true;
  } catch (error) {
    console.error(`The search index failed: ${(error as Error).message}`);
    return false;
  }
}

// Checked before anything is built: a mistyped SEARCH_SHARDS is an error naming it.
const mode = getShardMode();
mkdirSync(work, { recursive: true });
rmSync(staging, { recursive: true, force: true });
const worker = mode === 'none' ? null : startIndexWorker();
const status = await runAstro(staging);

const built = status === 0 && existsSync(path.join(staging, 'index.html')) && (worker === null || (await indexSite(staging, worker)));
if (!built) {
  rmSync(staging, { recursive: true, force: true });
  console.error(`\n构建失败，${shownTarget}/ 保持不变。Build failed; ${shownTarget}/ was left as it was.`);
  process.exit(status || 1);
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
