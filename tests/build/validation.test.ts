// A broken entry fails `npm run build` with each file and field named, and the previous build stays intact. And a
// build never depends on what was built before (two small builds sharing one Astro cache folder).
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { type BuildResult, buildSite } from '#tests/helpers/build.ts';
import { copyReports, editFile } from '#tests/helpers/fixtures.ts';

const listFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();

/** Each broken entry of the one failing build (in a copy of the minimal fixture), and what its message must say. */
const cases: { name: string; breakEntry: (dir: string) => void; expect: RegExp }[] = [
  {
    name: 'an unknown status',
    breakEntry: (dir) => editFile(dir, 'demo-2023/issues/completed-02.mdx', (t) => t.replace('status: completed', 'status: finished')),
    expect: /completed-02\.mdx: status: /u,
  },
  {
    name: 'a duplicated number',
    breakEntry: (dir) => cpSync(path.join(dir, 'demo-2023/issues/ongoing-01.mdx'), path.join(dir, 'demo-2023/issues/ongoing-02.mdx')),
    expect: /ongoing-02\.mdx: number: number 1 is used twice/u,
  },
  {
    name: 'an invalid date',
    breakEntry: (dir) => editFile(dir, 'demo-2024/report.yaml', (t) => t.replace('date: 2023-06-30', 'date: 2023-06-31')),
    expect: /demo-2024[\\/]report\.yaml: date: not a valid date/u,
  },
  {
    name: 'a continues that names no problem',
    breakEntry: (dir) =>
      editFile(dir, 'demo-2023/issues/completed-01.mdx', (t) =>
        t.replace('shortTitle: 完善制度建设', 'shortTitle: 完善制度建设\ncontinues: demo-2022/ongoing-01'),
      ),
    expect: /completed-01\.mdx: continues: "demo-2022\/ongoing-01" names no problem/u,
  },
];

describe('a failing build', () => {
  let dist: string;
  let failed: BuildResult;
  let before: string[];
  let index: string;

  beforeAll(async () => {
    // A good build to keep: a copy of the fixture site, so the one other tests read is never at risk.
    dist = path.join(mkdtempSync(path.join(tmpdir(), 'rk-failing-')), 'dist');
    cpSync(inject('fixturesDist'), dist, { recursive: true });
    before = listFiles(dist);
    index = readFileSync(path.join(dist, 'index.html'), 'utf8');
    // Two reports, so an invalid report.yaml cannot hide the problems of the other report's entries.
    const broken = copyReports();
    cpSync(path.join(broken, 'demo-2023'), path.join(broken, 'demo-2024'), { recursive: true });
    for (const name of readdirSync(path.join(broken, 'demo-2024/issues')))
      editFile(broken, `demo-2024/issues/${name}`, (t) => t.replace('report: demo-2023', 'report: demo-2024'));
    for (const testCase of cases) testCase.breakEntry(broken);
    failed = await buildSite({ reportsDir: broken, distDir: dist });
  });

  it('exits non-zero and says the previous dist/ was kept', () => {
    expect(before.length).toBeGreaterThan(100);
    expect(failed.status).not.toBe(0);
    expect(failed.output).toContain('保持不变');
  });

  for (const testCase of cases) {
    it(`names the file and field of ${testCase.name}`, () => {
      expect(failed.output).toMatch(testCase.expect);
    });
  }

  it('leaves the previous dist/ exactly as it was', () => {
    expect(listFiles(dist)).toEqual(before);
    expect(readFileSync(path.join(dist, 'index.html'), 'utf8')).toBe(index);
  });
});

describe('a build after another folder was built and deleted', () => {
  // Both builds share one Astro cache folder, as successive builds on one machine do. The second folder holds the
  // same reports under the same ids (as when an import was tried in a temporary folder first), one title changed.
  const env = { ASTRO_CACHE_DIR: mkdtempSync(path.join(tmpdir(), 'rk-shared-cache-')) };
  let first: BuildResult;
  let second: BuildResult;
  let firstDir: string;
  const title = '关于另一个文件夹中的问题的整改。';

  beforeAll(async () => {
    firstDir = copyReports();
    first = await buildSite({ reportsDir: firstDir, env });
    rmSync(firstDir, { recursive: true, force: true });
    const secondDir = copyReports();
    editFile(secondDir, 'demo-2023/issues/ongoing-01.mdx', (text) => text.replace(/^title: .*$/mu, `title: ${title}`));
    second = await buildSite({ reportsDir: secondDir, env });
  });

  it('passes, and shows only what the second folder holds', () => {
    expect(first.status, first.output.slice(-3000)).toBe(0);
    expect(second.status, second.output.slice(-3000)).toBe(0);
    const page = readFileSync(path.join(second.distDir, 'reports/demo-2023/issues/ongoing-01/index.html'), 'utf8');
    expect(page).toContain(title);
    const pages = listFiles(second.distDir).filter((file) => file.endsWith('.html'));
    expect(pages.filter((file) => readFileSync(path.join(second.distDir, file), 'utf8').includes(path.basename(firstDir)))).toEqual([]);
  });
});
