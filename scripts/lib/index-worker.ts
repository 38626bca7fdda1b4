// The search index step of scripts/build.ts, run in a worker thread (see indexSite there).
import { parentPort, workerData } from 'node:worker_threads';
import { buildSearchIndex } from '#src/search/indexer.ts';

parentPort?.postMessage(await buildSearchIndex(workerData as string));
