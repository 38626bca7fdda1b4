// Validates every built page (archive pages, decks, 404) with html-validate under the committed .htmlvalidate.json,
// at the site root and under a sub-path. Failures are listed as file:line:column rule message.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import { projectRoot } from '#tests/helpers/build.ts';
import { listHtml } from '#tests/helpers/html.ts';

// The builds live in a temp folder, outside the project, so each page is validated under a file name inside the
// project: the loader then finds the committed .htmlvalidate.json (a root config, nothing above it applies).
const validator = new HtmlValidate(new FileSystemConfigLoader());

for (const site of [
  { dist: inject('distRoot'), base: '/' },
  { dist: inject('distSub'), base: inject('subPath') },
]) {
  describe(`html-validate over the build under ${site.base}`, () => {
    it('reports no error on any built page', async () => {
      const files = listHtml(site.dist);
      expect(files).toContain('404.html');
      expect(files.some((file) => file.split(path.sep).includes('deck'))).toBe(true);
      const failures: string[] = [];
      let warnings = 0;
      for (const relative of files) {
        const html = readFileSync(path.join(site.dist, relative), 'utf8');
        const report = await validator.validateString(html, path.join(projectRoot, 'dist', relative));
        for (const result of report.results) {
          for (const message of result.messages) {
            if (message.severity === 2) failures.push(`${relative}:${message.line}:${message.column} ${message.ruleId} ${message.message}`);
            else warnings += 1;
          }
        }
      }
      expect(failures, failures.join('\n')).toEqual([]);
      expect(warnings).toBe(0);
    });
  });
}

describe('.htmlvalidate.json', () => {
  it('extends html-validate:recommended and disables no rule without a stated reason', () => {
    const config = JSON.parse(readFileSync(path.join(projectRoot, '.htmlvalidate.json'), 'utf8')) as { extends?: string[]; rules?: Record<string, unknown> };
    expect(config.extends).toContain('html-validate:recommended');
    // The schema allows no comment keys, so any rule turned off must be explained here, next to this list.
    const disabled = Object.entries(config.rules ?? {}).filter(
      ([, value]) => value === 'off' || value === 0 || (Array.isArray(value) && (value[0] === 'off' || value[0] === 0)),
    );
    expect(disabled.map(([rule]) => rule)).toEqual([]);
  });
});
