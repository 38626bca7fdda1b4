// npm run review: the source's paragraphs beside the entries, statuses with the words they were read from, and the
// paragraphs left out highlighted, for a report imported from a web page's text (page chrome and all).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stripWhitespace } from '#src/lib/text.ts';
import { projectRoot } from '#tests/helpers/build.ts';
import { importReport } from '../../scripts/import/import.ts';

const work = mkdtempSync(path.join(tmpdir(), 'rk-import-review-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run review', () => {
  it('writes a page showing each problem’s status words and the left-out paragraphs', async () => {
    const reportsDir = path.join(work, 'reports');
    const file = path.join(projectRoot, 'tests/fixtures/shapes/4-narrative.txt');
    const imported = await importReport({ file, reportsDir, id: 'narrative' });
    const out = path.join(work, 'review.html');
    const result = spawnSync(process.execPath, [path.join(projectRoot, 'scripts/review.ts'), 'narrative', '--out', out], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, REPORTS_DIR: reportsDir },
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(out);
    const html = readFileSync(out, 'utf8');
    // Every source paragraph is a row, in order, with its line.
    const rows = [...html.matchAll(/<tr(?: class="([^"]*)")?(?: id="[^"]*")?><td class="line">(\d+)<\/td>/gu)];
    expect(rows.map((row) => Number(row[2]))).toEqual(imported.parsed.placements.map((placement) => placement.line));
    // Left-out paragraphs are highlighted and say why.
    const left = imported.parsed.placements.filter((placement) => placement.leftOut);
    expect(left.length).toBeGreaterThan(0);
    expect(rows.filter((row) => row[1]?.includes('left')).map((row) => Number(row[2]))).toEqual(left.map((placement) => placement.line));
    // Each problem: its status and the words it was read from, marked in the source.
    for (const issue of imported.parsed.issues) {
      expect(html).toContain(`id="${issue.slug}"`);
      expect(html).toContain(`<mark>${issue.statusWords}</mark>`);
    }
    expect(stripWhitespace(html)).toContain('需长期坚持');
    // Nothing is fetched from elsewhere.
    expect(html).not.toMatch(/<(?:script|link)\b|src=|https?:\/\//u);
  });
});
