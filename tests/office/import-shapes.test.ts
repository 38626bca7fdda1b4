// The importer on reports in the eight shapes offices publish (#18), and one mixing them: fictional reports in
// tests/fixtures/shapes/, each beside a .json of what it prints (problems with their ordinals, titles, statuses and
// groups; totals, outcome figures, optional parts). Each is imported as a user would, and every expectation is checked
// against the files written, read back with the build's schemas.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { MEASURES_LABEL, readMarker } from '#src/import/patterns.ts';
import { formatSummary } from '#src/import/summary.ts';
import { splitParagraphs } from '#src/lib/mdx-blocks.ts';
import { splitSentences, stripWhitespace } from '#src/lib/text.ts';
import { splitFrontmatter } from '#src/loaders/disk.ts';
import { issueSchema } from '#src/schemas/issue.ts';
import { reportSchema } from '#src/schemas/report.ts';
import { readParagraphs, writeDocx, writePdf } from '#tests/fixtures/import/generate.ts';
import { projectRoot } from '#tests/helpers/build.ts';
import { createReportsDirs } from '#tests/helpers/fixtures.ts';
import { importReport } from '../../scripts/import/import.ts';

const shapesDir = path.join(projectRoot, 'tests/fixtures/shapes');
const work = mkdtempSync(path.join(tmpdir(), 'rk-import-shapes-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const freshReportsDir = createReportsDirs(work);

interface ExpectedProblem {
  slug: string;
  group?: string;
  ordinal: string;
  title: string;
  finding?: string;
  measuresLabel?: string;
  status: string;
  statusFrom: string;
  statusWords?: string;
  bodyIncludes?: string;
  paragraphs?: number;
}

interface Expected {
  title: string;
  issuer: string;
  date: string;
  indexNumber?: string;
  declared: Record<string, number | string>;
  outcomes: string[];
  groups: [string, string, string][];
  implementation?: { heading?: string; ordinal?: string };
  problems: ExpectedProblem[];
  organisation: false | { heading?: string; measures: number; parts: number };
  plan: false | { heading: string | null; ordinal?: string; paragraphs?: number };
  contact: false | Record<string, string>;
  signature: false | string;
  leftOut?: string[];
}

const fixtures = readdirSync(shapesDir)
  .filter((name) => name.endsWith('.txt'))
  .sort();

/** Imports a fixture into a fresh folder and reads the written files back with the build's schemas. */
async function importFixture(file: string, options: { problemsAt?: string; status?: 'completed' | 'ongoing' | 'longTerm' } = {}) {
  const reportsDir = freshReportsDir();
  const id = path.basename(file).replace(/\..*$/u, '').replace(/^\d+-/u, 'shape-');
  const result = await importReport({ file, reportsDir, id, ...options });
  const folder = path.join(reportsDir, id);
  const report = reportSchema.parse(parseYaml(readFileSync(path.join(folder, 'report.yaml'), 'utf8')));
  const issues = readdirSync(path.join(folder, 'issues'))
    .sort()
    .map((name) => {
      const source = readFileSync(path.join(folder, 'issues', name), 'utf8');
      const parts = splitFrontmatter(source);
      return {
        slug: name.replace(/\.mdx$/u, ''),
        source,
        data: issueSchema.parse(parseYaml(parts?.frontmatter ?? '')),
        paragraphs: splitParagraphs(parts?.body ?? ''),
      };
    });
  return { result, report, issues, folder };
}

describe('reports in every shape import as printed', () => {
  it('has a fixture for each of the eight shapes and a mixed one', () => {
    expect(fixtures.map((name) => name.split('-')[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  for (const name of fixtures) {
    it(name, async () => {
      const file = path.join(shapesDir, name);
      const expected = JSON.parse(readFileSync(file.replace(/\.txt$/u, '.json'), 'utf8')) as Expected;
      const { result, report, issues } = await importFixture(file);
      expect(report).toMatchObject({ title: expected.title, issuer: expected.issuer, date: expected.date });
      if (expected.indexNumber) expect(report.indexNumber).toBe(expected.indexNumber);
      expect(report.declared).toEqual(expected.declared);
      expect(report.outcomes.map((outcome) => `${outcome.label}${outcome.value}${outcome.unit}`)).toEqual(expected.outcomes);
      for (const outcome of report.outcomes) expect(outcome.quote).toContain(`${outcome.value}${outcome.unit}`);
      expect(report.groups.map((group) => [group.key, group.ordinal, group.heading])).toEqual(expected.groups);
      if (expected.implementation) expect(report.implementation).toMatchObject(expected.implementation);

      // Every printed problem once, under its file name, with its printed ordinal, title, group and status.
      expect(issues.map((issue) => issue.slug)).toEqual(expected.problems.map((problem) => problem.slug));
      expected.problems.forEach((problem, index) => {
        const issue = issues[index];
        if (!issue) throw new Error(`${name}: no entry for ${problem.slug}`);
        const { data } = issue;
        expect(data.ordinal ?? `${data.number}．`, problem.slug).toBe(problem.ordinal);
        expect(data.number, problem.slug).toBe(readMarker(`${problem.ordinal}x`)?.number);
        expect(data.title, problem.slug).toBe(problem.title);
        expect(data.group, problem.slug).toBe(problem.group);
        expect(data.status, problem.slug).toBe(problem.status);
        expect(data.statusFrom ?? 'heading', problem.slug).toBe(problem.statusFrom);
        expect(data.finding, problem.slug).toBe(problem.finding);
        if (problem.measuresLabel) expect(data.measuresLabel, problem.slug).toBe(problem.measuresLabel);
        if (problem.statusWords) expect(data.statusWords, problem.slug).toBe(problem.statusWords);
        const body = issue.paragraphs.join('\n');
        // A closing phrase is quoted from the body; a 整改状态 line is kept in statusWords, not in the body.
        if (data.statusFrom === 'phrase') expect(body, problem.slug).toContain(data.statusWords);
        if (data.statusFrom === 'line') expect(body, problem.slug).not.toContain(data.statusWords);
        if (problem.bodyIncludes) expect(body, problem.slug).toContain(problem.bodyIncludes);
        if (problem.paragraphs) expect(issue.paragraphs, problem.slug).toHaveLength(problem.paragraphs);
        expect(body.length, problem.slug).toBeGreaterThan(20);
      });

      if (expected.organisation === false) expect(report.organisation).toBeUndefined();
      else {
        if (expected.organisation.heading) expect(report.organisation?.heading).toBe(expected.organisation.heading);
        expect(report.organisation?.measures ?? []).toHaveLength(expected.organisation.measures);
        expect(report.organisation?.parts ?? []).toHaveLength(expected.organisation.parts);
      }
      if (expected.plan === false) expect(report.plan).toBeUndefined();
      else {
        expect(report.plan?.heading).toBe(expected.plan.heading ?? undefined);
        if (expected.plan.ordinal) expect(report.plan?.ordinal).toBe(expected.plan.ordinal);
        if (expected.plan.paragraphs) expect(report.plan?.paragraphs).toHaveLength(expected.plan.paragraphs);
      }
      if (expected.contact === false) expect(report.contact).toBeUndefined();
      else expect(report.contact).toMatchObject(expected.contact);
      expect(report.signature).toBe(expected.signature === false ? undefined : expected.signature);

      // Nothing silently dropped: every paragraph is in a field or listed as left out, with its line.
      const { placements } = result.parsed;
      expect(placements.filter((placement) => placement.field === undefined && placement.leftOut === undefined)).toEqual([]);
      // Placements hold paragraphs as read (spaces beside Chinese text compacted), so they are compared without whitespace.
      const left = placements.filter((placement) => placement.leftOut);
      expect(left.map((placement) => stripWhitespace(placement.text))).toEqual((expected.leftOut ?? []).map(stripWhitespace));
      const summary = formatSummary(result);
      for (const placement of left) expect(summary).toContain(`line ${placement.line}: ${placement.text.slice(0, 20)}`);
      const written = stripWhitespace([readFileSync(path.join(result.dir, 'report.yaml'), 'utf8'), ...issues.map((issue) => issue.source)].join('\n'));
      const leftOut = new Set(expected.leftOut ?? []);
      const sentences = readFileSync(file, 'utf8')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.length > 0 && !leftOut.has(line) && !/^\d{4}年\d{1,2}月\d{1,2}日$/u.test(line))
        // Ordinals and the label before the measures are fields of their own (ordinal, measuresLabel).
        .map((line) => (readMarker(line)?.rest ?? line).replace(MEASURES_LABEL, ''))
        .flatMap((line) => splitSentences(line));
      for (const sentence of sentences) expect(written, `${name}: ${sentence}`).toContain(stripWhitespace(sentence));
    });
  }
});

describe('where the structure leaves a choice, the import says so and offers a flag', () => {
  const read = (name: string) => readFileSync(path.join(shapesDir, name), 'utf8');

  it('refuses a problem whose status is stated nowhere, naming its line and --status', async () => {
    const source = read('4-narrative.txt');
    const file = path.join(work, 'no-status.txt');
    writeFileSync(file, source.replace('目前，该问题已整改完成。\n　　2.', '\n　　2.'));
    const line = source.split('\n').findIndex((text) => text.includes('1.关于理论学习中心组')) + 1;
    await expect(importReport({ file, reportsDir: freshReportsDir(), id: 'no-status' })).rejects.toThrow(
      new RegExp(`^line ${line}: 未写明整改状态 problem 1\\.关于理论学习中心组.*pass --status`, 'u'),
    );
    const { issues } = await importFixture(file, { status: 'ongoing' });
    const first = issues[0];
    expect(first?.data).toMatchObject({ status: 'ongoing' });
    expect(first?.data.statusFrom).toBeUndefined();
    expect(first?.source).toContain('--status');
  });

  it('names a second reading of the problem level and reads it with --problems-at', async () => {
    const file = path.join(shapesDir, '8-themes.txt');
    const { result } = await importFixture(file);
    expect(result.parsed.warnings.join('\n')).toMatch(/problems read at （一）.*pass --problems-at "一、"/u);
    const themes = await importFixture(file, { problemsAt: '一、' });
    expect(themes.issues.map((issue) => `${issue.slug} ${issue.data.status}`)).toEqual(['01 completed', '02 longTerm', '03 completed']);
    expect(themes.report.groups).toEqual([]);
    // The （一） items under each theme stay in its body, ordinals and all.
    expect(themes.issues[0]?.paragraphs.join('')).toContain('（二）关于“意识形态阵地管理存在薄弱环节”的问题');
  });

  it('refuses declared totals that disagree, naming the line', async () => {
    const source = read('2-flat.txt');
    const file = path.join(work, 'bad-totals.txt');
    writeFileSync(file, source.replace('已完成整改3个、正在整改1个', '已完成整改4个、正在整改1个'));
    const line = source.split('\n').findIndex((text) => text.includes('已完成整改3个')) + 1;
    await expect(importReport({ file, reportsDir: freshReportsDir(), id: 'bad' })).rejects.toThrow(
      new RegExp(`^line ${line}: 声明数与解析数不符 the report declares 4 completed problems`, 'u'),
    );
  });

  it('refuses a unit whose stated count differs from its problems', async () => {
    const source = read('7-units.txt');
    const file = path.join(work, 'bad-unit.txt');
    writeFileSync(file, source.replace('（二）桃源社区党委（2项）', '（二）桃源社区党委（3项）'));
    const line = source.split('\n').findIndex((text) => text.startsWith('（二）桃源社区党委')) + 1;
    await expect(importReport({ file, reportsDir: freshReportsDir(), id: 'bad' })).rejects.toThrow(new RegExp(`^line ${line}: .*states 3 problems but 2`, 'u'));
  });
});

describe('the shapes from PDF and Word too', () => {
  // A PDF hard-wraps every line and a .docx keeps one paragraph per Word paragraph: both must read as the text does.
  for (const name of ['1-fangmian.txt', '3-status-lines.txt', '6-top-level.txt', '9-mixed.txt']) {
    it(name, async () => {
      const file = path.join(shapesDir, name);
      const expected = await importFixture(file);
      const lines = readParagraphs(file);
      for (const format of ['pdf', 'docx'] as const) {
        const converted = path.join(work, `${name}.${format}`);
        await (format === 'pdf' ? writePdf(lines, converted) : writeDocx(lines, converted));
        const result = await importFixture(converted);
        expect(
          result.issues.map((issue) => issue.source),
          `${name} as ${format}`,
        ).toEqual(expected.issues.map((issue) => issue.source));
        expect(result.report, `${name} as ${format}`).toEqual(expected.report);
      }
    }, 120_000);
  }
});
