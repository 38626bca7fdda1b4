#!/usr/bin/env node
// Builds the site, decks and search index into a temporary folder and swaps it into dist/ only when
// the whole build succeeded, so a failed build never leaves half-written output where a good one was.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const target = path.resolve(root, process.env.DIST_DIR ?? 'dist');
const work = path.resolve(root, '.build');
const staging = path.join(work, `dist-${process.pid}`);
const previous = path.join(work, `previous-${process.pid}`);

mkdirSync(work, { recursive: true });
rmSync(staging, { recursive: true, force: true });
const astro = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const result = spawnSync(process.execPath, [astro, 'build', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, OUT_DIR: staging },
});
if (result.status !== 0 || !existsSync(path.join(staging, 'index.html'))) {
  rmSync(staging, { recursive: true, force: true });
  console.error(`\n构建失败，${path.relative(root, target) || target}/ 保持不变。Build failed; ${target} was left as it was.`);
  process.exit(result.status || 1);
}
if (existsSync(target)) renameSync(target, previous);
renameSync(staging, target);
rmSync(previous, { recursive: true, force: true });
console.log(`\n构建完成 Build complete: ${path.relative(root, target) || target}/`);
