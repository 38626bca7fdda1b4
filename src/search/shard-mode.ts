// How the build writes the search index, from SEARCH_SHARDS: read by the index step (src/search/indexer.ts) and by
// the integrations that run around it, without loading the indexer.

/**
 * `one`, one shard of every page (the default); `year`, one shard per report year, written one after the other, so
 * Pagefind never holds more than one year's records; `none`, no index, for a pages job whose shards other jobs write
 * and merge (scripts/search-shard.ts, scripts/search-merge.ts).
 */
export type ShardMode = 'one' | 'year' | 'none';

/** The shard mode of SEARCH_SHARDS; another value is an error naming it. */
export function getShardMode(value = process.env['SEARCH_SHARDS']): ShardMode {
  if (value === undefined || value === '' || value === 'one') return 'one';
  if (value === 'year' || value === 'none') return value;
  throw new Error(`SEARCH_SHARDS=${value}: expected one, year or none`);
}
