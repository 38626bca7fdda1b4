// One list of system packages (scripts/system-packages.txt) and one Node version: the README, .ci/run and
// package.json say what the list and the "node" devDependency say.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '#tests/helpers/build.ts';
import { describeMissingPackages, listMissingPackages, listProjectPackages, parseSystemPackages, systemPackages } from '#tests/helpers/system.ts';

const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
const names = systemPackages.map((entry) => entry.name);

describe('the system package list', () => {
  it('names every package the README installs, in both languages, and nothing else', () => {
    const lines = [...readme.matchAll(/apt-get install -y --no-install-recommends ([^\n]+)/gu)].map((match) => match[1]!.trim().split(/\s+/u));
    expect(lines.length).toBe(2);
    for (const line of lines) expect(line).toEqual(names);
  });

  it('is what .ci/run reads', () => {
    const ci = readFileSync(path.join(projectRoot, '.ci/run'), 'utf8');
    expect(ci).toContain('done <scripts/system-packages.txt');
    for (const name of names) expect(ci, `.ci/run names ${name} itself`).not.toContain(`"${name}:`);
  });

  it('leaves the unit project out', () => {
    expect(listProjectPackages('unit')).toEqual([]);
    expect(listProjectPackages('site').length).toBeGreaterThan(0);
  });

  it('names a missing package in one line, and a bad line with its line number', () => {
    const [entry] = parseSystemPackages('# comment\nnot-installed  /nonexistent/a,/nonexistent/b  -  site\n');
    expect(entry).toEqual({ name: 'not-installed', files: ['/nonexistent/a', '/nonexistent/b'], projects: ['site'] });
    const missing = listMissingPackages([entry!]);
    expect(missing).toEqual(['not-installed']);
    expect(describeMissingPackages(missing)).not.toContain('\n');
    expect(() => parseSystemPackages('a b\n', 'list.txt')).toThrow('list.txt:1: expected');
  });
});

describe('the Node version', () => {
  const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
    engines: { node: string };
    devDependencies: Record<string, string>;
  };
  it('is stated once: engines, the node devDependency and the README agree', () => {
    const range = pkg.devDependencies['node'];
    expect(range).toMatch(/^\^24\./u);
    expect(pkg.engines.node).toBe(range);
    const stated = [...readme.matchAll(/Node\.js (\d+) ?[(（]`([^`]+)`/gu)].map((match) => [match[1], match[2]]);
    expect(stated).toEqual([
      ['24', range],
      ['24', range],
    ]);
  });
});
