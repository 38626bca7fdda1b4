// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { deckFonts } from './src/integrations/deck-fonts.ts';
import { reportSources } from './src/integrations/report-sources.ts';
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
  // astro:build:done copies the reports' source documents beside their pages; the search index and web.config are
  // written by scripts/build.ts once Astro has exited (see there), so they see every file, the sources included.
  integrations: [mdx(), deckFonts(), reportSources()],
  // No inline scripts: a strict CSP without 'unsafe-inline' must be possible, so every script is an external file.
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
});
