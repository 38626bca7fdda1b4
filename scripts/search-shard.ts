// npm run search:shard -- --site <built site> --shard <name> [--years 2023-2024] [--issuer <发文机关>] [--out <folder>]
// Writes one shard of the search index (src/search/indexer.ts): the Pagefind bundle and records of the pages of a
// built site whose report is dated in --years or issued by --issuer, into --out (default: the site itself). Shards
// are built as separate jobs and merged into one site with `npm run search:merge` (docs/benchmark.md).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readSearchPages, selectShardPages, writeSearchShard } from '#src/search/indexer.ts';

const usage = `Usage: npm run search:shard -- --site <built site> --shard <name> [--years 2023-2024] [--issuer <name>] [--out <folder>]
  --site    the built site (dist/) whose pages are indexed
  --shard   the shard's name (lower-case letters, digits, - and _)
  --years   the years of the reports it holds, FROM-TO or one year (default: every year)
  --issuer  the issuer (发文机关) of the reports it holds (default: every issuer)
  --out     where to write the shard (default: the site)`;

/** A --years value: "2023" or "2021-2023". */
function parseYears(value: string): [number, number] {
  const match = /^(\d{4})(?:-(\d{4}))?$/u.exec(value);
  if (!match) throw new Error(`--years ${value}: expected YYYY or YYYY-YYYY`);
  const from = Number(match[1]);
  return [from, Number(match[2] ?? from)];
}

async function main(): Promise<number> {
  let values: { site?: string | undefined; shard?: string | undefined; years?: string | undefined; issuer?: string | undefined; out?: string | undefined };
  try {
    ({ values } = parseArgs({
      options: { site: { type: 'string' }, shard: { type: 'string' }, years: { type: 'string' }, issuer: { type: 'string' }, out: { type: 'string' } },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (!values.site || !values.shard) {
    console.error(usage);
    return 2;
  }
  const site = path.resolve(values.site);
  const out = path.resolve(values.out ?? site);
  const pages = selectShardPages(readSearchPages(site), { years: values.years ? parseYears(values.years) : undefined, issuer: values.issuer });
  if (pages.length === 0) {
    console.error(`shard ${values.shard}: no page of ${site} matches`);
    return 1;
  }
  await writeSearchShard(out, values.shard, pages);
  console.log(`shard ${values.shard}: ${pages.length} pages indexed into ${out}`);
  return 0;
}

process.exitCode = await main();
