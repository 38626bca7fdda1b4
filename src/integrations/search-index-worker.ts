// The search index step of the search-index integration (./search-index.ts), run in a worker thread: it loads while
// Astro builds, then indexes the folder it is sent.
import { parentPort } from 'node:worker_threads';
import { buildSearchIndex } from '#src/search/indexer.ts';

parentPort?.once('message', async (dir: string) => {
  parentPort?.postMessage(await buildSearchIndex(dir));
});
