// Writes web.config (IIS) into the built site in astro:build:done, after the search index (see astro.config.mjs), so
// the MIME map is derived from every file the build emitted, the search bundle included.
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { renderWebConfig } from '#src/hosting/web-config.ts';
import { assertServedSpeakerViewHashes, readServedSpeakerViewHashes, renderCspHeader } from '#src/lib/csp.ts';
import { getShardMode } from '#src/search/shard-mode.ts';

/** The file IIS reads in the site's (or application's) folder. */
export const WEB_CONFIG_FILE = 'web.config';

/** The extensions of the files under dir (lower case, with their dot), and the files that have none. */
export function listFileExtensions(dir: string): { extensions: Set<string>; bare: string[] } {
  const extensions = new Set<string>();
  const bare: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const extension = path.extname(entry.name).toLowerCase();
    if (extension) extensions.add(extension);
    else bare.push(path.relative(dir, path.join(entry.parentPath, entry.name)));
  }
  return { extensions, bare };
}

/**
 * Writes <outDir>/web.config for a site served at `base`; returns the extensions mapped and the files IIS will not
 * serve. Without a search index it is an error, unless the index is left to a merge (SEARCH_SHARDS=none), which
 * writes web.config again.
 */
export function writeWebConfig(outDir: string, base: string): { extensions: number; bare: string[] } {
  // Written again (after the search index or a merge), it maps the site's files, not a previous web.config.
  rmSync(path.join(outDir, WEB_CONFIG_FILE), { force: true });
  const { extensions, bare } = listFileExtensions(outDir);
  if (!extensions.has('.pf_meta') && getShardMode() !== 'none')
    throw new Error(`${WEB_CONFIG_FILE}: no Pagefind index in ${outDir}; write the search index first`);
  // The header holds the speaker view as the site serves it, which the pages' policy must match too.
  assertServedSpeakerViewHashes(outDir);
  writeFileSync(path.join(outDir, WEB_CONFIG_FILE), renderWebConfig({ base, extensions, csp: renderCspHeader(readServedSpeakerViewHashes(outDir)) }));
  return { extensions: extensions.size, bare };
}

export function iisConfig(): AstroIntegration {
  let base = '/';
  return {
    name: 'iis-config',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        const { extensions, bare } = writeWebConfig(fileURLToPath(dir), base);
        // IIS serves no file without an extension; say which ones rather than lose them quietly.
        if (bare.length > 0) logger.warn(`IIS will not serve these files, which have no extension: ${bare.join(', ')}`);
        logger.info(`${WEB_CONFIG_FILE} maps ${extensions} extensions for IIS`);
      },
    },
  };
}
