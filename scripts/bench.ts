// npm run bench [-- --sizes 25,5000] [--runs 3] [--per-report 25] [--seed 1] [--shards one|year] [--keep] [--out FILE]
//
// The benchmark, side by side with its peers in the same run (docs/benchmark.md): for each size it builds the
// project and the plain-Astro floor alternately (and, at the seed's size, Starlight), then runs the fixed query set
// (scripts/bench/queries.ts) on the project's /search/ and on Pagefind's default UI over the same pages, again
// alternately. Every figure is the median of the runs, printed with the peer's beside it and their ratio. The seed
// size uses content/reports; other sizes use reports generated from the seed (tests/fixtures/generate-reports.ts).
// Prints Markdown tables and writes bench-results/latest.json, with the machine it ran on (scripts/bench/machine.ts).
// The file is rewritten after every measurement ("complete": false until the end), so a run that crashes or is
// killed still leaves what it measured.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { getShardMode, type ShardMode } from '../src/search/shard-mode.ts';
import { generateReportsFolder } from '../tests/fixtures/generate-reports.ts';
import { findProblemPage, folderSize, weighPage } from './bench/assets.ts';
import { measureDeck, measureFirstSearch } from './bench/browser.ts';
import { formatMachine, readMachine } from './bench/machine.ts';
import { type Measured, runMeasured, runSteps } from './bench/measure.ts';
import { floorCommands, PEER_PAGE, writeFloorProject, writePagefindUiPeer, writeStarlightProject } from './bench/peers.ts';
import { BENCH_QUERIES } from './bench/queries.ts';
import { formatTable, judge, type SizeResult } from './bench/report.ts';
import { launchChromium } from './lib/chromium.ts';
import { startStaticServer } from './lib/static-server.ts';

const root = path.resolve(import.meta.dirname, '..');

interface Options {
  sizes: number[] | null;
  runs: number;
  perReport: number;
  seed: number;
  /** How the project's build shards its search index (SEARCH_SHARDS, src/search/shard-mode.ts). */
  shards: ShardMode;
  keep: boolean;
  out: string;
}

const ARG_OPTIONS = {
  sizes: { type: 'string' },
  runs: { type: 'string' },
  'per-report': { type: 'string' },
  seed: { type: 'string' },
  out: { type: 'string' },
  shards: { type: 'string' },
  keep: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const USAGE = 'usage: npm run bench -- [--sizes 25,5000] [--runs 3] [--per-report 25] [--seed 1] [--shards one|year] [--keep] [--out FILE]';

/** The options on the command line, read with node:util parseArgs like every script's; --help or a bad option prints the usage. */
function readOptions(): Options {
  let values: ReturnType<typeof parseArgs<{ options: typeof ARG_OPTIONS }>>['values'];
  try {
    ({ values } = parseArgs({ options: ARG_OPTIONS }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  return {
    sizes:
      values.sizes
        ?.split(',')
        .map(Number)
        .filter((size) => Number.isInteger(size) && size > 0) ?? null,
    runs: Math.max(1, Number(values.runs ?? 3)),
    perReport: Number(values['per-report'] ?? 25),
    seed: Number(values.seed ?? 1),
    shards: getShardMode(values.shards ?? 'one'),
    keep: values.keep === true,
    out: path.resolve(values.out ?? path.join(root, 'bench-results/latest.json')),
  };
}

/** The project's build script, as `npm run build` runs it. */
const BUILD_SCRIPT = path.join(root, 'scripts/build.ts');

/** One cold project build of `reportsDir` into `distDir`. */
function buildProject(reportsDir: string, work: string, distDir: string, run: number, shards: ShardMode): Promise<Measured> {
  rmSync(distDir, { recursive: true, force: true });
  const env = {
    ...process.env,
    SEARCH_SHARDS: shards,
    DIST_DIR: distDir,
    ASTRO_CACHE_DIR: path.join(work, `project-cache-${run}`),
    BASE_PATH: '/',
    REPORTS_DIR: reportsDir,
  };
  return runMeasured(process.execPath, [BUILD_SCRIPT], { cwd: root, env, logFile: path.join(work, `project-${run}.log`) });
}

/** One cold build of a generated peer project (astro build, then any further step such as the Pagefind CLI). */
function buildPeer(name: string, dir: string, work: string, run: number, steps: { command: string; args: string[] }[], outDir: string): Promise<Measured> {
  rmSync(outDir, { recursive: true, force: true });
  const env = { ...process.env, OUT_DIR: outDir, ASTRO_CACHE_DIR: path.join(work, `${name}-cache-${run}`) };
  return runSteps(
    steps.map((step, index) => () => runMeasured(step.command, step.args, { cwd: dir, env, logFile: path.join(work, `${name}-${run}-${index}.log`) })),
  );
}

/** Problems and reports in a reports folder. */
function countReports(dir: string): { reports: number; problems: number } {
  let reports = 0;
  let problems = 0;
  for (const id of readdirSync(dir)) {
    if (!existsSync(path.join(dir, id, 'report.yaml'))) continue;
    reports += 1;
    const issues = path.join(dir, id, 'issues');
    if (existsSync(issues)) problems += readdirSync(issues).filter((name) => name.endsWith('.mdx')).length;
  }
  return { reports, problems };
}

/**
 * Measures one size, calling `flush` with its result so far after every measurement, so the results file always
 * holds what has been measured.
 */
async function measureSize(
  size: number,
  seedCount: number,
  options: Options,
  work: string,
  browser: Browser | null,
  flush: (result: SizeResult) => void,
): Promise<SizeResult> {
  const seed = size === seedCount;
  const reportsDir = seed ? path.join(root, 'content/reports') : path.join(work, 'reports');
  if (!seed) generateReportsFolder(reportsDir, { problems: size, perReport: options.perReport, seed: options.seed });
  const counted = countReports(reportsDir);
  const result: SizeResult = {
    problems: counted.problems,
    reports: counted.reports,
    source: seed ? 'seed' : 'generated',
    project: [],
    floor: [],
    starlight: [],
    searches: BENCH_QUERIES.map((query) => ({ query, project: [], peer: [] })),
    problemPage: null,
    deck: null,
    pages: null,
  };
  flush(result);
  const floorDir = path.join(work, 'floor');
  writeFloorProject(floorDir, reportsDir);
  const starlightDir = path.join(work, 'starlight');
  if (seed) writeStarlightProject(starlightDir, reportsDir);
  const distDir = path.join(work, 'dist');
  const log = (text: string) => console.log(`[${size}] ${text}`);

  for (let run = 1; run <= options.runs; run += 1) {
    const project = await buildProject(reportsDir, work, distDir, run, options.shards);
    result.project.push(project);
    flush(result);
    log(`run ${run}: project ${project.ok ? `${project.seconds.toFixed(1)} s, ${(project.peakBytes / 2 ** 20).toFixed(0)} MB` : project.error}`);
    const floorOut = path.join(work, 'floor-dist');
    const floor = await buildPeer('floor', floorDir, work, run, floorCommands(floorDir, root, floorOut), floorOut);
    result.floor.push(floor);
    flush(result);
    log(`run ${run}: floor ${floor.ok ? `${floor.seconds.toFixed(1)} s, ${(floor.peakBytes / 2 ** 20).toFixed(0)} MB` : floor.error}`);
    if (seed) {
      const starlightOut = path.join(work, 'starlight-dist');
      const astro = [{ command: process.execPath, args: [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', starlightDir] }];
      const starlight = await buildPeer('starlight', starlightDir, work, run, astro, starlightOut);
      result.starlight.push(starlight);
      flush(result);
      log(`run ${run}: starlight ${starlight.ok ? `${starlight.seconds.toFixed(1)} s` : starlight.error}`);
    }
  }
  if (!result.project.at(-1)?.ok) return result;

  result.pages = folderSize(distDir).pages;
  const problem = findProblemPage(distDir);
  result.problemPage = problem ? weighPage(distDir, problem.pagePath) : null;
  flush(result);
  writePagefindUiPeer(root, distDir);
  if (browser) {
    const server = await startStaticServer({ root: distDir, base: '/' });
    try {
      for (let run = 1; run <= options.runs; run += 1) {
        for (const search of result.searches) {
          const q = encodeURIComponent(search.query);
          search.project.push(await measureFirstSearch(browser, `${server.url}search/?q=${q}`, false));
          search.peer.push(await measureFirstSearch(browser, `${server.url}${PEER_PAGE}?q=${q}`, true));
          flush(result);
        }
        log(`run ${run}: searches measured`);
      }
      if (problem) result.deck = await measureDeck(browser, { url: server.url, distDir, reportId: problem.reportId });
      flush(result);
    } finally {
      await server.close();
    }
  }
  return result;
}

async function main(): Promise<void> {
  const options = readOptions();
  const seedCount = countReports(path.join(root, 'content/reports')).problems;
  const sizes = options.sizes ?? [seedCount, 5000];
  // Inside the project, so the generated peer projects resolve this project's node_modules as their own.
  mkdirSync(path.join(root, '.bench'), { recursive: true });
  const workRoot = mkdtempSync(path.join(root, '.bench', 'run-'));
  const load = os.loadavg().map((value) => value.toFixed(2));
  const machine = readMachine();
  const machineLine = formatMachine(machine);
  console.log(
    `Benchmark: sizes ${sizes.join(', ')}; ${options.runs} alternated runs; search index SEARCH_SHARDS=${options.shards}; work folder ${workRoot}\nMachine: ${machineLine}; load average before: ${load.join(' ')}\n`,
  );
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' });
  const started = new Date().toISOString();
  const results: SizeResult[] = [];
  mkdirSync(path.dirname(options.out), { recursive: true });
  /** Writes the results file: what has been measured so far, or (complete) everything with the tables. */
  const writeResults = (complete: boolean, tables: string | null = null) => {
    const json = {
      date: started,
      complete,
      commit: git.status === 0 ? git.stdout.trim() : null,
      machine: { ...machine, summary: machineLine },
      load: { before: load, after: complete ? os.loadavg().map((value) => value.toFixed(2)) : null },
      options: { ...options, sizes },
      queries: BENCH_QUERIES,
      results: results.map((result) => ({ ...result, verdicts: judge(result) })),
      tables,
    };
    // Written whole to a temporary name and renamed, so a crash mid-write never leaves half a file.
    const temporary = `${options.out}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(json, null, 2)}\n`);
    renameSync(temporary, options.out);
  };
  writeResults(false);
  let browser: Browser | null = null;
  try {
    browser = await launchChromium();
  } catch (error) {
    console.log(`Chromium did not start (${(error as Error).message.split('\n')[0]}); search and deck figures will be n/a.`);
  }
  try {
    for (const size of sizes) {
      const work = path.join(workRoot, `size-${size}`);
      mkdirSync(work, { recursive: true });
      await measureSize(size, seedCount, options, work, browser, (result) => {
        if (!results.includes(result)) results.push(result);
        writeResults(false);
      });
      if (!options.keep) rmSync(work, { recursive: true, force: true });
    }
  } finally {
    await browser?.close().catch(() => {});
    if (!options.keep) rmSync(workRoot, { recursive: true, force: true });
  }
  const loadAfter = os.loadavg().map((value) => value.toFixed(2));
  const tables = results.map(formatTable).join('\n\n');
  console.log(`\n${tables}\n`);
  console.log(`Machine: ${machineLine}. Load average before ${load.join(' ')}, after ${loadAfter.join(' ')}.`);
  console.log('Bytes are on the wire (headers + body, Playwright request.sizes()) from a local server that gzips as production would.');
  writeResults(true, tables);
  console.log(`Results written to ${path.relative(root, options.out) || options.out}`);
}

await main();
