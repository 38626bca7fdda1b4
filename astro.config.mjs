// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { deckFonts } from './src/integrations/deck-fonts.ts';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { reportSources } from './src/integrations/report-sources.ts';
import { webConfigIntegration } from './src/integrations/web-config.ts';

/** BASE_PATH hosts the site under a sub-path (e.g. /archive/); SITE_URL is its public origin, when known. */
const base = process.env.BASE_PATH ?? '/';
const site = process.env.SITE_URL || undefined;

export default defineConfig({
  ...(site ? { site } : {}),
  base,
  outDir: process.env.OUT_DIR ?? './dist',
  // Separate caches let tests build several fixtures at once without sharing a content store.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  trailingSlash: 'always',
  build: { format: 'directory' },
  // astro:build:done hooks run in this order: the reports' source documents are copied beside their pages, Pagefind
  // indexes the finished pages, then web.config (IIS) maps the extensions of every file written, Pagefind's included.
  integrations: [mdx(), deckFonts(), reportSources(), pagefindIntegration(), webConfigIntegration()],
  // No inline scripts: a strict CSP without 'unsafe-inline' must be possible, so every script is an external file.
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
});
