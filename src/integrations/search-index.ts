// Writes the search index (src/search/indexer.ts) into the built site in astro:build:done, so `astro build` alone
// gives the whole site. It runs after the integrations that add files (deck fonts, report sources) and before
// iisConfig, whose MIME map must see the search bundle. `npm run build` (scripts/build.ts) runs the same step in the
// same worker once Astro has exited instead (SEARCH_SHARDS=none for Astro), so their memory never adds up.
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { getShardMode } from '#src/search/shard-mode.ts';

/**
 * The index step in a worker with a small young generation: reading thousands of pages would otherwise grow the
 * build's heap while Pagefind holds every record. The worker starts, and loads its modules, while Astro builds;
 * `index` sends it the built site and resolves with the number of pages indexed. It is unreferenced until then,
 * so a build that fails earlier exits without waiting for it.
 */
export function startIndexWorker() {
  const worker = new Worker(new URL('./search-index-worker.ts', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: 4 } });
  worker.unref();
  const done = new Promise<number>((resolve, reject) => {
    worker.once('message', (pages: number) => resolve(pages));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the search index stopped (exit code ${code})`)));
  });
  // Never asked to index (a failed build), it rejects with nobody waiting.
  done.catch(() => {});
  return {
    index: async (dir: string) => {
      worker.ref();
      worker.postMessage(dir);
      try {
        return await done;
      } finally {
        void worker.terminate();
      }
    },
  };
}

export function searchIndex(): AstroIntegration {
  let worker: ReturnType<typeof startIndexWorker> | undefined;
  return {
    name: 'search-index',
    hooks: {
      'astro:build:start': () => {
        if (getShardMode() !== 'none') worker = startIndexWorker();
      },
      'astro:build:done': async ({ dir, logger }) => {
        const mode = getShardMode();
        if (mode === 'none') {
          logger.info('SEARCH_SHARDS=none: no search index written in this step');
          return;
        }
        worker ??= startIndexWorker();
        const pages = await worker.index(fileURLToPath(dir));
        logger.info(`Pagefind indexed ${pages} pages (position index, SEARCH_SHARDS=${mode})`);
      },
    },
  };
}
