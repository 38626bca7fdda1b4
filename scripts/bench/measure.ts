// Runs a command and measures its wall time and the peak memory of its whole process tree (summed RSS of the
// process and its descendants, sampled from /proc every 0.2 s), plus the small statistics the report needs.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';

/** One measured command. */
export interface Measured {
  ok: boolean;
  seconds: number;
  /** Peak summed RSS of the process tree, bytes. */
  peakBytes: number;
  /** The last lines of its output when it failed. */
  error: string | null;
}

/** Parent pid and RSS (bytes) of every process, from /proc. */
function readProcessTable(): Map<number, { ppid: number; rss: number }> {
  const table = new Map<number, { ppid: number; rss: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/u.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'latin1');
      // Fields after the command (which may hold spaces) start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(name), { ppid: Number(fields[1]), rss: Number(fields[21]) * 4096 });
    } catch {
      // The process ended while we read.
    }
  }
  return table;
}

/** Summed RSS (bytes) of `root` and all its descendants. */
export function readTreeRss(root: number): number {
  const table = readProcessTable();
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of table) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total += table.get(pid)?.rss ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Runs `command args` with `env` in `cwd`, output to `logFile`; resolves to its time, peak memory and status. */
export async function runMeasured(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string },
): Promise<Measured> {
  const log = openSync(options.logFile, 'w');
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', log, log] });
  let peakBytes = 0;
  const sample = () => {
    if (child.pid) peakBytes = Math.max(peakBytes, readTreeRss(child.pid));
  };
  const timer = setInterval(sample, 200);
  const status = await new Promise<number>((resolve) => {
    child.on('error', () => resolve(-1));
    child.on('exit', (code) => resolve(code ?? 1));
  });
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  closeSync(log);
  const ok = status === 0;
  const tail = ok ? null : `exited ${status}: ${readFileSync(options.logFile, 'utf8').trim().split('\n').slice(-8).join('\n')}`;
  return { ok, seconds, peakBytes, error: tail };
}

/** Runs several measured steps one after the other: times add up, the peak is the largest step's. */
export async function runSteps(steps: readonly (() => Promise<Measured>)[]): Promise<Measured> {
  let seconds = 0;
  let peakBytes = 0;
  for (const step of steps) {
    const measured = await step();
    seconds += measured.seconds;
    peakBytes = Math.max(peakBytes, measured.peakBytes);
    if (!measured.ok) return { ...measured, seconds, peakBytes };
  }
  return { ok: true, seconds, peakBytes, error: null };
}

/** The median of some numbers (mean of the middle two for an even count); null when there are none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
