// Imported reports build beside the seed: the archive lists them and each gets its deck; reports shaped differently
// (all completed; no organisation section and no feedback date) build without an empty section or slide.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCompleted, readParagraphs, secondReportFile, secondReportWrappedFile, withoutOrganisationOrFeedback } from '../fixtures/import/generate.ts';
import { type BuildResult, buildSite, projectRoot } from '../helpers/build.ts';

const work = mkdtempSync(path.join(tmpdir(), 'rk-import-build-'));
const reportsDir = path.join(work, 'reports');
const ids = ['szkj-20220422', 'qingchuan-20240118'];
let build: BuildResult;

beforeAll(() => {
  // Never import into the repository's content/: copy it and import into the copy.
  cpSync(path.join(projectRoot, 'content/reports'), reportsDir, { recursive: true });
  const shaped = { 'all-completed': allCompleted, 'follow-up': withoutOrganisationOrFeedback };
  const sources: [string, string][] = [[secondReportWrappedFile, 'qingchuan-20240118']];
  for (const [name, shape] of Object.entries(shaped)) {
    const file = path.join(work, `${name}.txt`);
    writeFileSync(file, shape(readParagraphs(secondReportFile)).join('\n'));
    sources.push([file, `qingchuan-${name}`]);
  }
  for (const [file, id] of sources) {
    const imported = spawnSync(process.execPath, [path.join(projectRoot, 'scripts/import/cli.ts'), file, '--id', id], {
      cwd: projectRoot,
      env: { ...process.env, REPORTS_DIR: reportsDir },
      encoding: 'utf8',
    });
    if (imported.status !== 0) throw new Error(`import of ${id} failed:\n${imported.stdout}\n${imported.stderr}`);
  }
  build = buildSite({ reportsDir });
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('an imported report in the archive', () => {
  it('builds', () => {
    expect(build.status, build.output.slice(-4000)).toBe(0);
  });

  it('lists both reports on the home page', () => {
    const home = readFileSync(path.join(build.distDir, 'index.html'), 'utf8');
    for (const id of ids) expect(home).toContain(`/reports/${id}/`);
    expect(home).toContain('中共苏州市科学技术局党组');
    expect(home).toContain('中共青川市文化广电和旅游局党组');
  });

  // The deck route belongs to another part of the kit; check it wherever it exists.
  const deckRoute = path.join(projectRoot, 'src/pages/reports/[report]/deck/index.astro');
  it.runIf(existsSync(deckRoute))('builds a deck for each report', () => {
    for (const id of ids) expect(existsSync(path.join(build.distDir, 'reports', id, 'deck', 'index.html')), id).toBe(true);
  });
});

describe('reports shaped differently in the archive', () => {
  const page = (id: string) => readFileSync(path.join(build.distDir, 'reports', id, 'index.html'), 'utf8');
  const deck = (id: string) => readFileSync(path.join(build.distDir, 'reports', id, 'deck', 'index.html'), 'utf8');

  it('shows an all-completed report without an ongoing group or slide', () => {
    // The full report, built alike, has both: the checks below can fail.
    expect(page('qingchuan-20240118')).toContain('id="group-ongoing"');
    expect(deck('qingchuan-20240118')).toContain('id="ongoing"');
    expect(page('qingchuan-all-completed')).toContain('id="group-completed"');
    expect(page('qingchuan-all-completed')).not.toContain('id="group-ongoing"');
    expect(deck('qingchuan-all-completed')).toContain('id="completed"');
    expect(deck('qingchuan-all-completed')).not.toContain('id="ongoing"');
    for (let number = 1; number <= 5; number += 1) {
      expect(
        existsSync(path.join(build.distDir, 'reports', 'qingchuan-all-completed', 'issues', `completed-${String(number).padStart(2, '0')}`, 'index.html')),
      ).toBe(true);
    }
  });

  it('shows a report with no organisation section and no feedback date without them, sections numbered as printed', () => {
    expect(page('qingchuan-20240118')).toContain('id="organisation-heading"');
    expect(page('qingchuan-20240118')).toContain('反馈时间');
    expect(deck('qingchuan-20240118')).toContain('id="organisation"');
    const html = page('qingchuan-follow-up');
    expect(html).not.toContain('id="organisation-heading"');
    expect(html).not.toContain('反馈时间');
    expect(html).toMatch(/id="implementation-heading">\s*一、整改落实情况/u);
    expect(html).toMatch(/id="plan-heading">\s*二、下一步工作打算/u);
    expect(deck('qingchuan-follow-up')).not.toContain('id="organisation"');
  });
});
