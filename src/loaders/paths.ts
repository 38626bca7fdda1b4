import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The folder holding one sub-folder per report; REPORTS_DIR overrides it (tests build fixtures this way). */
export function getReportsDir(root: string = process.cwd()): string {
  return path.resolve(root, process.env['REPORTS_DIR'] ?? 'content/reports');
}

/** The file in each cache folder naming the reports folder it belongs to. */
const OWNER_FILE = 'reports-dir.txt';

/**
 * Astro's cache folder for the reports folder being built: one per reports folder, under ASTRO_CACHE_DIR (default
 * node_modules/.astro). The content layer's store then never lists another folder's entries, so switching
 * REPORTS_DIR, or deleting a folder an earlier build read, cannot break the next build or leak into it. Caches of
 * reports folders that no longer exist are removed.
 */
export function getContentCacheDir(root: string = process.cwd()): string {
  const parent = path.resolve(root, process.env['ASTRO_CACHE_DIR'] ?? 'node_modules/.astro');
  const reportsDir = getReportsDir(root);
  if (existsSync(parent)) {
    for (const name of readdirSync(parent)) {
      const owner = path.join(parent, name, OWNER_FILE);
      if (name.startsWith('reports-') && existsSync(owner) && !existsSync(readFileSync(owner, 'utf8'))) {
        rmSync(path.join(parent, name), { recursive: true, force: true });
      }
    }
  }
  const dir = path.join(parent, `reports-${createHash('sha256').update(reportsDir).digest('hex').slice(0, 16)}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, OWNER_FILE), reportsDir);
  return dir;
}

/** A file's path as the content store keeps it: relative to the project root (Astro refuses absolute ones), with /. */
export function getStoreFilePath(file: string, root: string = process.cwd()): string {
  return path.relative(root, file).split(path.sep).join('/');
}
