// What the search page's first search downloads of the project's own: its script holds the labels it writes and
// no other label of the site (labels.ts keeps those it needs in constants of their own, so the bundler can leave
// the rest out).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { labels, searchScriptLabels, statusLabels } from '#src/lib/labels.ts';
import { getSearchPath } from '#src/lib/urls.ts';

describe('the search page’s script', () => {
  const dist = inject('distRoot');
  const html = readFileSync(path.join(dist, getSearchPath(), 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script type="module" src="\/([^"]+)"/gu)].map((match) => readFileSync(path.join(dist, match[1]!), 'utf8'));
  const search = scripts.find((script) => script.includes(searchScriptLabels.busy));

  it('holds the labels it writes', () => {
    expect(search, 'no script of the search page writes its labels').toBeDefined();
    for (const text of [...Object.values(searchScriptLabels), ...Object.values(statusLabels)]) expect(search).toContain(text);
  });

  it('holds no label it does not write: not the deck’s, the site’s or the search form’s', () => {
    for (const text of [labels.deck.closing, labels.site.footer, labels.archive.report.ocrNotice, labels.search.needsBuild, labels.search.sortRelevance])
      expect(search).not.toContain(text);
  });
});
