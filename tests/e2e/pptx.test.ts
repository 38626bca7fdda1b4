// npm run export:pptx end to end: the CLI writes the files from the collection on disk, the tests read them back
// (slides, text, notes, fonts) against the deck plan, and LibreOffice Impress renders them to PDF: one page per
// planned slide, every printed problem on its page, no text outside the page or in the slide-number strip.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, test } from 'vitest';
import { listCrossDeckConfigs, readDeckConfig } from '#src/deck/config-file.ts';
import { planCrossDeck } from '#src/deck/cross-plan.ts';
import { SLIDE } from '#src/deck/fit.ts';
import { listPlannedSlides, type PlannedSlide, planDeck } from '#src/deck/plan.ts';
import { listSections } from '#src/deck/pptx/compose.ts';
import { fonts } from '#src/deck/pptx/frame.ts';
import type { IssueEntry, ReportEntry } from '#src/lib/entries.ts';
import { labels } from '#src/lib/labels.ts';
import { stripWhitespace } from '#src/lib/text.ts';
import { readIssuesFromDisk, readReportsFromDisk } from '#src/loaders/disk.ts';
import { projectRoot } from '#tests/helpers/build.ts';
import { convertWithLibreOffice, listParagraphTexts, listRuns, type PptxSlideXml, readPptx } from '#tests/helpers/pptx.ts';

/** A reports folder holding what `npm run import` makes of a published report (inline measures, as printed). */
function importReport(source: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'rk-pptx-import-'));
  const run = spawnSync(process.execPath, ['scripts/import/cli.ts', source, '--out', dir], { cwd: projectRoot, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`npm run import ${source} failed:\n${run.stdout}\n${run.stderr}`);
  return dir;
}

/** One reports folder holding the fixture folders of tests/fixtures/reports named. */
function combineReports(folders: readonly string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'rk-pptx-cross-'));
  for (const folder of folders) cpSync(path.join(projectRoot, 'tests/fixtures/reports', folder), dir, { recursive: true });
  return dir;
}

/** The day the decks across reports are stated as of (BUILD_DATE), so their commitments are due or not as the test expects. */
const BUILD_DATE = '2023-10-15';

const decks: { name: string; reportsDir: string | (() => string); slidesDir: string }[] = [
  { name: 'the seed', reportsDir: path.join(projectRoot, 'content/reports'), slidesDir: path.join(projectRoot, 'slides') },
  {
    name: 'a report imported with npm run import (tests/fixtures/import/qingchuan-wlj.txt)',
    reportsDir: () => importReport(path.join(projectRoot, 'tests/fixtures/import/qingchuan-wlj.txt')),
    slidesDir: path.join(projectRoot, 'slides'),
  },
  {
    name: 'the deck’s long fixture (eight long inline measures, a 60-character title)',
    reportsDir: path.join(projectRoot, 'tests/fixtures/reports/long'),
    slidesDir: path.join(projectRoot, 'slides'),
  },
  {
    name: 'reports followed across rounds, a follow-up with a carried section (tests/fixtures/reports/rounds)',
    reportsDir: path.join(projectRoot, 'tests/fixtures/reports/rounds'),
    slidesDir: path.join(projectRoot, 'slides'),
  },
  {
    name: 'decks across reports (tests/fixtures/slides-cross: rounds with continues, a long-term problem, by issuer and by list)',
    reportsDir: () => combineReports(['rounds', 'grouped', 'minimal']),
    slidesDir: path.join(projectRoot, 'tests/fixtures/slides-cross'),
  },
  {
    name: 'a fixture with eight long inline measures, a 65-character title, a grid and a hand-written slide',
    reportsDir: path.join(projectRoot, 'tests/fixtures/reports/pptx-long'),
    slidesDir: path.join(projectRoot, 'tests/fixtures/slides-pptx'),
  },
];

const HAN = /\p{Script=Han}/u;

/** The words a planned slide must show, as they stand in one paragraph of the slide. */
function listExpectedTexts(slide: PlannedSlide): string[] {
  switch (slide.kind) {
    case 'issue':
      return [
        slide.heading,
        slide.kicker,
        ...slide.bullets.map((bullet) => `${bullet.ordinal ?? ''}${bullet.lead}`),
        ...(slide.leadIn ? [slide.leadIn.text] : []),
        ...slide.figures.map((figure) => `${figure.value}${figure.unit}`),
        ...slide.commitments.map((c) => c.quote),
      ];
    case 'title':
      return [slide.title, slide.issuer, slide.date.display, slide.kicker];
    case 'overview':
      return [slide.heading, slide.countedNote, ...slide.totals.flatMap((total) => [String(total.value), total.caption]), slide.completionRate];
    case 'timeline':
      return [slide.heading, ...slide.events.flatMap((event) => [event.date.display, event.label])];
    case 'organisation':
      return [slide.heading, ...slide.items.flatMap((item) => [item.ordinal, item.lead])];
    case 'group':
      // The brief form's table shows the problems as printed; the grid their short titles.
      return [
        slide.heading,
        String(slide.count),
        ...(slide.layout === 'opener' ? [slide.intro] : slide.cells.map((cell) => (slide.layout === 'table' ? cell.problem! : cell.shortTitle))),
      ];
    case 'plan':
      return [slide.heading, ...slide.points.map((point) => point.text)];
    case 'commitments':
      return [slide.heading, ...(slide.empty ? [slide.empty] : slide.items.flatMap((c) => [c.due.display, c.quote]))];
    case 'carried':
      return [slide.heading, ...slide.items.flatMap((item) => [item.previous.date.display, item.problem])];
    case 'closing':
      return [slide.heading, slide.signature, ...slide.contacts.map((c) => c.value)];
    case 'summary':
      return [
        slide.heading,
        ...slide.columns,
        ...[...slide.rows, ...(slide.total ? [slide.total] : [])].flatMap((row) => [row.label, String(row.problems), ...row.counts.map(String), row.rate]),
      ];
    case 'open':
      return [slide.heading, ...slide.items.flatMap((item) => [item.date.display, item.problem, item.context])];
    case 'mdx':
      return [];
  }
}

/** A copy of a .pptx with one typeface replaced by another in every part (slides, notes, theme). */
async function replaceTypeface(file: string, from: string, to: string, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) {
    const xml = await zip.file(name)!.async('string');
    zip.file(name, xml.replaceAll(`typeface="${from}"`, `typeface="${to}"`));
  }
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'rk-pptx-face-')), name);
  writeFileSync(out, await zip.generateAsync({ type: 'uint8array' }));
  return out;
}

/** The text boxes of a slide (its shapes with a text body), in points from the slide's top left. */
function listTextBoxes(xml: string): { left: number; top: number; right: number; bottom: number }[] {
  const EMU_PER_PT = 12_700;
  return [...xml.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/gu)]
    .filter((shape) => (shape[1] ?? '').includes('<p:txBody>'))
    .map((shape) => {
      const off = /<a:off x="(\d+)" y="(\d+)"\/>/u.exec(shape[1] ?? '');
      const ext = /<a:ext cx="(\d+)" cy="(\d+)"\/>/u.exec(shape[1] ?? '');
      const [x, y, w, h] = [off?.[1], off?.[2], ext?.[1], ext?.[2]].map((v) => Number(v) / EMU_PER_PT) as [number, number, number, number];
      return { left: x, top: y, right: x + w, bottom: y + h };
    });
}

/**
 * Checks LibreOffice's PDF of a .pptx against the plan: one page per planned slide,
 * each problem's printed title on its page, and every text item inside a text box of its slide (so no text ran off
 * its box), on the page and above the slide-number strip.
 */
async function checkRendering(pdfFile: string, plan: readonly PlannedSlide[], slides: readonly PptxSlideXml[], label: string): Promise<void> {
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(pdfFile)));
  expect(pdf.numPages, label).toBe(plan.length);
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page = await pdf.getPage(number);
    const { width, height } = page.getViewport({ scale: 1 });
    expect(width / height).toBeCloseTo(16 / 9, 2);
    // The content area ends SLIDE.padBottom px above the frame's bottom; only the slide number sits below it.
    const contentBottom = (SLIDE.padBottom / SLIDE.height) * height;
    const boxes = listTextBoxes(slides[number - 1]!.xml);
    const items = (await page.getTextContent()).items.filter((item) => 'str' in item && item.str.trim().length > 0) as {
      str: string;
      transform: number[];
      width: number;
      height: number;
    }[];
    expect(items.length, `${label} page ${number}`).toBeGreaterThan(0);
    for (const item of items) {
      const [, , , , x, y] = item.transform as [number, number, number, number, number, number];
      const where = `${label} page ${number} (${plan[number - 1]!.id}): “${item.str}” at ${x.toFixed(1)},${y.toFixed(1)}`;
      expect(x, where).toBeGreaterThanOrEqual(0);
      expect(x + item.width, where).toBeLessThanOrEqual(width + 0.5);
      expect(y, where).toBeGreaterThanOrEqual(0);
      expect(y + item.height, where).toBeLessThanOrEqual(height + 0.5);
      // The slide number, left of the content box; pdf.js may give its digits as separate items (1, 8 for 18).
      const isSlideNumber = String(number).includes(item.str.trim()) && x < (SLIDE.padX / SLIDE.width) * width;
      if (!isSlideNumber) expect(y, `${where} is in the slide-number strip`).toBeGreaterThanOrEqual(contentBottom - 1);
      // The baseline lies inside text boxes that cover the whole run (pdf.js joins side-by-side boxes on one line
      // into one item, so neighbours a gap apart count together); 1 pt of slack for rounding.
      const baseline = height - y;
      const spans = boxes
        .filter((box) => baseline >= box.top - 1 && baseline <= box.bottom + 1)
        .sort((a, b) => a.left - b.left)
        .reduce<{ left: number; right: number }[]>((merged, box) => {
          const last = merged.at(-1);
          if (last && box.left <= last.right + 12) last.right = Math.max(last.right, box.right);
          else merged.push({ left: box.left, right: box.right });
          return merged;
        }, []);
      const inBox = spans.some((span) => x >= span.left - 1 && x + item.width <= span.right + 1);
      expect(inBox, `${where} lies outside the text boxes of its slide`).toBe(true);
    }
    const planned = plan[number - 1]!;
    if (planned.kind === 'issue') {
      const text = stripWhitespace(items.map((item) => item.str).join(''));
      expect(text, `${label} page ${number}`).toContain(stripWhitespace(planned.heading));
      // Each 见备注 tag stands whole on one line as drawn (LibreOffice broke it as 见 / 备注 where a line ran short).
      const lines = new Map<number, string>();
      for (const item of items) {
        const y = Math.round(item.transform[5]!);
        lines.set(y, (lines.get(y) ?? '') + item.str);
      }
      const drawn = [...lines.values()].map(stripWhitespace).join('\n');
      const tags = planned.bullets.filter((bullet) => !bullet.complete).length + (planned.leadIn && !planned.leadIn.complete ? 1 : 0);
      expect(drawn.split(labels.deck.seeNotes).length - 1, `${label} page ${number} (${planned.id}): 见备注 tags drawn whole`).toBe(tags);
    }
  }
}

describe.each(decks)('PowerPoint export of $name', ({ reportsDir: source, slidesDir }) => {
  const exportDir = mkdtempSync(path.join(tmpdir(), 'rk-pptx-'));
  let reportsDir = '';
  let reports: ReportEntry[] = [];
  let issues: IssueEntry[] = [];
  const plans = new Map<string, PlannedSlide[]>();
  const files = new Map<string, { slides: PptxSlideXml[]; zipNames: string[]; theme: string }>();

  beforeAll(async () => {
    reportsDir = typeof source === 'string' ? source : source();
    const run = spawnSync(process.execPath, ['scripts/export-pptx.ts'], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, REPORTS_DIR: reportsDir, SLIDES_DIR: slidesDir, EXPORT_DIR: exportDir, BUILD_DATE },
    });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    ({ reports } = readReportsFromDisk(reportsDir));
    ({ issues } = readIssuesFromDisk(reportsDir));
    expect(reports.length).toBeGreaterThan(0);
    // Every deck the export writes: each report's full and brief forms, each deck across reports of slides/decks/.
    for (const report of reports) {
      const config = readDeckConfig(report.id, slidesDir);
      plans.set(report.id, listPlannedSlides(planDeck(report, issues, config, reports)));
      plans.set(`${report.id}-brief`, listPlannedSlides(planDeck(report, issues, config, reports, 'brief')));
    }
    for (const deck of listCrossDeckConfigs(slidesDir)) plans.set(`decks/${deck.name}`, listPlannedSlides(planCrossDeck(deck, reports, issues, BUILD_DATE)));
    for (const key of plans.keys()) {
      const read = await readPptx(path.join(exportDir, `${key}.pptx`));
      const theme = (await read.zip.file('ppt/theme/theme1.xml')?.async('string')) ?? '';
      files.set(key, { slides: read.slides, zipNames: Object.keys(read.zip.files).filter((name) => !name.endsWith('/')), theme });
    }
  });

  test('one .pptx per deck (each report’s full and brief forms, each deck across reports), with the plan’s slides in the plan’s order', () => {
    for (const key of plans.keys()) {
      const plan = plans.get(key)!;
      const { slides } = files.get(key)!;
      expect(existsSync(path.join(exportDir, `${key}.pptx`))).toBe(true);
      expect(slides).toHaveLength(plan.length);
      plan.forEach((planned, index) => {
        // The heading is the slide's title placeholder, so PowerPoint's outline and presenter view name the slide by it.
        const titles = [...slides[index]!.xml.matchAll(/<p:sp>((?:(?!<\/p:sp>)[\s\S])*?<p:ph type="title"\/>[\s\S]*?)<\/p:sp>/gu)];
        expect(titles, `${key} slide ${index + 1} (${planned.id}): title placeholders`).toHaveLength(1);
        const heading = 'heading' in planned ? planned.heading : planned.kind === 'title' ? planned.title : null;
        if (heading) expect(listParagraphTexts(titles[0]![1]!).join('')).toContain(heading);
        const texts = slides[index]!.paragraphs.map(stripWhitespace);
        for (const expected of listExpectedTexts(planned)) {
          expect(
            texts.some((text) => text.includes(stripWhitespace(expected))),
            `${key} slide ${index + 1} (${planned.id}) lacks “${expected}”`,
          ).toBe(true);
        }
      });
    }
  });

  test('groups the slides in PowerPoint sections as the report is organised, every slide in one, in order', async () => {
    for (const key of plans.keys()) {
      const plan = plans.get(key)!;
      const zip = await JSZip.loadAsync(readFileSync(path.join(exportDir, `${key}.pptx`)));
      const presentation = await zip.file('ppt/presentation.xml')!.async('string');
      const order = [...presentation.matchAll(/<p:sldId id="(\d+)"/gu)].map((m) => m[1]);
      const sections = [...presentation.matchAll(/<p14:section name="([^"]*)"[^>]*><p14:sldIdLst>((?:<p14:sldId id="\d+"\/>)*)/gu)].map((m) => ({
        name: m[1]!,
        ids: [...(m[2] ?? '').matchAll(/id="(\d+)"/gu)].map((id) => id[1]),
      }));
      expect(sections.flatMap((section) => section.ids)).toEqual(order);
      const expected = listSections(plan);
      expect(sections.flatMap((section) => section.ids.map(() => section.name))).toEqual(expected);
      // Every problem slide sits in its status group's section, named as the group's opener.
      plan.forEach((slide, index) => {
        if (slide.kind === 'group') expect(expected[index]).toBe(slide.heading.replace('（续）', ''));
      });
    }
  });

  test('the grid’s cells, the commitments and the carried problems link to their problems’ slides, as in the web deck', () => {
    for (const key of plans.keys()) {
      const plan = plans.get(key)!;
      const { slides } = files.get(key)!;
      const partOf = (id: string) => slides[plan.findIndex((slide) => slide.id === id)]?.part;
      plan.forEach((planned, index) => {
        const expected =
          planned.kind === 'group'
            ? planned.cells.map((c) => ({ text: c.shortTitle, target: c.target }))
            : planned.kind === 'commitments'
              ? planned.items.map((c) => ({ text: c.shortTitle, target: c.target }))
              : planned.kind === 'carried'
                ? planned.items.map((c) => ({ text: c.problem, target: c.target }))
                : [];
        expect(slides[index]!.links, planned.id).toEqual(expected.filter((e) => e.target).map((e) => ({ text: e.text, part: partOf(e.target) })));
      });
    }
  });

  test('every printed problem and every measure’s ordinal and lead phrase is on a slide of its problem', () => {
    for (const report of reports) {
      const plan = plans.get(report.id)!;
      const { slides } = files.get(report.id)!;
      for (const issue of issues.filter((entry) => entry.data.report === report.id)) {
        const own = plan.flatMap((slide, index) => (slide.kind === 'issue' && slide.issueId === issue.id ? [{ slide, xml: slides[index]! }] : []));
        expect(own.length, issue.id).toBeGreaterThan(0);
        const text = own.flatMap(({ xml }) => xml.paragraphs).join('\n');
        expect(text).toContain(own[0]!.slide.heading);
        const bullets = own.flatMap(({ slide }) => slide.bullets);
        for (const bullet of bullets) expect(text).toContain(`${bullet.ordinal ?? ''}${bullet.lead}`);
      }
      // The fixture's problem with eight inline measures shows all eight, 一是 to 八是, over its continuations.
      const ordinals = plan.flatMap((slide) => (slide.kind === 'issue' ? slide.bullets.map((b) => b.ordinal) : []));
      if (report.id === 'long-2024') expect(ordinals.filter((o) => o && /^[一二三四五六七八]是$/u.test(o)).length).toBeGreaterThanOrEqual(8);
    }
  });

  test('each slide’s speaker notes are on its notes page, line by line', () => {
    for (const key of plans.keys()) {
      const plan = plans.get(key)!;
      const { slides } = files.get(key)!;
      plan.forEach((planned, index) => {
        const notes = slides[index]!.notes;
        if (planned.notes) expect(notes, `${planned.id}`).toBe(planned.notes);
        else expect(notes.trim().length, `${planned.id}: notes`).toBeGreaterThan(0);
      });
    }
  });

  test('every Chinese run names an East Asian typeface; the theme does too; nothing is a picture', () => {
    for (const key of plans.keys()) {
      const { slides, zipNames, theme } = files.get(key)!;
      // Text staff type in later takes the theme's fonts: East Asian 微软雅黑 for both headings and body.
      expect(theme.match(new RegExp(`<a:ea typeface="${fonts.eastAsian}"/>`, 'gu'))).toHaveLength(2);
      let chinese = 0;
      for (const slide of slides) {
        for (const run of [...listRuns(slide.xml), ...listRuns(slide.notesXml)].filter((r) => HAN.test(r.text))) {
          chinese += 1;
          expect(run.props, `${slide.part}: “${run.text}”`).toContain(`<a:ea typeface="${fonts.eastAsian}"`);
          expect(run.props, `${slide.part}: “${run.text}”`).toContain('lang="zh-CN"');
        }
        expect(slide.xml).not.toContain('<p:pic');
      }
      expect(chinese).toBeGreaterThan(slides.length);
      expect(zipNames.filter((name) => name.startsWith('ppt/media/'))).toEqual([]);
    }
  });

  test('every XML part is well-formed and every paragraph has at most one <a:pPr>, first (PowerPoint repairs files otherwise)', async () => {
    for (const key of plans.keys()) {
      const zip = await JSZip.loadAsync(readFileSync(path.join(exportDir, `${key}.pptx`)));
      const parts = Object.keys(zip.files).filter((name) => /\.(xml|rels)$/u.test(name));
      expect(parts.length).toBeGreaterThan(files.get(key)!.slides.length * 2);
      for (const name of parts) {
        const xml = await zip.file(name)!.async('string');
        expect(XMLValidator.validate(xml), `${key}: ${name}`).toBe(true);
        for (const paragraph of xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/gu)) {
          const inner = paragraph[1] ?? '';
          const props = inner.match(/<a:pPr\b/gu) ?? [];
          expect(props.length <= 1 && (props.length === 0 || inner.startsWith('<a:pPr')), `${key}: ${name}: ${inner.slice(0, 120)}`).toBe(true);
        }
      }
    }
  });

  test('no text is set under 20 px of the 1280×720 frame (15 pt)', () => {
    for (const key of plans.keys()) {
      for (const slide of files.get(key)!.slides) {
        const sizes = [...slide.xml.matchAll(/<a:(?:rPr|defRPr|endParaRPr)\b[^>]*\bsz="(\d+)"/gu)].map((m) => Number(m[1]) / 100);
        expect(sizes.length).toBeGreaterThan(0);
        expect(Math.min(...sizes), slide.part).toBeGreaterThanOrEqual(15);
      }
    }
  });

  test('LibreOffice Impress prints one page per slide, every text inside its own text box and above the slide-number strip, in either typeface', async () => {
    // Every deck in one LibreOffice run: as exported (LibreOffice stands in its own faces for 微软雅黑), and with
    // the fallback face set throughout.
    const keys = [...plans.keys()];
    const exported = keys.map((key) => path.join(exportDir, `${key}.pptx`));
    const fallbacks = await Promise.all(
      exported.map((file, index) => replaceTypeface(file, fonts.eastAsian, fonts.fallback, `${keys[index]!.replace('/', '-')}-fallback.pptx`)),
    );
    const pdfs = convertWithLibreOffice([...exported, ...fallbacks]);
    for (const [index, pdf] of pdfs.entries()) {
      const key = keys[index % keys.length]!;
      await checkRendering(pdf, plans.get(key)!, files.get(key)!.slides, `${key} (${index < keys.length ? fonts.eastAsian : fonts.fallback})`);
    }
  }, 600_000);
});

describe('a file edited after export', () => {
  // The pptx-long fixture (report long-2024), by folder: the list of decks grows (rounds was appended after it).
  const fixture = decks.find((deck) => deck.reportsDir === path.join(projectRoot, 'tests/fixtures/reports/pptx-long'));
  const exportDir = mkdtempSync(path.join(tmpdir(), 'rk-pptx-edited-'));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['scripts/export-pptx.ts', ...args], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, REPORTS_DIR: String(fixture!.reportsDir), SLIDES_DIR: fixture!.slidesDir, EXPORT_DIR: exportDir },
    });

  test('is not replaced by a new export without --force; a file as exported is', () => {
    expect(run().status).toBe(0);
    const file = path.join(exportDir, 'long-2024.pptx');
    // A second export replaces an untouched file.
    expect(run().status).toBe(0);
    // Saved again by an office suite (LibreOffice here; PowerPoint and WPS likewise update its modified time).
    copyFileSync(convertWithLibreOffice([file], 'pptx')[0]!, file);
    const edited = readFileSync(file);
    const refused = run();
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('long-2024.pptx');
    expect(readFileSync(file).equals(edited)).toBe(true);
    expect(run('--force').status).toBe(0);
    expect(readFileSync(file).equals(edited)).toBe(false);
  });
});
