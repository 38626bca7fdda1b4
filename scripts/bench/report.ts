// Turns the benchmark's runs into one Markdown table per size: medians of the alternated runs, the peer's figure
// beside the project's, their ratio and the target's verdict.

import type { PageWeight } from './assets.ts';
import type { DeckMeasure, SearchMeasure } from './browser.ts';
import type { Measured } from './measure.ts';
import { median } from './measure.ts';

/** Every run of one size. */
export interface SizeResult {
  problems: number;
  reports: number;
  source: 'seed' | 'generated';
  project: Measured[];
  floor: Measured[];
  starlight: Measured[];
  searches: { query: string; project: SearchMeasure[]; peer: SearchMeasure[] }[];
  problemPage: PageWeight | null;
  deck: DeckMeasure | null;
  pages: number | null;
}

/** The targets of docs/benchmark.md: a ratio limit against a peer. */
export const TARGETS = {
  buildTime: { limit: 1.2, minProblems: 5000, text: '≤ 1.2× floor at 5,000' },
  buildMemory: { limit: 0.8, minProblems: 5000, text: '≤ 0.8× floor at 5,000' },
  seedBuild: { limit: 1.0, text: '≤ 1.0× Starlight' },
  searchBytes: { limit: 1.0, minProblems: 5000, text: '≤ 1.0× Pagefind UI at 5,000' },
  searchTime: { limit: 1.0, minProblems: 5000, text: '≤ 1.0× Pagefind UI at 5,000' },
} as const;

export const kb = (bytes: number | null): string =>
  bytes === null ? 'n/a' : bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number | null): string => (bytes === null ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(0)} MB`);
const ms = (value: number | null): string => (value === null ? 'n/a' : `${Math.round(value)} ms`);
const seconds = (value: number | null): string => (value === null ? 'n/a' : `${value.toFixed(1)} s`);

/** The median of a field over the successful runs, or null. */
function middle<T extends { ok: boolean }>(runs: readonly T[], field: (run: T) => number): number | null {
  return median(runs.filter((run) => run.ok).map(field));
}

/** project / peer, or null when either is missing. */
export function ratio(project: number | null, peer: number | null): number | null {
  return project === null || peer === null || peer === 0 ? null : project / peer;
}

/** "pass" / "miss" for a ratio against a limit; null when not judged at this size. */
export function judgeRatio(value: number | null, limit: number, applies = true): 'pass' | 'miss' | null {
  if (!applies || value === null) return null;
  return value <= limit ? 'pass' : 'miss';
}

const verdict = (value: 'pass' | 'miss' | null) => (value === 'pass' ? '✅ pass' : value === 'miss' ? '❌ miss' : '');
const times = (value: number | null) => (value === null ? 'n/a' : `${value.toFixed(2)}×`);

/** One row: measure, project, peer, ratio, target, verdict. */
function row(label: string, project: string, peer: string, value: number | null, target = '', judged: 'pass' | 'miss' | null = null): string {
  return `| ${label} | ${project} | ${peer} | ${times(value)} | ${target} | ${verdict(judged)} |`;
}

/** One judged figure: the project's median beside the peer's, as the table shows them and the target reads them. */
interface Comparison {
  /** Its key in judge()'s verdicts. */
  key: string;
  label: string;
  project: string;
  peer: string;
  ratio: number | null;
  target: { limit: number; text: string };
  /** Whether the target applies at this size. */
  applies: boolean;
  /** A line shown after the row (a failed run). */
  note?: string;
  /** Left out of the table (no peer runs at this size). */
  hidden?: true;
}

/** The figures of one size that are judged against a target, each median computed once. */
function compare(result: SizeResult): Comparison[] {
  const big = (min: number) => result.problems >= min;
  const projectSeconds = middle(result.project, (r) => r.seconds);
  const projectPeak = middle(result.project, (r) => r.peakBytes);
  const floorSeconds = middle(result.floor, (r) => r.seconds);
  const floorPeak = middle(result.floor, (r) => r.peakBytes);
  const comparisons: Comparison[] = [
    {
      key: 'buildTime',
      label: 'Build time (floor)',
      project: seconds(projectSeconds),
      peer: seconds(floorSeconds),
      ratio: ratio(projectSeconds, floorSeconds),
      target: TARGETS.buildTime,
      applies: big(TARGETS.buildTime.minProblems),
    },
    {
      key: 'buildMemory',
      label: 'Build peak memory, process tree (floor)',
      project: mb(projectPeak),
      peer: mb(floorPeak),
      ratio: ratio(projectPeak, floorPeak),
      target: TARGETS.buildMemory,
      applies: big(TARGETS.buildMemory.minProblems),
    },
  ];
  // Starlight is built at the seed's size only; elsewhere its figure is left out and not judged.
  const starlight = middle(result.starlight, (r) => r.seconds);
  comparisons.push({
    key: 'seedBuild',
    label: 'Build time (Starlight)',
    project: seconds(projectSeconds),
    peer: seconds(starlight),
    ratio: ratio(projectSeconds, starlight),
    target: TARGETS.seedBuild,
    applies: result.starlight.length > 0,
    ...(result.starlight.length > 0 ? {} : { hidden: true }),
  });
  for (const search of result.searches) {
    const [projectBytes, peerBytes] = [middle(search.project, (r) => r.bytes), middle(search.peer, (r) => r.bytes)];
    const [projectMs, peerMs] = [middle(search.project, (r) => r.ms), middle(search.peer, (r) => r.ms)];
    const [projectRequests, peerRequests] = [middle(search.project, (r) => r.requests), middle(search.peer, (r) => r.requests)];
    const label = `First search “${search.query}”`;
    const failed = [...search.project, ...search.peer].find((run) => !run.ok);
    comparisons.push(
      {
        key: `searchBytes:${search.query}`,
        label: `${label}: bytes (requests) (Pagefind UI)`,
        project: `${kb(projectBytes)} (${projectRequests ?? 'n/a'})`,
        peer: `${kb(peerBytes)} (${peerRequests ?? 'n/a'})`,
        ratio: ratio(projectBytes, peerBytes),
        target: TARGETS.searchBytes,
        applies: big(TARGETS.searchBytes.minProblems),
      },
      {
        key: `searchTime:${search.query}`,
        label: `${label}: navigation → results (Pagefind UI)`,
        project: ms(projectMs),
        peer: ms(peerMs),
        ratio: ratio(projectMs, peerMs),
        target: TARGETS.searchTime,
        applies: big(TARGETS.searchTime.minProblems),
        ...(failed ? { note: `| … a run failed: ${String(failed.error).replace(/\|/gu, '/').slice(0, 120)} | | | | | |` } : {}),
      },
    );
  }
  return comparisons;
}

/** The verdicts of one size, by target key. */
export function judge(result: SizeResult): Record<string, 'pass' | 'miss' | null> {
  return Object.fromEntries(compare(result).map((entry) => [entry.key, judgeRatio(entry.ratio, entry.target.limit, entry.applies)]));
}

/** The Markdown table of one size. */
export function formatTable(result: SizeResult): string {
  const runs = Math.max(result.project.length, result.floor.length);
  const lines = [
    `#### ${result.problems.toLocaleString('en')} problems (${result.reports} report${result.reports === 1 ? '' : 's'}, ${result.source}); medians of ${runs} alternated runs`,
    '',
    '| Measure | Project | Peer | Ratio | Target | |',
    '|---|---:|---:|---:|---|---|',
  ];
  for (const entry of compare(result)) {
    if (entry.hidden) continue;
    lines.push(row(entry.label, entry.project, entry.peer, entry.ratio, entry.target.text, judgeRatio(entry.ratio, entry.target.limit, entry.applies)));
    if (entry.note) lines.push(entry.note);
  }
  const page = result.problemPage;
  lines.push(row('Problem page before search, gzip (raw)', page?.ok ? `${kb(page.gzip)} (${kb(page.raw)})` : 'n/a', '', null));
  const deck = result.deck;
  lines.push(row('Deck JS+CSS gzip (raw), fonts apart', deck?.ok ? `${kb(deck.gzip)} (${kb(deck.raw)})` : 'n/a', '', null));
  lines.push(row('Deck: time to first slide', deck?.ok ? ms(deck.firstSlideMs) : 'n/a', '', null));
  lines.push(row('Built pages', result.pages === null ? 'n/a' : result.pages.toLocaleString('en'), '', null));
  const failedBuild = [...result.project, ...result.floor, ...result.starlight].find((run) => !run.ok);
  if (failedBuild) lines.push(`| … a build failed: ${String(failedBuild.error).replace(/\|/gu, '/').replace(/\n/gu, ' ').slice(0, 200)} | | | | | |`);
  return lines.join('\n');
}
