// A broken entry fails `npm run build` with its file and field named, and the previous build stays intact.
import { readdirSync, readFileSync } from 'node:fs';
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
  const reportsDir = copyReports();
  const good = buildSite({ reportsDir });

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
      const failed = buildSite({ reportsDir: broken, distDir: good.distDir });
      expect(failed.status).not.toBe(0);
      expect(failed.output).toMatch(testCase.expect);
      expect(failed.output).toContain('保持不变');
      expect(listFiles(good.distDir)).toEqual(before);
      expect(readFileSync(path.join(good.distDir, 'index.html'), 'utf8')).toBe(index);
    });
  }
});
