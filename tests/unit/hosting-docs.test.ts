// The shipped server configurations carry the one policy of src/lib/csp.ts (its speaker-view hash follows the
// installed reveal.js), and the hosting guide links every one of them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCspHeader } from '#src/lib/csp.ts';
import { projectRoot } from '#tests/helpers/build.ts';

const dir = path.join(projectRoot, 'docs', 'hosting');
const files = readdirSync(dir).filter((name) => name.endsWith('.conf'));

describe('docs/hosting/', () => {
  it('ships nginx and Apache configurations for the root and the sub-path', () => {
    expect(files.sort()).toEqual(['apache-subpath.conf', 'apache.conf', 'nginx-subpath.conf', 'nginx.conf']);
  });

  it.each(files)('%s sends the current policy of src/lib/csp.ts', (name) => {
    const text = readFileSync(path.join(dir, name), 'utf8');
    const sent = [...text.matchAll(/Content-Security-Policy "([^"]*)"/gu)].map((match) => match[1]);
    expect(sent, `docs/hosting/${name}: update its Content-Security-Policy to renderCspHeader() of src/lib/csp.ts`).toEqual([renderCspHeader()]);
  });

  it('is linked from docs/hosting.md, each file', () => {
    const guide = readFileSync(path.join(projectRoot, 'docs', 'hosting.md'), 'utf8');
    for (const name of files) expect(guide).toContain(`(hosting/${name})`);
  });
});
