// A sharded search index, built as separate jobs and merged (docs/benchmark.md, “Past one machine”): the fixture
// site's pages are indexed as two shards by report year, each by its own process into its own folder, as two CI
// jobs would; `npm run search:merge` puts them into a copy of the site. The merged site must search exactly like
// the one-piece build: the same results in the same order, with the same counts, for every query, order and filter.
// So must the index the build itself writes as one shard per year (SEARCH_SHARDS=year), here run on a copy.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildSearchIndex, readSearchPages } from '#src/search/indexer.ts';
import { getShardFolders, ONE_PIECE, RECORDS_FOLDER } from '#src/search/record.ts';
import { launchChromium } from '#tests/helpers/browser.ts';
import { projectRoot } from '#tests/helpers/build.ts';
import { startStaticServer } from '../../scripts/lib/static-server.ts';
import { runSearchPage } from '../e2e/search-support.ts';

type Server = Awaited<ReturnType<typeof startStaticServer>>;

/** Runs one of the project's scripts as its own process; resolves with its exit code and output. */
function runScript(script: string, args: readonly string[]): Promise<{ status: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'scripts', script), ...args], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ status: code ?? 1, output }));
  });
}

const onePiece = inject('fixturesDist');
const work = mkdtempSync(path.join(tmpdir(), 'rk-shards-'));
const merged = path.join(work, 'site');
const byYear = path.join(work, 'by-year');

// The years of the fixture site's reports, split in two so that each shard holds some of them.
const pages = readSearchPages(onePiece);
const years = [...new Set(pages.map((page) => Number(page.date.slice(0, 4))))].sort((a, b) => a - b);
const split = years[Math.floor(years.length / 2)]!;
const SHARDS = [
  { name: 'older', years: `${years[0]}-${split - 1}` },
  { name: 'newer', years: `${split}-${years.at(-1)}` },
];

/** Queries: common and rare words, a phrase, two terms, a single character, with orders and filters. */
const QUERIES: Record<string, string>[] = [
  { q: '资金' },
  { q: '资金', sort: 'date' },
  { q: '孵化器 绩效' },
  { q: '科技创新' },
  { q: '中小企业', status: 'completed' },
  { q: '整改', status: 'ongoing', sort: 'date' },
  { q: '党' },
  { q: '苏科资〔2022〕1号' },
];

describe('a search index built as two shards and merged', () => {
  let browser: Browser;
  let servers: { onePiece: Server; merged: Server; byYear: Server };
  let page: Page;

  beforeAll(async () => {
    expect(years.length).toBeGreaterThan(1);
    cpSync(onePiece, merged, { recursive: true });
    // The two shard jobs run side by side, each in its own process and folder.
    const jobs = await Promise.all(
      SHARDS.map((shard) =>
        runScript('search-shard.ts', ['--site', merged, '--shard', shard.name, '--years', shard.years, '--out', path.join(work, `job-${shard.name}`)]),
      ),
    );
    for (const job of jobs) expect(job.status, job.output).toBe(0);
    const merge = await runScript('search-merge.ts', ['--site', merged, ...SHARDS.map((shard) => path.join(work, `job-${shard.name}`))]);
    expect(merge.status, merge.output).toBe(0);
    cpSync(onePiece, byYear, { recursive: true });
    await buildSearchIndex(byYear, 'year');
    browser = await launchChromium();
    servers = {
      onePiece: await startStaticServer({ root: onePiece }),
      merged: await startStaticServer({ root: merged }),
      byYear: await startStaticServer({ root: byYear }),
    };
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await servers?.onePiece.close();
    await servers?.merged.close();
    await servers?.byYear.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('replaces the one-piece index by the two shards, each with part of the pages', () => {
    expect(existsSync(path.join(merged, getShardFolders(ONE_PIECE).bundle))).toBe(false);
    expect(existsSync(path.join(merged, RECORDS_FOLDER, ONE_PIECE))).toBe(false);
    const search = readFileSync(path.join(merged, 'search', 'index.html'), 'utf8');
    const shards = JSON.parse(
      /data-search-shards="([^"]*)"/u
        .exec(search)?.[1]
        ?.replace(/&quot;/gu, '"')
        .replace(/&lt;/gu, '<')
        .replace(/&amp;/gu, '&') ?? '[]',
    );
    expect(shards.map((shard: { name: string }) => shard.name).sort()).toEqual(SHARDS.map((shard) => shard.name).sort());
    const held = shards.map((shard: { pages: number }) => shard.pages);
    expect(held.every((count: number) => count > 0)).toBe(true);
    expect(held.reduce((sum: number, count: number) => sum + count, 0)).toBe(pages.length);
    for (const shard of SHARDS) expect(existsSync(path.join(merged, getShardFolders(shard.name).bundle, 'pagefind.js'))).toBe(true);
  });

  it('searches exactly like the one-piece build: the same results, in the same order, with the same counts', async () => {
    for (const params of QUERIES) {
      const expected = await runSearchPage(page, servers.onePiece.url.replace(/\/$/u, ''), '/', params);
      const actual = await runSearchPage(page, servers.merged.url.replace(/\/$/u, ''), '/', params);
      const label = JSON.stringify(params);
      expect(expected.links.length, `${label} has results`).toBeGreaterThan(0);
      expect(actual, label).toEqual(expected);
    }
  });

  it('searches exactly like the one-piece build when the build writes one shard per year', async () => {
    const search = readFileSync(path.join(byYear, 'search', 'index.html'), 'utf8');
    expect(search.match(/&quot;name&quot;:&quot;y\d{4}&quot;/gu)).toHaveLength(years.length);
    for (const params of QUERIES) {
      const expected = await runSearchPage(page, servers.onePiece.url.replace(/\/$/u, ''), '/', params);
      const actual = await runSearchPage(page, servers.byYear.url.replace(/\/$/u, ''), '/', params);
      expect(actual, JSON.stringify(params)).toEqual(expected);
    }
  });

  it('refuses to merge shards that miss some of the site’s pages, leaving the site as it was', async () => {
    const before = readFileSync(path.join(merged, 'search', 'index.html'), 'utf8');
    const merge = await runScript('search-merge.ts', ['--site', merged, path.join(work, `job-${SHARDS[0]!.name}`)]);
    expect(merge.status).toBe(1);
    expect(merge.output).toMatch(/Merge failed.*missing/u);
    expect(readFileSync(path.join(merged, 'search', 'index.html'), 'utf8')).toBe(before);
    expect(existsSync(path.join(merged, getShardFolders(SHARDS[1]!.name).bundle, 'pagefind.js'))).toBe(true);
  });
});
