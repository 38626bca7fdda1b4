// Decks across reports in the built fixture site (tests/fixtures/slides-cross/decks/): each page holds the planned
// slides in order with their notes, its table's figures are the counts of the collection's entries, its text is in
// the deck font's subset; and a config naming no report, or selecting none, fails the build naming file and key.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { listCrossDeckConfigs } from '#src/deck/config-file.ts';
import { planCrossDeck, selectCrossDeckReports } from '#src/deck/cross-plan.ts';
import { listPlannedSlideIds, listPlannedSlides } from '#src/deck/plan.ts';
import { collectDeckText } from '#src/integrations/deck-fonts.ts';
import { getBriefDeckPath, getCrossDeckPath, getReportPath } from '#src/lib/urls.ts';
import { readIssuesFromDisk, readReportsFromDisk } from '#src/loaders/disk.ts';
import { buildSite, projectRoot } from '#tests/helpers/build.ts';
import { minimalReportsDir } from '#tests/helpers/fixtures.ts';

const distDir = inject('fixturesDist');
const asOf = inject('fixturesBuildDate');
const { reports } = readReportsFromDisk(inject('fixturesReports'));
const { issues } = readIssuesFromDisk(inject('fixturesReports'));
const configs = listCrossDeckConfigs(inject('fixturesSlides'));
const decode = (html: string) =>
  html
    .replace(/&quot;/gu, '"')
    .replace(/&#39;/gu, "'")
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&amp;/gu, '&');

describe.each(configs.map((deck) => [deck.name, deck] as const))('the deck across reports %s', (name, deck) => {
  const file = path.join(distDir, getCrossDeckPath(name), 'index.html');
  const html = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const stacks = planCrossDeck(deck, reports, issues, asOf);

  it('is built at /decks/<name>/ with the planned slides, in order, each with its notes', () => {
    expect(existsSync(file), file).toBe(true);
    const ids = [...html.matchAll(/<section id="([^"]+)"/gu)].map((match) => match[1]);
    expect(ids).toEqual(listPlannedSlideIds(stacks));
    const notes = [...html.matchAll(/<aside class="notes"[^>]*>([\s\S]*?)<\/aside>/gu)].map((match) => decode(match[1]!));
    expect(notes).toEqual(listPlannedSlides(stacks).map((slide) => slide.notes));
    expect(html).toContain(`data-report="decks/${name}"`);
  });

  it('shows each selected report’s counts of problems by status, and their sum', () => {
    const selected = selectCrossDeckReports(deck, reports);
    const rows = [...html.matchAll(/<tr(?: class="total")? data-report="([^"]+)">([\s\S]*?)<\/tr>/gu)].map((match) => ({
      key: match[1]!,
      cells: [...match[2]!.matchAll(/<td[^>]*>([^<]*)<\/td>/gu)].map((cell) => cell[1]!),
    }));
    expect(rows.map((row) => row.key)).toEqual([...selected.map((report) => report.id), 'total']);
    const statuses = listPlannedSlides(stacks).find((slide) => slide.kind === 'summary')!.statuses;
    const count = (list: typeof issues) => [String(list.length), ...statuses.map((status) => String(list.filter((i) => i.data.status === status).length))];
    for (const row of rows) {
      const own =
        row.key === 'total' ? issues.filter((issue) => selected.some((r) => r.id === issue.data.report)) : issues.filter((i) => i.data.report === row.key);
      expect(row.cells.slice(0, -1), row.key).toEqual(count(own));
    }
  });

  it('has every character of its page in the deck font’s subset, speaker notes included', () => {
    const subset = new Set(collectDeckText(distDir));
    const text = decode(html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<[^>]+>/gu, ''));
    expect([...text].filter((char) => !/\s/u.test(char) && !subset.has(char))).toEqual([]);
  });
});

describe('links to the decks', () => {
  it('the home page links each deck across reports by its title; each report’s page links its brief form', () => {
    const home = readFileSync(path.join(distDir, 'index.html'), 'utf8');
    for (const deck of configs) expect(decode(home)).toContain(`<a href="/${getCrossDeckPath(deck.name)}">${deck.config.title}</a>`);
    for (const report of reports.filter((entry) => !entry.id.startsWith('bench-'))) {
      const page = readFileSync(path.join(distDir, getReportPath(report.id), 'index.html'), 'utf8');
      expect(page, report.id).toContain(`href="/${getBriefDeckPath(report.id)}"`);
      expect(existsSync(path.join(distDir, getBriefDeckPath(report.id), 'index.html')), report.id).toBe(true);
    }
  });
});

describe('an invalid deck across reports', () => {
  const build = async (yaml: string) => {
    const slides = mkdtempSync(path.join(tmpdir(), 'rk-cross-slides-'));
    cpSync(path.join(projectRoot, 'slides'), slides, { recursive: true });
    mkdirSync(path.join(slides, 'decks'));
    writeFileSync(path.join(slides, 'decks', 'broken.yaml'), yaml);
    return buildSite({ reportsDir: minimalReportsDir, env: { SLIDES_DIR: slides } });
  };

  it('fails the build naming the file and key: an unknown report id, a selection matching none', async () => {
    const unknown = await build('title: 汇总\nselect:\n  reports: [demo-2023, nowhere-2020]\n');
    expect(unknown.status).not.toBe(0);
    expect(unknown.output).toMatch(/decks\/broken\.yaml: select\.reports\.1: no report nowhere-2020/u);
    const none = await build('title: 汇总\nselect:\n  year: 1999\n');
    expect(none.status).not.toBe(0);
    expect(none.output).toMatch(/decks\/broken\.yaml: select: no report matches year 1999/u);
  });
});
