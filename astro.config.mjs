// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

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
  integrations: [mdx()],
  devToolbar: { enabled: false },
});
