#!/usr/bin/env node
// Builds the site, decks and search index into a temporary folder and swaps it into dist/ only when
// the whole build succeeded, so a failed build never leaves half-written output where a good one was.
// Astro builds the pages; once it has exited, the search index and web.config are written here, so the
// index's memory (Pagefind holds every record) never adds up with Astro's.
import { spawn } from 'node:child_process';
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

/**
 * The search index step (src/search/indexer.ts), in a worker with a small young generation: reading thousands of
 * pages would otherwise grow this process's heap while Pagefind holds every record, and both count in the build's
 * peak memory. The worker starts, and loads its modules, while Astro builds; `index` sends it the built site and
 * resolves with the number of pages indexed; `stop` ends it unused.
 */
function startIndexer() {
  const worker = new Worker(new URL('./lib/index-worker.ts', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: 4 } });
  const done = new Promise<number>((resolve, reject) => {
    worker.once('message', (pages: number) => resolve(pages));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the search index stopped (exit code ${code})`)));
  });
  // Stopped unused, it rejects with nobody waiting.
  done.catch(() => {});
  return {
    index: (dir: string) => {
      worker.postMessage(dir);
      return done;
    },
    stop: () => void worker.terminate(),
  };
}

/** Runs `astro build` into `outDir`; resolves with its exit code. */
function runAstro(outDir: string): Promise<number> {
  const astro = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  // A larger young generation spends less of a small build in garbage collection; Astro's peak memory stays well
  // below the index step's, which sets the build's. Astro's telemetry is off: a build phones nowhere.
  const child = spawn(process.execPath, ['--max-semi-space-size=32', astro, 'build', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ASTRO_TELEMETRY_DISABLED: '1', ...process.env, OUT_DIR: outDir },
  });
  return new Promise((resolve) => {
    child.once('error', () => resolve(1));
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

mkdirSync(work, { recursive: true });
rmSync(staging, { recursive: true, force: true });
const indexer = startIndexer();
const status = await runAstro(staging);

/** Writes the search index and web.config into the built site; the error message, or null. */
async function finishSite(dir: string): Promise<string | null> {
  try {
    const pages = await indexer.index(dir);
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

const built = status === 0 && existsSync(path.join(staging, 'index.html'));
const failure = built ? await finishSite(staging) : null;
if (!built) indexer.stop();
if (failure) console.error(failure);
if (!built || failure) {
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
