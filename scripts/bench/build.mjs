// Runs the full build (site, decks, search index: scripts/build.ts) into a temp folder and measures
// its wall time and peak memory: GNU time's maximum RSS (the largest single process) where
// /usr/bin/time exists, and the summed RSS of the whole process tree sampled from /proc.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const TIME = '/usr/bin/time';

/** Whether GNU time with -v is available (busybox and BSD time lack the verbose report). */
export function hasGnuTime() {
  if (!existsSync(TIME)) return false;
  const probe = spawnSync(TIME, ['-v', 'true'], { encoding: 'utf8' });
  return probe.status === 0 && /Maximum resident set size/u.test(probe.stderr ?? '');
}

/** Parent pid and RSS (bytes) of every process, from /proc. */
function readProcessTable() {
  const table = new Map();
  let entries;
  try {
    entries = readdirSync('/proc');
  } catch {
    return table;
  }
  for (const name of entries) {
    if (!/^\d+$/u.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'latin1');
      // Fields after the command (which may hold spaces) start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      const rssPages = Number(fields[21]);
      table.set(Number(name), { ppid, rss: rssPages * 4096 });
    } catch {
      // The process ended while we read.
    }
  }
  return table;
}

/** Summed RSS (bytes) of `root` and all its descendants. */
export function treeRss(root) {
  const table = readProcessTable();
  const children = new Map();
  for (const [pid, { ppid }] of table) {
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(pid);
  }
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop();
    total += table.get(pid)?.rss ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/**
 * Builds `reportsDir` into `work`/dist with a fresh Astro cache. Resolves to
 * { ok, seconds, maxRssBytes, treePeakBytes, distDir, logFile, error }.
 */
export async function measureBuild({ root, reportsDir, work, basePath = '/' }) {
  mkdirSync(work, { recursive: true });
  const distDir = path.join(work, 'dist');
  const logFile = path.join(work, 'build.log');
  const timeFile = path.join(work, 'time.txt');
  const env = {
    ...process.env,
    DIST_DIR: distDir,
    ASTRO_CACHE_DIR: path.join(work, 'astro-cache'),
    BASE_PATH: basePath,
    REPORTS_DIR: reportsDir,
  };
  const gnuTime = hasGnuTime();
  const node = [process.execPath, path.join(root, 'scripts/build.ts')];
  const [command, ...args] = gnuTime ? [TIME, '-v', '-o', timeFile, ...node] : node;
  const log = openSync(logFile, 'w');
  const started = performance.now();
  const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', log, log] });
  let treePeakBytes = 0;
  const sample = () => {
    if (child.pid) treePeakBytes = Math.max(treePeakBytes, treeRss(child.pid));
  };
  const timer = setInterval(sample, 250);
  const status = await new Promise((resolve) => {
    child.on('error', () => resolve(-1));
    child.on('exit', (code) => resolve(code ?? 1));
  });
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  closeSync(log);
  let maxRssBytes = null;
  if (gnuTime && existsSync(timeFile)) {
    const match = /Maximum resident set size \(kbytes\): (\d+)/u.exec(readFileSync(timeFile, 'utf8'));
    if (match) maxRssBytes = Number(match[1]) * 1024;
  }
  const ok = status === 0 && existsSync(path.join(distDir, 'index.html'));
  const tail = ok ? '' : readFileSync(logFile, 'utf8').trim().split('\n').slice(-12).join('\n');
  return {
    ok,
    seconds,
    maxRssBytes,
    treePeakBytes: treePeakBytes || null,
    distDir,
    logFile,
    error: ok ? null : `build exited ${status}; see ${logFile}\n${tail}`,
  };
}
