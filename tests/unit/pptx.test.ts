// The PowerPoint renderer as data: slides match the deck plan, every text box fits the frame at 20 px or more,
// text boxes never overlap, and the package fixes pptxgenjs writes are in place.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readDeckConfig } from '#src/deck/config-file.ts';
import { readMdxSlideText } from '#src/deck/mdx-text.ts';
import { listPlannedSlideIds, planDeck } from '#src/deck/plan.ts';
import { composePptxDeck } from '#src/deck/pptx/compose.ts';
import { contentBox, frame, minFontPx } from '#src/deck/pptx/frame.ts';
import type { PptxDeck, TextBox } from '#src/deck/pptx/model.ts';
import { countRunLines, getTextEm } from '#src/deck/pptx/text-size.ts';
import { dedupeParagraphProps } from '#src/deck/pptx/write.ts';
import { readIssuesFromDisk, readReportsFromDisk } from '#src/loaders/disk.ts';
import { projectRoot } from '#tests/helpers/build.ts';

const collections = [
  { name: 'seed', reportsDir: path.join(projectRoot, 'content/reports'), slidesDir: path.join(projectRoot, 'slides') },
  { name: 'deck long fixture', reportsDir: path.join(projectRoot, 'tests/fixtures/reports/long'), slidesDir: path.join(projectRoot, 'slides') },
  {
    name: 'long fixture',
    reportsDir: path.join(projectRoot, 'tests/fixtures/reports/pptx-long'),
    slidesDir: path.join(projectRoot, 'tests/fixtures/slides-pptx'),
  },
];

function composeAll(reportsDir: string, slidesDir: string): { id: string; deck: PptxDeck; ids: string[] }[] {
  const { reports } = readReportsFromDisk(reportsDir);
  const { issues } = readIssuesFromDisk(reportsDir);
  return reports.map((report) => {
    const config = readDeckConfig(report.id, slidesDir);
    const mdx = new Map(config.sections.filter((s) => s.startsWith('mdx:')).map((s) => [s.slice(4), { title: s.slice(4), paragraphs: ['手写幻灯片正文'] }]));
    return { id: report.id, deck: composePptxDeck(report, issues, config, { mdx }), ids: listPlannedSlideIds(planDeck(report, issues, config)) };
  });
}

describe.each(collections)('PowerPoint slides of the $name', ({ reportsDir, slidesDir }) => {
  const decks = composeAll(reportsDir, slidesDir);

  test('are the plan’s slides, in its order', () => {
    expect(decks.length).toBeGreaterThan(0);
    for (const { deck, ids } of decks) expect(deck.slides.map((slide) => slide.id)).toEqual(ids);
  });

  test('keep every text box inside the content area, every shape inside the frame, and no type under 20 px', () => {
    for (const { deck } of decks) {
      for (const slide of deck.slides) {
        for (const item of slide.items) {
          const where = `${slide.id}: ${item.name}`;
          const area = item.type === 'text' ? contentBox : { left: 0, top: 0, right: frame.width, bottom: frame.height };
          expect(item.x, where).toBeGreaterThanOrEqual(area.left - 0.5);
          expect(item.y, where).toBeGreaterThanOrEqual(area.top - 0.5);
          expect(item.x + item.w, where).toBeLessThanOrEqual(area.right + 0.5);
          expect(item.y + item.h, where).toBeLessThanOrEqual(area.bottom + 0.5);
          if (item.type === 'text') {
            for (const p of item.paragraphs) for (const run of p.runs) expect(run.sizePx ?? p.sizePx, where).toBeGreaterThanOrEqual(minFontPx);
          }
        }
      }
    }
  });

  test('are set at the plan’s own type sizes: the fit rule of the web deck holds in PowerPoint’s measure too', () => {
    for (const { deck } of decks) expect(deck.slides.filter((slide) => slide.typeCutPx > 0).map((slide) => slide.id)).toEqual([]);
  });

  test('never overlap two text boxes', () => {
    for (const { deck } of decks) {
      for (const slide of deck.slides) {
        const boxes = slide.items.filter((item): item is TextBox => item.type === 'text');
        boxes.forEach((a, i) => {
          for (const b of boxes.slice(i + 1)) {
            const overlaps = a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;
            expect(overlaps, `${slide.id}: ${a.name} and ${b.name}`).toBe(false);
          }
        });
      }
    }
  });
});

describe('the closing slide with the archive’s public address', () => {
  test('draws its QR code as one native freeform shape and prints the address', () => {
    const { reports } = readReportsFromDisk(collections[0]!.reportsDir);
    const { issues } = readIssuesFromDisk(collections[0]!.reportsDir);
    const url = 'https://example.gov.cn/archive/reports/szkj-20220422/';
    const deck = composePptxDeck(reports[0]!, issues, undefined, { archiveUrl: url });
    const closing = deck.slides.find((slide) => slide.id === 'closing')!;
    const qr = closing.items.find((item) => item.type === 'path');
    expect(qr?.type === 'path' && qr.rects.length).toBeGreaterThan(50);
    expect(closing.items.some((item) => item.type === 'text' && item.paragraphs.some((p) => p.runs.some((run) => run.text === url)))).toBe(true);
    expect(
      composePptxDeck(reports[0]!, issues)
        .slides.find((slide) => slide.id === 'closing')!
        .items.some((item) => item.type === 'path'),
    ).toBe(false);
  });
});

describe('text measure', () => {
  test('counts Chinese at one em a character, keeping one em spare a line', () => {
    expect(getTextEm('整改')).toBe(2);
    // 20 characters at 20 px need 400 px plus the spare em: 420 px hold them on one line, 419 px do not.
    expect(countRunLines([{ text: '字'.repeat(20), sizePx: 20 }], 420)).toBe(1);
    expect(countRunLines([{ text: '字'.repeat(20), sizePx: 20 }], 419)).toBe(2);
  });

  test('keeps Latin words whole and adds LibreOffice’s spacing between Chinese and figures', () => {
    expect(getTextEm('2022年')).toBeGreaterThan(getTextEm('2022') + 1);
    const word = 'supervise@example.org';
    expect(countRunLines([{ text: `联系${word}`, sizePx: 20 }], (getTextEm(word) + 2) * 20)).toBe(2);
  });
});

describe('package fixes', () => {
  test('one <a:pPr> per paragraph, first, with hanging punctuation off', () => {
    const xml =
      '<a:p><a:pPr algn="l"><a:lnSpc/></a:pPr><a:r><a:t>一</a:t></a:r><a:pPr algn="l"/><a:r><a:t>二</a:t></a:r></a:p><a:p><a:pPr/><a:r><a:t>三</a:t></a:r></a:p>';
    expect(dedupeParagraphProps(xml)).toBe(
      '<a:p><a:pPr hangingPunct="0" algn="l"><a:lnSpc/></a:pPr><a:r><a:t>一</a:t></a:r><a:r><a:t>二</a:t></a:r></a:p><a:p><a:pPr hangingPunct="0"/><a:r><a:t>三</a:t></a:r></a:p>',
    );
  });
});

describe('hand-written MDX slides as text', () => {
  test('take the first heading as title and every block or list item as a paragraph, without markup', () => {
    const source = "---\nfoo: 1\n---\nimport X from './x.astro';\n\n# 会议议程\n\n请**逐项**对照[检查](#a)。\n\n- 第一项\n- <X>第二项</X>\n";
    expect(readMdxSlideText(source, 'welcome')).toEqual({ title: '会议议程', paragraphs: ['请逐项对照检查。', '第一项', '第二项'] });
  });

  test('fall back to the frontmatter title, then the file name', () => {
    expect(readMdxSlideText('---\ntitle: 议程\n---\n正文', 'x').title).toBe('议程');
    expect(readMdxSlideText('正文', 'welcome')).toEqual({ title: 'welcome', paragraphs: ['正文'] });
  });
});

describe('the PowerPoint overview of a report that states some or none of its totals', () => {
  const { reports } = readReportsFromDisk(path.join(projectRoot, 'content/reports'));
  const { issues } = readIssuesFromDisk(path.join(projectRoot, 'content/reports'));
  const seed = reports[0]!;
  const overviewOf = (declared: typeof seed.data.declared) => {
    const deck = composePptxDeck({ ...seed, data: { ...seed.data, declared } }, issues, readDeckConfig(seed.id, path.join(projectRoot, 'slides')), {
      mdx: new Map(),
    });
    const slide = deck.slides.find((candidate) => candidate.id === 'overview')!;
    const boxes = slide.items.filter((item): item is TextBox => item.type === 'text');
    const text = boxes.map((box) => box.paragraphs.map((p) => p.runs.map((run) => run.text).join('')).join('')).join('\n');
    return { slide, boxes, text };
  };

  test('shows only stated totals, captions counted figures 逐条统计, claims no agreement with totals never stated, and still fits', () => {
    const { items, problems } = seed.data.declared;
    for (const declared of [{}, { items, problems }]) {
      const { slide, boxes, text } = overviewOf(declared);
      expect(text).toContain('已整改完成（逐条统计）');
      expect(text).toContain('持续整改（逐条统计）');
      expect(text).not.toContain('与通报所列总数一致');
      expect(text.includes('反馈意见')).toBe(items !== undefined && 'items' in declared);
      expect(slide.typeCutPx).toBe(0);
      for (const box of boxes) {
        expect(box.y + box.h, box.name).toBeLessThanOrEqual(contentBox.bottom + 0.5);
        expect(box.x + box.w, box.name).toBeLessThanOrEqual(contentBox.right + 0.5);
      }
    }
    // The seed states all four: none is captioned as counted.
    expect(overviewOf(seed.data.declared).text).not.toContain('逐条统计');
  });
});
