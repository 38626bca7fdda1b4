import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const projectRoot = path.resolve(import.meta.dirname, '../..');

/** The result of building the site once: where it went and what the build printed. */
export interface BuildResult {
  status: number;
  output: string;
  distDir: string;
}

/**
 * Builds the site with `npm run build`'s script into distDir (a fresh temp folder unless given),
 * from the reports folder `reportsDir` (default: the real content), under `basePath`.
 */
export function buildSite(options: { reportsDir?: string; basePath?: string; distDir?: string; env?: Record<string, string> } = {}): BuildResult {
  const work = mkdtempSync(path.join(tmpdir(), 'rk-build-'));
  const distDir = options.distDir ?? path.join(work, 'dist');
  const env: Record<string, string | undefined> = {
    ...process.env,
    DIST_DIR: distDir,
    ASTRO_CACHE_DIR: path.join(work, 'cache'),
    BASE_PATH: options.basePath ?? '/',
    ...options.env,
  };
  if (options.reportsDir) env['REPORTS_DIR'] = options.reportsDir;
  else delete env['REPORTS_DIR'];
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'scripts/build.ts')], {
    cwd: projectRoot,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status ?? 1, output: `${result.stdout}\n${result.stderr}`, distDir };
}
