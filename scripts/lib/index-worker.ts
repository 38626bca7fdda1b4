// The search index step of scripts/build.ts, run in a worker thread (see startIndexer there): it loads while Astro
// builds, then indexes the folder it is sent.
import { parentPort } from 'node:worker_threads';
import { buildSearchIndex } from '#src/search/indexer.ts';

parentPort?.once('message', async (dir: string) => {
  parentPort?.postMessage(await buildSearchIndex(dir));
});
