import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listPageAssets, listStaticImports, weighPage } from '../../scripts/bench/assets.mjs';
import { formatTable, judge } from '../../scripts/bench/report.mjs';

describe('bench page weighing', () => {
  it('lists same-origin stylesheets, module preloads and scripts, not other origins', () => {
    const html = `<link rel="stylesheet" href="/_astro/a.css"><link rel=modulepreload href="../b.js">
      <script type="module" src="/_astro/c.js"></script><script src="https://cdn.example/x.js"></script><link rel="icon" href="/f.svg">`;
    const assets = listPageAssets(html, 'http://h/reports/x/');
    expect(assets).toEqual([
      { url: 'http://h/_astro/a.css', kind: 'css' },
      { url: 'http://h/reports/b.js', kind: 'js' },
      { url: 'http://h/_astro/c.js', kind: 'js' },
    ]);
  });

  it('follows static imports but not dynamic import()', () => {
    const code = 'import{a as b}from"./chunk.js";import"./side.js";export*from"./re.js";const p=import("/pagefind/pagefind.js");';
    expect(listStaticImports(code).sort()).toEqual(['./chunk.js', './re.js', './side.js']);
  });

  it('sums HTML, CSS and JS of a built page, raw and gzip', () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'rk-bench-weigh-'));
    mkdirSync(path.join(dist, 'p'), { recursive: true });
    mkdirSync(path.join(dist, '_astro'), { recursive: true });
    writeFileSync(path.join(dist, 'p/index.html'), '<link rel="stylesheet" href="/_astro/s.css"><script type="module" src="/_astro/m.js"></script>');
    writeFileSync(path.join(dist, '_astro/s.css'), 'body{color:red}');
    writeFileSync(path.join(dist, '_astro/m.js'), 'import"./dep.js";import("./lazy.js");');
    writeFileSync(path.join(dist, '_astro/dep.js'), 'console.log(1)');
    writeFileSync(path.join(dist, '_astro/lazy.js'), 'x'.repeat(10_000));
    const weight = weighPage(dist, 'p/') as { ok: boolean; raw: number; gzip: number; html: { raw: number }; css: { raw: number }; js: { raw: number } };
    expect(weight.ok).toBe(true);
    expect(weight.css.raw).toBe(15);
    expect(weight.js.raw).toBe('import"./dep.js";import("./lazy.js");'.length + 'console.log(1)'.length);
    expect(weight.raw).toBe(weight.html.raw + weight.css.raw + weight.js.raw);
    expect(weight.gzip).toBeGreaterThan(0);
    expect(weighPage(dist, 'missing/').ok).toBe(false);
    rmSync(dist, { recursive: true, force: true });
  });
});

describe('bench report', () => {
  it('judges targets and prints n/a with the reason for parts not built', () => {
    const result = {
      problems: 5000,
      reports: 200,
      source: 'generated',
      build: { ok: true, seconds: 95, maxRssBytes: 1, treePeakBytes: 1 },
      dist: { pages: 5300, bytes: 1 },
      problemPage: { ok: true, gzip: 5000, raw: 12000, html: { gzip: 1 }, css: { gzip: 1 }, js: { gzip: 1 } },
      search: { ok: false, error: '/search/ answered 404 (no search page yet)' },
      deck: { ok: true, gzip: 80 * 1024, raw: 1, fonts: { raw: 1 }, firstSlideMs: 100, readyMs: 120 },
    };
    expect(judge(result)).toEqual({ buildSeconds: 'miss', problemPageGzip: 'pass', searchTransferred: null, searchColdMs: null, deckGzip: 'miss' });
    const table = formatTable([result]);
    expect(table).toContain('n/a (/search/ answered 404 (no search page yet))');
    expect(table).toContain('95.0 s ❌ miss');
  });
});
