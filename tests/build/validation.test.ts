// A broken entry fails `npm run build` with its file and field named, and the previous build stays intact; and a
// build never depends on what was built before: every build here shares one Astro cache folder, as successive builds
// on one machine do, and the last one builds another folder after the first was deleted.
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build.ts';
import { copyReports, editFile } from '../helpers/fixtures.ts';

const listFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();

describe('a failing build', () => {
  const env = { ASTRO_CACHE_DIR: mkdtempSync(path.join(tmpdir(), 'rk-shared-cache-')) };
  const reportsDir = copyReports();
  const good = buildSite({ reportsDir, env });

  it('first builds the valid fixture', () => {
    expect(good.status, good.output.slice(-3000)).toBe(0);
    expect(readFileSync(path.join(good.distDir, 'index.html'), 'utf8')).toContain('中共示例市示例局党组');
  });

  const cases = [
    {
      name: 'unknown status',
      file: 'demo-2023/issues/completed-02.mdx',
      edit: (t: string) => t.replace('status: completed', 'status: finished'),
      expect: /completed-02\.mdx[\s\S]*status/u,
    },
    {
      name: 'duplicated number',
      file: 'demo-2023/issues/completed-02.mdx',
      edit: (t: string) => t.replace('number: 2', 'number: 1'),
      expect: /completed-02\.mdx: number: number 1 is used twice/u,
    },
    {
      name: 'invalid date',
      file: 'demo-2023/report.yaml',
      edit: (t: string) => t.replace('date: 2023-06-30', 'date: 2023-06-31'),
      expect: /report\.yaml[\s\S]*date: not a valid date/u,
    },
  ];
  for (const testCase of cases) {
    it(`fails on ${testCase.name}, names file and field, and leaves the previous dist/ as it was`, () => {
      const before = listFiles(good.distDir);
      const index = readFileSync(path.join(good.distDir, 'index.html'), 'utf8');
      const broken = copyReports(reportsDir);
      editFile(broken, testCase.file, testCase.edit);
      const failed = buildSite({ reportsDir: broken, distDir: good.distDir, env });
      expect(failed.status).not.toBe(0);
      expect(failed.output).toMatch(testCase.expect);
      expect(failed.output).toContain('保持不变');
      expect(listFiles(good.distDir)).toEqual(before);
      expect(readFileSync(path.join(good.distDir, 'index.html'), 'utf8')).toBe(index);
    });
  }

  it('builds another folder after the folder of an earlier build was deleted, with only its own reports', () => {
    // The same reports in another folder (as when an import is tried in a temporary folder first): same ids and
    // content, so only the file paths tell the two builds apart.
    rmSync(reportsDir, { recursive: true, force: true });
    const other = copyReports();
    const next = buildSite({ reportsDir: other, env });
    expect(next.status, next.output.slice(-3000)).toBe(0);
    expect(readdirSync(path.join(next.distDir, 'reports'))).toEqual(['demo-2023']);
    // And a folder with other reports: none of the earlier folder's entries leak into it.
    renameSync(path.join(other, 'demo-2023'), path.join(other, 'other-2023'));
    for (const name of readdirSync(path.join(other, 'other-2023/issues'))) {
      editFile(other, `other-2023/issues/${name}`, (text) => text.replace('report: demo-2023', 'report: other-2023'));
    }
    const renamed = buildSite({ reportsDir: other, env });
    expect(renamed.status, renamed.output.slice(-3000)).toBe(0);
    expect(readdirSync(path.join(renamed.distDir, 'reports'))).toEqual(['other-2023']);
    const pages = listFiles(renamed.distDir).filter((file) => file.endsWith('.html'));
    expect(pages.filter((file) => readFileSync(path.join(renamed.distDir, file), 'utf8').includes('demo-2023'))).toEqual([]);
  });
});
