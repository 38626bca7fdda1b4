// npm run search:merge -- --site <built site> <shard folder>…
// Merges search shards written by separate jobs (npm run search:shard) into a built site, in place of its own
// index, points its search page at them (the search page merges their bundles with Pagefind's mergeIndex) and
// writes its web.config again.
// Nothing in the site changes unless the shards hold exactly its pages marked for search, each once.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeWebConfig } from '#src/integrations/iis-config.ts';
import { mergeSearchShards, readSearchPageBase } from '#src/search/indexer.ts';

const usage = 'Usage: npm run search:merge -- --site <built site> <shard folder>…';

function main(): number {
  let values: { site?: string | undefined };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ options: { site: { type: 'string' } }, allowPositionals: true }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (!values.site || positionals.length === 0) {
    console.error(usage);
    return 2;
  }
  try {
    const site = path.resolve(values.site);
    const shards = mergeSearchShards(
      site,
      positionals.map((folder) => path.resolve(folder)),
    );
    // The MIME map of web.config covers the merged bundles' files too.
    writeWebConfig(site, readSearchPageBase(site));
    console.log(`merged ${shards.length} shards into ${values.site}: ${shards.map((shard) => `${shard.name} (${shard.pages} pages)`).join(', ')}`);
    return 0;
  } catch (error) {
    console.error(`合并失败，网站未改动 Merge failed, the site was left as it was: ${(error as Error).message}`);
    return 1;
  }
}

process.exitCode = main();
