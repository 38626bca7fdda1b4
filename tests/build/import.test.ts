// An imported report builds beside the seed: the archive lists both and each gets its deck.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secondReportWrappedFile } from '../fixtures/import/generate.ts';
import { type BuildResult, buildSite, projectRoot } from '../helpers/build.ts';

const work = mkdtempSync(path.join(tmpdir(), 'rk-import-build-'));
const reportsDir = path.join(work, 'reports');
const ids = ['szkj-20220422', 'qingchuan-20240118'];
let build: BuildResult;

beforeAll(() => {
  // Never import into the repository's content/: copy it and import into the copy.
  cpSync(path.join(projectRoot, 'content/reports'), reportsDir, { recursive: true });
  const imported = spawnSync(process.execPath, [path.join(projectRoot, 'scripts/import/cli.ts'), secondReportWrappedFile, '--id', 'qingchuan-20240118'], {
    cwd: projectRoot,
    env: { ...process.env, REPORTS_DIR: reportsDir },
    encoding: 'utf8',
  });
  if (imported.status !== 0) throw new Error(`import failed:\n${imported.stdout}\n${imported.stderr}`);
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
