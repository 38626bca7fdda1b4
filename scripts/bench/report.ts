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

/** The verdicts of one size, by target key. */
export function judge(result: SizeResult): Record<string, 'pass' | 'miss' | null> {
  const big = (min: number) => result.problems >= min;
  const out: Record<string, 'pass' | 'miss' | null> = {
    buildTime: judgeRatio(
      ratio(
        middle(result.project, (r) => r.seconds),
        middle(result.floor, (r) => r.seconds),
      ),
      TARGETS.buildTime.limit,
      big(TARGETS.buildTime.minProblems),
    ),
    buildMemory: judgeRatio(
      ratio(
        middle(result.project, (r) => r.peakBytes),
        middle(result.floor, (r) => r.peakBytes),
      ),
      TARGETS.buildMemory.limit,
      big(TARGETS.buildMemory.minProblems),
    ),
    seedBuild: judgeRatio(
      ratio(
        middle(result.project, (r) => r.seconds),
        middle(result.starlight, (r) => r.seconds),
      ),
      TARGETS.seedBuild.limit,
      result.starlight.length > 0,
    ),
  };
  for (const search of result.searches) {
    out[`searchBytes:${search.query}`] = judgeRatio(
      ratio(
        middle(search.project, (r) => r.bytes),
        middle(search.peer, (r) => r.bytes),
      ),
      TARGETS.searchBytes.limit,
      big(TARGETS.searchBytes.minProblems),
    );
    out[`searchTime:${search.query}`] = judgeRatio(
      ratio(
        middle(search.project, (r) => r.ms),
        middle(search.peer, (r) => r.ms),
      ),
      TARGETS.searchTime.limit,
      big(TARGETS.searchTime.minProblems),
    );
  }
  return out;
}

/** The Markdown table of one size. */
export function formatTable(result: SizeResult): string {
  const verdicts = judge(result);
  const runs = Math.max(result.project.length, result.floor.length);
  const lines = [
    `#### ${result.problems.toLocaleString('en')} problems (${result.reports} report${result.reports === 1 ? '' : 's'}, ${result.source}); medians of ${runs} alternated runs`,
    '',
    '| Measure | Project | Peer | Ratio | Target | |',
    '|---|---:|---:|---:|---|---|',
  ];
  const projectSeconds = middle(result.project, (r) => r.seconds);
  const floorSeconds = middle(result.floor, (r) => r.seconds);
  lines.push(
    row(
      'Build time (floor)',
      seconds(projectSeconds),
      seconds(floorSeconds),
      ratio(projectSeconds, floorSeconds),
      TARGETS.buildTime.text,
      verdicts['buildTime'] ?? null,
    ),
  );
  const projectPeak = middle(result.project, (r) => r.peakBytes);
  const floorPeak = middle(result.floor, (r) => r.peakBytes);
  lines.push(
    row(
      'Build peak memory, process tree (floor)',
      mb(projectPeak),
      mb(floorPeak),
      ratio(projectPeak, floorPeak),
      TARGETS.buildMemory.text,
      verdicts['buildMemory'] ?? null,
    ),
  );
  if (result.starlight.length > 0) {
    const starlight = middle(result.starlight, (r) => r.seconds);
    lines.push(
      row(
        'Build time (Starlight)',
        seconds(projectSeconds),
        seconds(starlight),
        ratio(projectSeconds, starlight),
        TARGETS.seedBuild.text,
        verdicts['seedBuild'] ?? null,
      ),
    );
  }
  for (const search of result.searches) {
    const bytes = [middle(search.project, (r) => r.bytes), middle(search.peer, (r) => r.bytes)] as const;
    const time = [middle(search.project, (r) => r.ms), middle(search.peer, (r) => r.ms)] as const;
    const requests = [middle(search.project, (r) => r.requests), middle(search.peer, (r) => r.requests)] as const;
    const label = `“${search.query}”`;
    lines.push(
      row(
        `First search ${label}: bytes (requests) (Pagefind UI)`,
        `${kb(bytes[0])} (${requests[0] ?? 'n/a'})`,
        `${kb(bytes[1])} (${requests[1] ?? 'n/a'})`,
        ratio(...bytes),
        TARGETS.searchBytes.text,
        verdicts[`searchBytes:${search.query}`] ?? null,
      ),
    );
    lines.push(
      row(
        `First search ${label}: navigation → results (Pagefind UI)`,
        ms(time[0]),
        ms(time[1]),
        ratio(...time),
        TARGETS.searchTime.text,
        verdicts[`searchTime:${search.query}`] ?? null,
      ),
    );
    const failed = [...search.project, ...search.peer].find((run) => !run.ok);
    if (failed) lines.push(`| … a run failed: ${String(failed.error).replace(/\|/gu, '/').slice(0, 120)} | | | | | |`);
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
