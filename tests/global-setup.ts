// Builds every site the build and browser tests read, once, two at a time: the real content at the root and under
// a sub-path, and the fixture site (tests/fixtures/site.ts) at the root. Tests get their folders through inject().
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { assembleFixtureReports, assembleFixtureSlides, FIXTURE_BUILD_DATE } from './fixtures/site.ts';
import { type BuildResult, buildSite } from './helpers/build.ts';

export const SUB_PATH = '/kit/archive/';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The real content built at the root. */
    distRoot: string;
    /** The real content built under subPath. */
    distSub: string;
    subPath: string;
    /** The fixture site built at the root, and the reports folder it was built from. */
    fixturesDist: string;
    fixturesReports: string;
    /** The slides folder (SLIDES_DIR) the fixture site was built with: slides/ and tests/fixtures/slides-cross/decks/. */
    fixturesSlides: string;
    /** The fixture site's BUILD_DATE, the day its decks across reports are stated as of. */
    fixturesBuildDate: string;
  }
}

/** Runs the builds at most two at a time (the machine has two cores); fails naming every build that failed. */
async function buildAll(builds: { name: string; start: () => Promise<BuildResult> }[]): Promise<BuildResult[]> {
  const results: BuildResult[] = new Array(builds.length);
  let next = 0;
  const worker = async () => {
    while (next < builds.length) {
      const index = next++;
      results[index] = await builds[index]!.start();
    }
  };
  await Promise.all([worker(), worker()]);
  const failed = builds.filter((_, index) => results[index]!.status !== 0);
  if (failed.length > 0)
    throw new Error(failed.map((build) => `building ${build.name} for the tests failed:\n${results[builds.indexOf(build)]!.output.slice(-4000)}`).join('\n\n'));
  return results;
}

export default async function setup(project: TestProject) {
  const fixturesReports = path.join(mkdtempSync(path.join(tmpdir(), 'rk-fixtures-')), 'reports');
  await assembleFixtureReports(fixturesReports);
  const fixturesSlides = path.join(path.dirname(fixturesReports), 'slides');
  assembleFixtureSlides(fixturesSlides);
  // The largest build first, so the two smaller ones share the other core.
  const [fixtures, root, sub] = await buildAll([
    {
      name: 'the fixture site (tests/fixtures/site.ts)',
      start: () => buildSite({ reportsDir: fixturesReports, env: { SLIDES_DIR: fixturesSlides, BUILD_DATE: FIXTURE_BUILD_DATE } }),
    },
    { name: 'the site', start: () => buildSite() },
    { name: `the site under ${SUB_PATH}`, start: () => buildSite({ basePath: SUB_PATH }) },
  ]);
  project.provide('distRoot', root!.distDir);
  project.provide('distSub', sub!.distDir);
  project.provide('subPath', SUB_PATH);
  project.provide('fixturesDist', fixtures!.distDir);
  project.provide('fixturesReports', fixturesReports);
  project.provide('fixturesSlides', fixturesSlides);
  project.provide('fixturesBuildDate', FIXTURE_BUILD_DATE);
}
