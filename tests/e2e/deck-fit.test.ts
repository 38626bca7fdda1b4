// Every slide of every deck in Chromium at 1280×720: nothing outside the frame, no text under 20 px, every measure
// of every problem on its slides (ordinal and lead phrase as planned), the problem as printed on each of them.
// Decks: all of the fixture site (tests/fixtures/site.ts): the real content, an imported report, hostile-looking
// text, a generated archive and the long report (eight long inline measures, a 60-character title).

import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readDeckConfig } from '#src/deck/config-file.ts';
import { MIN_FONT_PX, SLIDE } from '#src/deck/fit.ts';
import { getDeckFormPath, type IssueSlide, listPlannedSlides, planDeck } from '#src/deck/plan.ts';
import { listMeasurePoints, listMeasures, splitMeasures } from '#src/lib/measures.ts';
import { getIssueSlug, listReportIssues } from '#src/lib/order.ts';
import { getPrintedProblem } from '#src/lib/titles.ts';
import { getDeckPath, getIssuePath } from '#src/lib/urls.ts';
import { readIssuesFromDisk, readReportsFromDisk } from '#src/loaders/disk.ts';
import { projectRoot } from '#tests/helpers/build.ts';
import { getFill, inspectPresentSlide, readShownBullets, showSlide } from '#tests/helpers/deck-fit.ts';
import { LONG_REPORT_ID } from '#tests/helpers/fixtures.ts';
import { readPdf } from '#tests/helpers/pdf.ts';
import { openServedSite, type Server } from '#tests/helpers/site.ts';
import { runSearchPage } from './search-support.ts';

const strip = (text: string) => text.replace(/\s+/gu, '');
const dist = inject('fixturesDist');
const reportsDir = inject('fixturesReports');
const { reports } = readReportsFromDisk(reportsDir);
const { issues } = readIssuesFromDisk(reportsDir);
const seedId = readReportsFromDisk().reports[0]?.id;

let browser: Browser;
let server: Server;

let closeSite: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ browser, server, close: closeSite } = await openServedSite(dist));
});
afterAll(async () => {
  await closeSite?.();
});

describe('deck fit', () => {
  it('keeps every slide of every deck inside 1280×720 with no text under 20 px, every measure and printed problem shown', async () => {
    expect(reports.map((report) => report.id)).toEqual(expect.arrayContaining([LONG_REPORT_ID, seedId]));
    const continued = new Map<string, number>();
    let smallest = Number.POSITIVE_INFINITY;
    // Problem slides: how full each is, and those that shorten a measure while a third of the slide stays empty.
    const fills: number[] = [];
    const roomy: string[] = [];
    const cut: string[] = [];
    for (const report of reports) {
      const slides = listPlannedSlides(planDeck(report, issues, readDeckConfig(report.id), reports));
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      // No transition, so each slide is measured (and pictured) at rest.
      await page.goto(`${server.url}${getDeckPath(report.id)}?transition=none`);
      await page.waitForSelector('html[data-deck-ready]', { timeout: 30_000 });
      const shown = new Map<string, string>();
      for (const slide of slides) {
        await showSlide(page, slide.id);
        const seen = await inspectPresentSlide(page, MIN_FONT_PX);
        expect(seen.outside, `${report.id} ${slide.id}: outside the frame`).toEqual([]);
        expect(seen.small, `${report.id} ${slide.id}: text under ${MIN_FONT_PX}px`).toEqual([]);
        smallest = Math.min(smallest, seen.smallestFontPx);
        shown.set(slide.id, strip(seen.text));
        if (slide.kind === 'issue') {
          const fill = getFill(seen.contentBottom, SLIDE);
          fills.push(fill);
          const bullets = await readShownBullets(page);
          if (bullets.some((bullet) => bullet.shortened) && fill < 0.7) roomy.push(`${report.id} ${slide.id} ${(fill * 100).toFixed(0)}%`);
          // A shortened bullet ends where its text ends a clause (，；：。！？ and closing marks), never mid-phrase.
          for (const bullet of bullets)
            if (bullet.shortened && !/[，；：。！？][”’」』）》]*$/u.test(bullet.text)) cut.push(`${report.id} ${slide.id}: …${bullet.text.slice(-12)}`);
        }
        // Pictures for a look by eye (the generated bench decks are many and alike, so they are left out).
        if (process.env['DECK_FIT_LOG'] && !report.id.startsWith('bench-')) {
          console.log(
            `${report.id} ${slide.id} bottom ${seen.contentBottom.toFixed(0)} fill ${(getFill(seen.contentBottom, SLIDE) * 100).toFixed(0)}% smallest ${seen.smallestFontPx}px`,
          );
          await page.screenshot({ path: `${process.env['DECK_FIT_LOG']}/${report.id}-${slide.id}.png` });
        }
      }
      await page.close();
      // Coverage: each problem's slides together show every measure's ordinal and lead, and each shows the problem.
      const issueSlides = slides.filter((slide): slide is IssueSlide => slide.kind === 'issue');
      continued.set(report.id, slides.filter((slide) => slide.part.index > 1).length);
      for (const issue of listReportIssues(report.id, issues)) {
        const own = issueSlides.filter((slide) => slide.issueId === issue.id);
        expect(own.length, issue.id).toBeGreaterThan(0);
        const text = own.map((slide) => shown.get(slide.id) ?? '').join('');
        for (const slide of own) expect(shown.get(slide.id), slide.id).toContain(strip(getPrintedProblem(issue.data.title)));
        // A measure with an ordinal is one bullet (ordinal and lead); a paragraph without ordinals one per sentence.
        const measures = listMeasures(issue.body ?? '');
        const points = measures.flatMap((measure) => listMeasurePoints(measure).map((point) => ({ measure, point })));
        expect(own.flatMap((slide) => slide.bullets).length, issue.id).toBe(points.length);
        for (const { measure, point } of points) {
          // Its opening words: the first 16 characters, or all of a shorter first clause (a bullet never shows less).
          const lead = [...(measure.ordinal ? measure.lead : point.trim())].slice(0, 16).join('');
          expect(text, `${issue.id} ${measure.id}`).toContain(strip(`${measure.ordinal ?? ''}${lead}`));
        }
        for (const figure of issue.data.highlights) expect(text, `${issue.id} figure`).toContain(strip(figure.value));
      }
    }
    expect(smallest).toBeGreaterThanOrEqual(MIN_FONT_PX);
    expect(cut, 'bullets shortened mid-phrase').toEqual([]);
    expect(roomy, 'slides that shorten a measure with 30% or more of their height empty').toEqual([]);
    const median = fills.toSorted((a, b) => a - b)[Math.floor(fills.length / 2)]!;
    console.log(`problem slides: ${fills.length}, median fill ${(median * 100).toFixed(0)}%`);
    expect(median).toBeGreaterThanOrEqual(0.55);
    // The long report needs continuations, so the rule is exercised; the numbers are reported, not fixed.
    expect(continued.get(LONG_REPORT_ID)).toBeGreaterThan(0);
    console.log(`continuation slides per deck: ${JSON.stringify(Object.fromEntries(continued))}; smallest type ${smallest}px`);
    // Every slide of some twenty decks, each looked at twice (layout, then its bullets): minutes on a shared machine.
  }, 600_000);

  it("builds each report's brief form beside the full deck: inside the frame, every problem named, the seed in at most 12 slides", async () => {
    const counts: Record<string, number> = {};
    for (const report of reports.filter((candidate) => !candidate.id.startsWith('bench-'))) {
      const slides = listPlannedSlides(planDeck(report, issues, readDeckConfig(report.id), reports, 'brief'));
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      await page.goto(`${server.url}${getDeckFormPath(report.id, 'brief')}?transition=none`);
      await page.waitForSelector('html[data-deck-ready]', { timeout: 30_000 });
      let text = '';
      for (const slide of slides) {
        await showSlide(page, slide.id);
        const seen = await inspectPresentSlide(page, MIN_FONT_PX);
        expect(seen.outside, `${report.id} brief ${slide.id}: outside the frame`).toEqual([]);
        expect(seen.small, `${report.id} brief ${slide.id}: text under ${MIN_FONT_PX}px`).toEqual([]);
        text += strip(seen.text);
        if (process.env['DECK_FIT_LOG']) await page.screenshot({ path: `${process.env['DECK_FIT_LOG']}/${report.id}-brief-${slide.id}.png` });
      }
      await page.close();
      for (const issue of listReportIssues(report.id, issues))
        expect(text, `${report.id} brief: ${issue.id}`).toContain(strip(getPrintedProblem(issue.data.title)));
      counts[report.id] = slides.length;
    }
    console.log(`brief slides per deck: ${JSON.stringify(counts)}`);
    expect(counts[seedId!]).toBeLessThanOrEqual(12);
  }, 300_000);

  it('gives inline measures their anchors on the problem page, and search links a match to its measure', async () => {
    const issue = issues.find((entry) => entry.id === `${LONG_REPORT_ID}/completed-01`)!;
    const split = splitMeasures(issue.body ?? '');
    const page = await browser.newPage();
    await page.goto(`${server.url}${getIssuePath(issue.data.report, getIssueSlug(issue))}`);
    // One anchor per measure, in order, though all eight stand in one paragraph; the lead-in is not measure 1.
    const anchors = await page.$$eval('h3[id^="measure-"]', (headings) => headings.map((h) => [h.id, (h.textContent ?? '').replace(/\s+/gu, '')]));
    expect(anchors.map(([id]) => id)).toEqual(split.measures.map((m) => m.id));
    expect(anchors.map(([, text]) => text)).toEqual(split.measures.map((m) => strip(`${m.ordinal}${m.lead}`)));
    expect(strip((await page.locator('p.lead-in').allTextContents()).join(''))).toBe(strip(split.leadIn.join('')));
    // Search: a phrase from inside the fifth measure (past its ordinal and first words) links to #measure-5 of that page.
    const fifth = split.measures[4]!;
    const query = [...fifth.paragraph].slice(24, 32).join('');
    expect(query.length).toBe(8);
    const { links } = await runSearchPage(page, new URL(server.url).origin, '/', { q: query });
    expect(
      links.some((href) => href.endsWith(`${getIssueSlug(issue)}/#${fifth.id}`)),
      links.join(' '),
    ).toBe(true);
    await page.close();
  });

  it('prints continuations as pages of their own: the PDF has one page per planned slide, （续） included', async () => {
    const exportDir = mkdtempSync(path.join(tmpdir(), 'deck-fit-pdf-'));
    const result = spawnSync(process.execPath, [path.join(projectRoot, 'scripts', 'export-pdf.ts'), LONG_REPORT_ID], {
      cwd: projectRoot,
      env: { ...process.env, DIST_DIR: dist, EXPORT_DIR: exportDir, REPORTS_DIR: reportsDir },
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    const report = reports.find((candidate) => candidate.id === LONG_REPORT_ID)!;
    const slides = listPlannedSlides(planDeck(report, issues, readDeckConfig(report.id), reports));
    const pdf = await readPdf(path.join(exportDir, `${report.id}.pdf`));
    expect(pdf.pages).toBe(slides.length);
    const text = strip(pdf.text);
    for (const slide of slides) if (slide.kind === 'issue') expect(text).toContain(strip(slide.heading));
  });
});
