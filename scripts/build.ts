#!/usr/bin/env node
// Runs `astro build` (pages, decks, and, through the integrations in astro.config.mjs, the search index and
// web.config) into a temporary folder and swaps it into dist/ only when the whole build succeeded, so a failed
// build never leaves half-written output where a good one was.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const target = path.resolve(root, process.env.DIST_DIR ?? 'dist');
const work = path.resolve(root, '.build');
const staging = path.join(work, `dist-${process.pid}`);
const previous = path.join(work, `previous-${process.pid}`);
/** The output folder as messages show it: relative when inside the project. */
const shownTarget = path.relative(root, target).startsWith('..') ? target : path.relative(root, target) || target;

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
const status = await runAstro(staging);

const built = status === 0 && existsSync(path.join(staging, 'index.html'));
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
