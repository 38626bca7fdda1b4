// Builds the real content once at the root and once under a sub-path for the build and browser tests.
import type { TestProject } from 'vitest/node';
import { buildSite } from './helpers/build.ts';

export const SUB_PATH = '/kit/archive/';

declare module 'vitest' {
  export interface ProvidedContext {
    distRoot: string;
    distSub: string;
    subPath: string;
  }
}

export default function setup(project: TestProject) {
  const root = buildSite();
  if (root.status !== 0) throw new Error(`building the site for the tests failed:\n${root.output.slice(-4000)}`);
  const sub = buildSite({ basePath: SUB_PATH });
  if (sub.status !== 0) throw new Error(`building the site under ${SUB_PATH} for the tests failed:\n${sub.output.slice(-4000)}`);
  project.provide('distRoot', root.distDir);
  project.provide('distSub', sub.distDir);
  project.provide('subPath', SUB_PATH);
}
