#!/usr/bin/env node
// npm run bench [-- --sizes 25,1000,5000] [--per-report 25] [--query 资金] [--warm-query 人才] [--keep] [--out FILE]
//
// A benchmark, not a test: for each size it builds the site (site, decks and search index, the real
// scripts/build.ts) from a reports folder into a temp folder and measures build time and peak memory,
// the bytes of a problem page before any search, the first search in Chromium (bytes, cold and warm
// latency), the deck (JS+CSS bytes, time to the first slide) and the PDF export. The size equal to the
// real content's problem count uses content/reports itself; other sizes use reports generated from the
// seed by scripts/bench/generate-reports.ts. Every measure fails soft: a part not built yet prints
// n/a with the reason. Prints a Markdown table and writes bench-results/latest.json.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findProblemPage, folderSize, weighPage } from './bench/assets.mjs';
import { launchChromium, measureDeck, measureSearch } from './bench/browser.mjs';
import { measureBuild } from './bench/build.mjs';
import { formatTable, judge, TARGETS } from './bench/report.mjs';

const root = path.resolve(import.meta.dirname, '..');
const DEFAULT_SIZES = [25, 1000, 5000];

function parseArgs(argv) {
  const args = {
    sizes: DEFAULT_SIZES,
    perReport: 25,
    query: '资金',
    warmQuery: '人才',
    keep: false,
    out: path.join(root, 'bench-results/latest.json'),
    seed: 1,
    pdf: true,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--sizes')
      args.sizes = value()
        .split(',')
        .map((size) => Number(size.trim()))
        .filter((size) => Number.isInteger(size) && size > 0);
    else if (flag === '--per-report') args.perReport = Number(value());
    else if (flag === '--query') args.query = value();
    else if (flag === '--warm-query') args.warmQuery = value();
    else if (flag === '--seed') args.seed = Number(value());
    else if (flag === '--out') args.out = path.resolve(value());
    else if (flag === '--keep') args.keep = true;
    else if (flag === '--no-pdf') args.pdf = false;
    else if (flag === '--help' || flag === '-h') {
      console.log(
        'usage: npm run bench -- [--sizes 25,1000,5000] [--per-report 25] [--query 资金] [--warm-query 人才] [--seed 1] [--no-pdf] [--keep] [--out FILE]',
      );
      process.exit(0);
    } else {
      console.error(`unknown option ${argv[i]} (try --help)`);
      process.exit(2);
    }
  }
  if (args.sizes.length === 0) args.sizes = DEFAULT_SIZES;
  return args;
}

/** The real content folder and its problem count (the seed size). */
async function realContent() {
  const { readIssuesFromDisk } = await import('../src/loaders/disk.ts');
  const dir = path.join(root, 'content/reports');
  const count = readIssuesFromDisk(dir).issues.length;
  const reports = readdirSync(dir).filter((name) => existsSync(path.join(dir, name, 'report.yaml'))).length;
  return { dir, count, reports };
}

/** Runs `fn`, turning a throw into { ok: false, error } so one failing measure never stops the rest. */
async function soft(label, fn) {
  try {
    return await fn();
  } catch (error) {
    return { ok: false, error: `${label} failed: ${String(error?.message ?? error).split('\n')[0]}` };
  }
}

/**
 * The PDF export of one deck, timed (Chromium launch included), if scripts/export-pdf.ts exists.
 */
async function measurePdf({ distDir, reportId, work }) {
  const script = path.join(root, 'scripts/export-pdf.ts');
  if (!existsSync(script)) return { ok: false, error: 'not available: scripts/export-pdf.ts does not exist yet' };
  const outDir = path.join(work, 'pdf');
  mkdirSync(outDir, { recursive: true });
  // scripts/export-pdf.ts [report-id…] reads DIST_DIR and writes into EXPORT_DIR.
  const env = { ...process.env, DIST_DIR: distDir, EXPORT_DIR: outDir };
  const args = [script, reportId];
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const status = await new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGTERM'), 300_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code ?? 1);
    });
    child.on('error', () => resolve(-1));
  });
  const seconds = (performance.now() - started) / 1000;
  if (status !== 0)
    return {
      ok: false,
      error: `export-pdf exited ${status}: ${output.trim().split('\n').slice(-1)[0] ?? ''}`,
      command: `node ${args.map((a) => path.relative(root, a) || a).join(' ')}`,
    };
  const pdf = path.join(outDir, `${reportId}.pdf`);
  if (!existsSync(pdf))
    return { ok: false, error: `export-pdf wrote no ${reportId}.pdf`, command: `node ${args.map((a) => path.relative(root, a) || a).join(' ')}` };
  return {
    ok: true,
    seconds,
    bytes: statSync(pdf).size,
    command: `node ${args.map((a) => path.relative(root, a) || a).join(' ')}`,
    output: output.trim().split('\n').slice(-3).join('\n'),
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const workRoot = mkdtempSync(path.join(os.tmpdir(), 'rk-bench-'));
  const content = await soft('reading content/reports', realContent);
  const { generateReportsFolder } = await import('./bench/generate-reports.ts');
  console.log(`Benchmark: sizes ${args.sizes.join(', ')} problems; work folder ${workRoot}`);
  console.log(`Node ${process.version}, ${os.cpus().length} CPU(s), ${(os.totalmem() / 2 ** 30).toFixed(1)} GB RAM\n`);

  const chromium = await launchChromium();
  if (chromium.error) console.log(`Chromium: ${chromium.error}; browser measures will be n/a.`);
  const results = [];
  try {
    for (const [position, size] of args.sizes.entries()) {
      const work = path.join(workRoot, `size-${size}`);
      mkdirSync(work, { recursive: true });
      const result = { problems: size, reports: 0, source: 'generated' };
      results.push(result);
      // The reports folder: the real content when the size matches it, else generated from the seed.
      let reportsDir;
      if (content.count === size) {
        reportsDir = content.dir;
        result.source = 'seed';
        result.reports = content.reports;
      } else {
        reportsDir = path.join(work, 'reports');
        const generated = generateReportsFolder(reportsDir, { problems: size, perReport: args.perReport, seed: args.seed });
        result.reports = generated.length;
      }
      console.log(`[${size}] building ${result.reports} report(s) from ${result.source === 'seed' ? path.relative(root, reportsDir) : reportsDir} …`);
      result.build = await soft('build', () => measureBuild({ root, reportsDir, work }));
      if (!result.build.ok) {
        console.log(`[${size}] build failed: ${result.build.error}`);
        continue;
      }
      console.log(`[${size}] built in ${result.build.seconds.toFixed(1)} s`);
      const distDir = result.build.distDir;
      result.dist = folderSize(distDir);
      const problem = findProblemPage(distDir);
      result.problemPage = problem
        ? await soft('problem page', () => weighPage(distDir, problem.pagePath))
        : { ok: false, error: 'no problem page (reports/<id>/issues/<slug>/) was built' };
      const reportId = problem?.reportId ?? readdirSync(path.join(distDir, 'reports'), { withFileTypes: true }).find((entry) => entry.isDirectory())?.name;

      if (chromium.browser) {
        const { startStaticServer } = await import('./lib/static-server.ts');
        const server = await startStaticServer({ root: distDir, base: '/' });
        try {
          result.search = await soft('search', () =>
            measureSearch(chromium.browser, { url: server.url, distDir, query: args.query, warmQuery: args.warmQuery }),
          );
          result.deck = reportId
            ? await soft('deck', () => measureDeck(chromium.browser, { url: server.url, distDir, reportId }))
            : { ok: false, error: 'no report was built' };
        } finally {
          await server.close();
        }
      } else {
        result.search = { ok: false, error: chromium.error };
        result.deck = { ok: false, error: chromium.error };
      }
      // The PDF export drives a browser per deck: measured once, at the first size.
      if (args.pdf && position === 0 && reportId) result.pdf = await soft('pdf', () => measurePdf({ distDir, reportId, work }));
      result.targets = judge(result);
      console.log(`[${size}] measured`);
      if (!args.keep) rmSync(work, { recursive: true, force: true });
    }
  } finally {
    await chromium.browser?.close().catch(() => {});
    if (!args.keep) rmSync(workRoot, { recursive: true, force: true });
  }

  const table = formatTable(results);
  console.log(`\n${table}\n`);
  console.log('Sizes: 1 KB = 1024 bytes; gzip = level 6. Page and deck bytes are the dist files a first visit loads (fonts apart).');
  console.log(
    'Search "transferred" is bytes on the wire (response headers + body, Playwright request.sizes()) of the /pagefind/ requests of the first search, from the',
  );
  console.log('uncompressed static server; cold = a fresh browser context, measured from aria-busy=true to false on [data-search-results].');
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' });
  const json = {
    date: new Date().toISOString(),
    commit: git.status === 0 ? git.stdout.trim() : null,
    node: process.version,
    cpus: os.cpus().length,
    memoryBytes: os.totalmem(),
    options: { sizes: args.sizes, perReport: args.perReport, query: args.query, warmQuery: args.warmQuery, seed: args.seed },
    targets: TARGETS,
    results: results.map(({ build, ...rest }) => ({ ...rest, build: build && { ...build, distDir: undefined } })),
    table,
  };
  mkdirSync(path.dirname(args.out), { recursive: true });
  writeFileSync(args.out, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\nResults written to ${path.relative(root, args.out) || args.out}`);
}

await main();
