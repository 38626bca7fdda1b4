import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const projectRoot = path.resolve(import.meta.dirname, '../..');

/** The script `npm run build` runs. */
export const buildScript = path.join(projectRoot, 'scripts/build.ts');

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
export function buildSite(options: { reportsDir?: string; basePath?: string; distDir?: string; env?: Record<string, string> } = {}): Promise<BuildResult> {
  const work = mkdtempSync(path.join(tmpdir(), 'rk-build-'));
  const distDir = options.distDir ?? path.join(work, 'dist');
  const env: Record<string, string | undefined> = {
    ...process.env,
    DIST_DIR: distDir,
    ASTRO_CACHE_DIR: path.join(work, 'cache'),
    BASE_PATH: options.basePath ?? '/',
    ...options.env,
  };
  // Vitest sets BASE_URL=/ in test workers, and Vite would let it override BASE_PATH in the child build.
  delete env['BASE_URL'];
  if (options.reportsDir) env['REPORTS_DIR'] = options.reportsDir;
  else delete env['REPORTS_DIR'];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [buildScript], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ status: code ?? 1, output, distDir }));
  });
}
