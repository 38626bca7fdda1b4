import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listPageAssets, listStaticImports, weighPage } from '../../scripts/bench/assets.ts';
import { formatMachine, parseCpuinfo, readMachine } from '../../scripts/bench/machine.ts';
import { median } from '../../scripts/bench/measure.ts';
import { formatTable, judge, type SizeResult } from '../../scripts/bench/report.ts';

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
    const weight = weighPage(dist, 'p/');
    if (!weight.ok) throw new Error(weight.error);
    expect(weight.css.raw).toBe(15);
    expect(weight.js.raw).toBe('import"./dep.js";import("./lazy.js");'.length + 'console.log(1)'.length);
    expect(weight.raw).toBe(weight.html.raw + weight.css.raw + weight.js.raw);
    expect(weight.gzip).toBeGreaterThan(0);
    expect(weighPage(dist, 'missing/').ok).toBe(false);
    rmSync(dist, { recursive: true, force: true });
  });
});

describe('bench report', () => {
  const build = (seconds: number, peakBytes: number) => ({ ok: true, seconds, peakBytes, error: null });
  const search = (ms: number, bytes: number) => ({ ok: true, ms, bytes, requests: 10, results: 10, error: null });

  it('takes medians of the alternated runs', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('judges each target on the ratio of medians, beside the absolutes, only at the sizes it applies to', () => {
    const result: SizeResult = {
      problems: 5000,
      reports: 200,
      source: 'generated',
      project: [build(50, 2000), build(40, 2100), build(45, 1900)],
      floor: [build(40, 3000), build(40, 3000), build(30, 3000)],
      starlight: [],
      searches: [
        { query: '资金', project: [search(500, 300), search(400, 300), search(450, 300)], peer: [search(500, 200), search(500, 200), search(500, 200)] },
      ],
      problemPage: null,
      deck: null,
      pages: 5400,
    };
    // Build 45 s against 40 s: 1.125×; memory 2000 against 3000: 0.67×; search time 450 against 500, bytes 300 against 200.
    expect(judge(result)).toEqual({ buildTime: 'pass', buildMemory: 'pass', seedBuild: null, 'searchBytes:资金': 'miss', 'searchTime:资金': 'pass' });
    const table = formatTable(result);
    expect(table).toContain('| Build time (floor) | 45.0 s | 40.0 s | 1.13× |');
    expect(table).toContain('| First search “资金”: navigation → results (Pagefind UI) | 450 ms | 500 ms | 0.90× |');
    expect(judge({ ...result, problems: 25 })).toMatchObject({ buildTime: null, 'searchBytes:资金': null });
  });
});

describe('the machine a benchmark records', () => {
  it('reads the CPU model and the hypervisor flag of the first processor', () => {
    const cpuinfo =
      'processor\t: 0\nmodel name\t: AMD EPYC 7B13\nflags\t\t: fpu vme hypervisor lahf_lm\n\nprocessor\t: 1\nmodel name\t: other\nflags\t\t: fpu\n';
    expect(parseCpuinfo(cpuinfo)).toEqual({ model: 'AMD EPYC 7B13', hypervisorFlag: true });
    expect(parseCpuinfo('processor\t: 0\nflags\t: fpu vme\n')).toEqual({ model: null, hypervisorFlag: false });
  });

  it('describes this machine in one line: CPU, cores, memory, VM or not, Node', () => {
    const machine = readMachine();
    expect(machine.cores).toBe(os.availableParallelism());
    const line = formatMachine(machine);
    expect(line).toContain(`${machine.cores} cores`);
    expect(line).toContain(machine.cpu);
    expect(line).toContain(`Node ${process.version}`);
    expect(line).toMatch(/VM \(|not a VM|VM unknown/u);
    expect(formatMachine({ ...machine, vm: 'kvm', container: 'none', dmi: null })).toContain('VM (kvm)');
    expect(formatMachine({ ...machine, vm: 'none', hypervisorFlag: false, container: 'none', dmi: null })).toContain('not a VM');
  });
});
