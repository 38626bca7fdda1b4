// Builds the Pagefind index inside `astro build`, so the search bundle always matches the pages it ships with.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/** Astro integration: after the build, indexes every page marked data-pagefind-body and writes <outDir>/pagefind/. */
export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'rectification-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        // The whole archive is Chinese; forcing the language keeps one index even if a page forgets its lang.
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
        try {
          if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: outDir });
          if (added.errors.length > 0) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
          if (added.page_count === 0) throw new Error('Pagefind indexed no pages: no page carries data-pagefind-body');
          const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
          if (written.errors.length > 0) throw new Error(`Pagefind could not write its bundle: ${written.errors.join('; ')}`);
          logger.info(`Pagefind indexed ${added.page_count} pages`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
