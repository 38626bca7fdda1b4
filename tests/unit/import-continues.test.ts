// The importer proposes `continues` for problems whose printed title equals one of an earlier report of the same
// issuer already in the collection: commented out in the file, listed in the summary, valid once uncommented.
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { formatSummary } from '#src/import/summary.ts';
import { getIssueSlug } from '#src/lib/order.ts';
import { readIssuesFromDisk, validateReportsFolder } from '#src/loaders/disk.ts';
import { secondReportFile } from '#tests/fixtures/import/generate.ts';
import { editFile } from '#tests/helpers/fixtures.ts';
import { importReport } from '../../scripts/import/import.ts';

const work = mkdtempSync(path.join(tmpdir(), 'rk-import-continues-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('importing a report whose problems an earlier report of the same issuer already raised', async () => {
  const reportsDir = path.join(work, 'reports');
  // The earlier round: the same fictional report imported, dated a year earlier, one title respaced and without its 。.
  await importReport({ file: secondReportFile, reportsDir, id: 'earlier' });
  editFile(reportsDir, 'earlier/report.yaml', (text) => text.replace(/^date: (\d{4})/mu, (_, year) => `date: ${Number(year) - 1}`));
  const earlier = readIssuesFromDisk(reportsDir).issues;
  const respaced = earlier[0]!;
  editFile(reportsDir, `earlier/issues/${getIssueSlug(respaced)}.mdx`, (text) =>
    text.replace(`title: ${respaced.data.title}`, `title: ${[...respaced.data.title.replace(/。$/u, '')].join(' ')}`),
  );
  // Another issuer's report with the same titles must not be proposed.
  await importReport({ file: secondReportFile, reportsDir, id: 'other-issuer' });
  editFile(reportsDir, 'other-issuer/report.yaml', (text) =>
    text.replace(/^date: (\d{4})/mu, (_, year) => `date: ${Number(year) - 2}`).replace(/^issuer: .*$/mu, 'issuer: 中共某某县另一局党组'),
  );
  expect(validateReportsFolder(reportsDir)).toEqual([]);

  const result = await importReport({ file: secondReportFile, reportsDir, id: 'later' });
  const summary = formatSummary(result);
  const laterDir = path.join(reportsDir, 'later', 'issues');

  it('proposes, as a comment, the earlier problem with the same title for every problem', () => {
    expect(result.proposedContinues.size).toBe(earlier.length);
    for (const issue of earlier) {
      const file = readFileSync(path.join(laterDir, `${getIssueSlug(issue)}.mdx`), 'utf8');
      expect(file).toContain(`# continues: earlier/${getIssueSlug(issue)}\n`);
      expect(parseYaml(file.split('---')[1]!).continues).toBeUndefined();
    }
  });

  it('says so in the summary', () => {
    expect(summary).toContain(`proposed continues: ${earlier.length}`);
    for (const issue of earlier) expect(summary).toContain(`continues: earlier/${getIssueSlug(issue)}`);
    expect(summary).not.toContain('other-issuer/');
  });

  it('builds a valid collection once the proposals are uncommented', () => {
    const checked = path.join(work, 'checked');
    renameSync(reportsDir, checked);
    for (const issue of earlier) {
      const file = path.join(checked, 'later', 'issues', `${getIssueSlug(issue)}.mdx`);
      writeFileSync(file, readFileSync(file, 'utf8').replace('# continues: ', 'continues: '));
    }
    expect(validateReportsFolder(checked)).toEqual([]);
    expect(readIssuesFromDisk(checked).issues.filter((issue) => issue.data.continues).length).toBe(earlier.length);
  });
});
