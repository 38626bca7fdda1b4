// The briefing deck in Chromium: slide list derived from config + collection, notes, navigation, deep links,
// sub-path hosting, no foreign requests, the PDF handout and the offline single file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { listCrossDeckConfigs, readDeckConfig } from '#src/deck/config-file.ts';
import { planCrossDeck } from '#src/deck/cross-plan.ts';
import { listPlannedSlideIds, listPlannedSlides, planDeck } from '#src/deck/plan.ts';
import { collectDeckText } from '#src/integrations/deck-fonts.ts';
import { getIssueSlug, listReportIssues } from '#src/lib/order.ts';
import { getPrintedProblem } from '#src/lib/titles.ts';
import { getDeckPath, getDeckSlideId, getDeckSlidePath } from '#src/lib/urls.ts';
import { readIssuesFromDisk, readReportsFromDisk } from '#src/loaders/disk.ts';
import { projectRoot } from '#tests/helpers/build.ts';
import { readPdf } from '#tests/helpers/pdf.ts';
import { openSite, type Server } from '#tests/helpers/site.ts';

const distRoot = inject('distRoot');
const subPath = inject('subPath');
const { reports } = readReportsFromDisk();
const { issues } = readIssuesFromDisk();
const stripSpace = (text: string) => text.replace(/\s+/gu, '');

let browser: Browser;
let root: Server;
let sub: Server;
let close = async () => {};

beforeAll(async () => ({ browser, root, sub, close } = await openSite()));
afterAll(() => close());

/** Opens a URL, records every request, and waits until the deck has laid out with its fonts. */
async function openDeck(url: string): Promise<{ page: Page; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(url);
  await page.waitForSelector('html[data-deck-ready]', { timeout: 30_000 });
  return { page, requests };
}

const presentId = (page: Page) => page.evaluate(() => document.querySelector('.reveal .slides section.present:not(.stack)')?.id ?? '');

describe.each(reports.map((report) => [report.id, report] as const))('deck of %s', (reportId, report) => {
  const expectedIds = listPlannedSlideIds(planDeck(report, issues, readDeckConfig(reportId)));
  const ownIssues = listReportIssues(reportId, issues);

  it('holds exactly the slides that the config and the collection imply, in order, each with notes where required', async () => {
    const { page, requests } = await openDeck(`${root.url}${getDeckPath(reportId)}`);
    const ids = await page.$$eval('.reveal .slides section:not(.stack)', (sections) => sections.map((s) => s.id));
    expect(ids).toEqual(expectedIds);
    expect(await page.evaluate(() => (window as unknown as { Reveal?: unknown }).Reveal)).toBeUndefined();
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    for (const issue of ownIssues) {
      const slide = page.locator(`section#${getDeckSlideId(getIssueSlug(issue))}`);
      expect(stripSpace((await slide.locator('h2').textContent()) ?? '')).toContain(stripSpace(getPrintedProblem(issue.data.title)));
      expect(await slide.locator('.tag').textContent()).toContain(issue.data.shortTitle);
      const notes = (await slide.locator('aside.notes').textContent()) ?? '';
      expect(stripSpace(notes).length).toBeGreaterThan(stripSpace(issue.data.title).length);
    }
    for (const id of ['organisation', 'plan']) {
      if (expectedIds.includes(id)) expect(((await page.locator(`section#${id} aside.notes`).textContent()) ?? '').trim()).not.toBe('');
    }
    // The CJK font is the site's own subset and actually loaded.
    expect(await page.evaluate(() => document.fonts.check('32px DeckSans', '整改'))).toBe(true);
    const origin = new URL(root.url).origin;
    expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual([]);
    await page.close();
  });

  it('moves between slides with the keyboard and opens a problem slide from its id', async () => {
    const { page } = await openDeck(`${root.url}${getDeckPath(reportId)}`);
    expect(await presentId(page)).toBe(expectedIds[0]);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => presentId(page)).toBe(expectedIds[1]);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => presentId(page)).toBe(expectedIds[0]);
    await page.close();

    const target = ownIssues.at(-1)!;
    const id = getDeckSlideId(getIssueSlug(target));
    const linked = await openDeck(`${root.url}${getDeckSlidePath(reportId, getIssueSlug(target))}`);
    expect(await presentId(linked.page)).toBe(id);
    expect(stripSpace((await linked.page.locator('section.present:not(.stack) h2').textContent()) ?? '')).toContain(
      stripSpace(getPrintedProblem(target.data.title)),
    );
    await linked.page.close();
  });

  it('shows the speaker view in the deck font, its notes included, with every notes character in the font subset', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const target = getDeckSlideId(getIssueSlug(ownIssues[0]!));
    await page.goto(`${root.url}${getDeckPath(reportId)}#/${target}`);
    await page.waitForSelector('html[data-deck-ready]', { timeout: 30_000 });
    const notes = stripSpace((await page.locator(`section#${target} aside.notes`).textContent()) ?? '');
    const [popup] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
    await popup.waitForFunction(
      (text) => (document.querySelector('.speaker-controls-notes .value')?.textContent ?? '').replace(/\s+/gu, '').includes(text),
      notes,
      { timeout: 30_000 },
    );
    await popup.waitForFunction(() => document.fonts.status === 'loaded' && getComputedStyle(document.body).fontFamily.startsWith('DeckSans'), null, {
      timeout: 15_000,
    });
    const seen = await popup.evaluate(() => {
      const value = document.querySelector('.speaker-controls-notes .value')!;
      const text = value.textContent ?? '';
      const style = getComputedStyle(value);
      return {
        family: style.fontFamily,
        check: document.fonts.check(`${style.fontSize} DeckSans`, text),
        faces: [...document.fonts].filter((face) => face.family.replace(/"/gu, '') === 'DeckSans').map((face) => face.status),
      };
    });
    expect(seen.family.replace(/"/gu, '')).toMatch(/^DeckSans,/u);
    expect(seen.faces).toContain('loaded');
    expect(seen.check).toBe(true);
    // The subset holds every character of every slide's notes, so no note falls back to a system font.
    const subset = new Set(collectDeckText(distRoot));
    const missing = listPlannedSlides(planDeck(report, issues, readDeckConfig(reportId))).flatMap((slide) =>
      [...slide.notes].filter((char) => !/\s/u.test(char) && !subset.has(char)),
    );
    expect(missing).toEqual([]);
    await context.close();
  });

  it('works under a sub-path, with every file from its own origin', async () => {
    const paths: string[] = [];
    const { page, requests } = await openDeck(`${sub.url}${getDeckPath(reportId)}#/${expectedIds.at(-1)}`);
    page.on('response', (response) => {
      if (response.status() >= 400) paths.push(response.url());
    });
    expect(await presentId(page)).toBe(expectedIds.at(-1));
    const origin = new URL(sub.url).origin;
    expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual([]);
    expect(requests.filter((url) => url.startsWith(origin) && !new URL(url).pathname.startsWith(subPath))).toEqual([]);
    expect(await page.evaluate(() => document.fonts.check('32px DeckSans', '整改'))).toBe(true);
    expect(paths).toEqual([]);
    await page.close();
  });
});

describe('exports', () => {
  const exportDir = mkdtempSync(path.join(tmpdir(), 'deck-exports-'));
  const run = (script: string) =>
    spawnSync(process.execPath, [path.join(projectRoot, 'scripts', script)], {
      cwd: projectRoot,
      env: { ...process.env, DIST_DIR: distRoot, EXPORT_DIR: exportDir },
      encoding: 'utf8',
    });

  it('writes a PDF per report: one page per slide, every printed problem and short title as extractable text, fonts embedded', async () => {
    const result = run('export-pdf.ts');
    expect(result.status, result.stderr).toBe(0);
    for (const report of reports) {
      const file = path.join(exportDir, `${report.id}.pdf`);
      const slides = listPlannedSlideIds(planDeck(report, issues, readDeckConfig(report.id))).length;
      const pdf = await readPdf(file);
      expect(pdf.pages).toBe(slides);
      const text = stripSpace(pdf.text);
      for (const issue of listReportIssues(report.id, issues)) {
        expect(text).toContain(stripSpace(issue.data.shortTitle));
        expect(text).toContain(stripSpace(getPrintedProblem(issue.data.title)));
      }
      expect(pdf.fonts.map((font) => font.name).join(' ')).toMatch(/NotoSansSC/u);
      expect(pdf.fonts.filter((font) => !font.embedded)).toEqual([]);
      // The brief form too: one page per slide, every printed problem on it (the completed ones in its table).
      const brief = await readPdf(path.join(exportDir, `${report.id}-brief.pdf`));
      expect(brief.pages).toBe(listPlannedSlideIds(planDeck(report, issues, readDeckConfig(report.id), reports, 'brief')).length);
      const briefText = stripSpace(brief.text);
      for (const issue of listReportIssues(report.id, issues)) expect(briefText).toContain(stripSpace(getPrintedProblem(issue.data.title)));
      expect(brief.fonts.filter((font) => !font.embedded)).toEqual([]);
    }
  });

  it('writes a single HTML file per report and per brief form that shows its first and last slide from file:// without any network', async () => {
    const result = run('export-html.ts');
    expect(result.status, result.stderr).toBe(0);
    const forms = reports.flatMap((report) => [
      { report, key: report.id, length: 'full' as const },
      { report, key: `${report.id}-brief`, length: 'brief' as const },
    ]);
    for (const { report, key, length } of forms) {
      const ids = listPlannedSlideIds(planDeck(report, issues, readDeckConfig(report.id), reports, length));
      const url = pathToFileURL(path.join(exportDir, `${key}.html`)).href;
      const { page, requests } = await openDeck(url);
      expect(await presentId(page)).toBe(ids[0]);
      expect(await page.locator('section.present h1').textContent()).toContain(report.data.title);
      await page.keyboard.press('End');
      await expect.poll(() => presentId(page)).toBe(ids.at(-1));
      expect(await page.evaluate(() => document.fonts.check('32px DeckSans', '整改'))).toBe(true);
      expect(requests.filter((request) => !request.startsWith('file:') && !request.startsWith('data:'))).toEqual([]);
      expect(new Set(requests.filter((request) => request.startsWith('file:')).map((r) => r.split(/[?#]/u)[0]))).toEqual(new Set([url]));
      // Offline too, the speaker view is set in the embedded deck font.
      const [popup] = await Promise.all([page.context().waitForEvent('page'), page.keyboard.press('s')]);
      await popup.waitForFunction(
        () =>
          getComputedStyle(document.body).fontFamily.startsWith('DeckSans') &&
          [...document.fonts].some((face) => face.family.replace(/"/gu, '') === 'DeckSans' && face.status === 'loaded'),
        null,
        { timeout: 15_000 },
      );
      await popup.close();
      await page.close();
    }
  });
});

describe('exports of decks across reports (the fixture site, tests/fixtures/slides-cross)', () => {
  const fixturesDist = inject('fixturesDist');
  const fixtureReports = readReportsFromDisk(inject('fixturesReports')).reports;
  const fixtureIssues = readIssuesFromDisk(inject('fixturesReports')).issues;
  const decks = listCrossDeckConfigs(inject('fixturesSlides'));
  const exportDir = mkdtempSync(path.join(tmpdir(), 'deck-cross-exports-'));
  const names = decks.map((deck) => `decks/${deck.name}`);
  const run = (script: string) =>
    spawnSync(process.execPath, [path.join(projectRoot, 'scripts', script), ...names], {
      cwd: projectRoot,
      env: { ...process.env, DIST_DIR: fixturesDist, EXPORT_DIR: exportDir },
      encoding: 'utf8',
    });
  const planOf = (deck: (typeof decks)[number]) => listPlannedSlides(planCrossDeck(deck, fixtureReports, fixtureIssues, inject('fixturesBuildDate')));

  it('writes decks/<name>.pdf: one page per slide, every figure of the summary and every open problem as text', async () => {
    expect(decks.length).toBeGreaterThan(0);
    const result = run('export-pdf.ts');
    expect(result.status, result.stderr).toBe(0);
    for (const deck of decks) {
      const slides = planOf(deck);
      const pdf = await readPdf(path.join(exportDir, 'decks', `${deck.name}.pdf`));
      expect(pdf.pages).toBe(slides.length);
      const text = stripSpace(pdf.text);
      for (const slide of slides) {
        if (slide.kind === 'summary')
          for (const row of [...slide.rows, ...(slide.total ? [slide.total] : [])])
            expect(text).toContain(stripSpace(`${row.problems}${row.counts.join('')}${row.rate}`));
        if (slide.kind === 'open') for (const item of slide.items) expect(text).toContain(stripSpace(item.problem));
        if (slide.kind === 'commitments') for (const item of slide.items) expect(text).toContain(stripSpace(item.quote));
      }
      expect(pdf.fonts.filter((font) => !font.embedded)).toEqual([]);
    }
  });

  it('writes decks/<name>.html that shows its first and last slide from file:// without any network', async () => {
    const result = run('export-html.ts');
    expect(result.status, result.stderr).toBe(0);
    for (const deck of decks) {
      const ids = planOf(deck).map((slide) => slide.id);
      const url = pathToFileURL(path.join(exportDir, 'decks', `${deck.name}.html`)).href;
      const { page, requests } = await openDeck(url);
      expect(await presentId(page)).toBe(ids[0]);
      expect(await page.locator('section.present h1').textContent()).toContain(deck.config.title);
      await page.keyboard.press('End');
      await expect.poll(() => presentId(page)).toBe(ids.at(-1));
      expect(await page.evaluate(() => document.fonts.check('32px DeckSans', '整改'))).toBe(true);
      expect(requests.filter((request) => !request.startsWith('file:') && !request.startsWith('data:'))).toEqual([]);
      await page.close();
    }
  });
});
