import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readIssuesFromDisk, readReportsFromDisk, validateReportsFolder } from '#src/loaders/disk.ts';
import { generateReports, loadSeedCorpus, writeReports } from '#tests/fixtures/generate-reports.ts';

const corpus = loadSeedCorpus();
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function generateInto(problems: number, options: { perReport?: number; seed?: number } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'rk-bench-gen-'));
  made.push(dir);
  const reports = writeReports(dir, generateReports(corpus, { problems, ...options }));
  return { dir, reports };
}

describe('bench report generator', () => {
  it('writes report folders that pass validateReportsFolder', () => {
    const { dir } = generateInto(110);
    expect(validateReportsFolder(dir)).toEqual([]);
  });

  it('writes as many problems as requested, 25 per report, with consistent declared totals', () => {
    const { dir, reports } = generateInto(110);
    expect(reports.map((report) => report.problems)).toEqual([25, 25, 25, 25, 10]);
    const { reports: onDisk } = readReportsFromDisk(dir);
    const { issues } = readIssuesFromDisk(dir);
    expect(onDisk).toHaveLength(5);
    expect(issues).toHaveLength(110);
    for (const report of onDisk) {
      const own = issues.filter((issue) => issue.data.report === report.id);
      expect(report.data.declared.problems).toBe(own.length);
      expect(report.data.declared.completed).toBe(own.filter((issue) => issue.data.status === 'completed').length);
      expect(report.data.organisation?.intro).toContain(`${report.data.declared.items}项${report.data.declared.problems}个问题`);
    }
    // Files are named <status>-<nn>.mdx with the problem's number.
    const names = readdirSync(path.join(dir, reports[0]!.id, 'issues'));
    expect(names).toContain('completed-01.mdx');
    expect(names.every((name) => /^(completed|ongoing)-\d{2,}\.mdx$/u.test(name))).toBe(true);
  });

  it('honours the problems per report and handles sizes below one report', () => {
    expect(generateReports(corpus, { problems: 7 }).map((report) => report.problems)).toEqual([7]);
    expect(generateReports(corpus, { problems: 100, perReport: 50 })).toHaveLength(2);
    expect(generateReports(corpus, { problems: 0 })).toEqual([]);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const first = generateReports(corpus, { problems: 60, seed: 3 });
    expect(generateReports(corpus, { problems: 60, seed: 3 })).toEqual(first);
    expect(generateReports(corpus, { problems: 60, seed: 4 })).not.toEqual(first);
  });

  it('recombines the seed sentences and curates highlights and commitments that occur in the bodies', () => {
    const { dir } = generateInto(250);
    const { issues } = readIssuesFromDisk(dir);
    const highlights = issues.flatMap((issue) => issue.data.highlights);
    const commitments = issues.flatMap((issue) => issue.data.commitments);
    expect(highlights.length).toBeGreaterThan(20);
    expect(commitments.length).toBeGreaterThan(5);
    // Bodies are Chinese prose built from the seed's sentences, not copies of whole seed problems.
    const seedBodies = readdirSync(path.resolve('content/reports/szkj-20220422/issues')).map((name) =>
      readFileSync(path.resolve('content/reports/szkj-20220422/issues', name), 'utf8').split('---').slice(2).join('---').trim(),
    );
    const sample = (issues[0]?.body ?? '').trim();
    expect(sample).toMatch(/\p{Script=Han}{20}/u);
    expect(seedBodies).not.toContain(sample);
    expect(corpus.sentences.some((sentence) => sample.includes(sentence))).toBe(true);
  });
});
