// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { deckFonts } from './src/integrations/deck-fonts.ts';
import { iisConfig } from './src/integrations/iis-config.ts';
import { reportSources } from './src/integrations/report-sources.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { getContentCacheDir } from './src/loaders/paths.ts';

/** BASE_PATH hosts the site under a sub-path (e.g. /archive/); SITE_URL is its public origin, when known. */
const base = process.env.BASE_PATH ?? '/';
const site = process.env.SITE_URL || undefined;

export default defineConfig({
  ...(site ? { site } : {}),
  base,
  outDir: process.env.OUT_DIR ?? './dist',
  // One cache per reports folder (under ASTRO_CACHE_DIR when set), so no build sees another folder's entries.
  cacheDir: getContentCacheDir(),
  trailingSlash: 'always',
  build: { format: 'directory' },
  // astro:build:done hooks run in this order: the deck fonts and the reports' source documents are written first, then
  // the search index, then web.config, whose MIME map covers every file written before it.
  integrations: [mdx(), deckFonts(), reportSources(), searchIndex(), iisConfig()],
  // No inline scripts: a strict CSP without 'unsafe-inline' must be possible, so every script is an external file.
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
});
