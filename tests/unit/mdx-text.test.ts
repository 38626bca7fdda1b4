// MDX to text through the syntax tree: a nested list, a table and a JSX element in a problem's body reach the deck's
// notes, the page's measures and the PowerPoint as their words, or the folder fails validation naming the file.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMdxSlideText } from '#src/deck/mdx-text.ts';
import { listPlannedSlides, planDeck } from '#src/deck/plan.ts';
import { composePptxDeck } from '#src/deck/pptx/compose.ts';
import { MdxTextError, readTextBlocks } from '#src/lib/mdx-blocks.ts';
import { getBodyText, listMeasures } from '#src/lib/measures.ts';
import { readIssuesFromDisk, readReportsFromDisk, validateReportsFolder } from '#src/loaders/disk.ts';
import { deckConfigSchema } from '#src/schemas/deck.ts';
import { copyReports, editFile } from '#tests/helpers/fixtures.ts';

const ISSUE = 'demo-2023/issues/completed-01.mdx';

const NESTED_LIST = ['- 一是健全制度。', '  - 修订议事规则。', '    - 明确会议程序。', '- 二是加强监督。'].join('\n');
const TABLE = ['| 事项 | 完成时间 |', '| --- | --- |', '| 修订制度 | 2023年3月 |'].join('\n');

/** A copy of the minimal fixture whose first problem's body ends with `extra`. */
function withBody(extra: string): string {
  const dir = copyReports();
  editFile(dir, ISSUE, (text) => `${text.trimEnd()}\n\n${extra}\n`);
  return dir;
}

describe('a body read through its syntax tree', () => {
  it('gives each item of a nested list and each row of a table as a paragraph of words, markers and pipes gone', () => {
    const text = getBodyText(`前言。\n\n${NESTED_LIST}\n\n${TABLE}`);
    expect(text.split('\n\n')).toEqual([
      '前言。',
      '一是健全制度。',
      '修订议事规则。',
      '明确会议程序。',
      '二是加强监督。',
      '事项 完成时间',
      '修订制度 2023年3月',
    ]);
  });

  it('keeps the list items as measures, one per ordinal', () => {
    const measures = listMeasures(NESTED_LIST);
    expect(measures.map((measure) => measure.ordinal)).toEqual(['一是', '二是']);
    expect(measures[0]!.paragraph).toContain('明确会议程序。');
    expect(measures[0]!.paragraph).not.toMatch(/^\s*-/mu);
  });

  it('refuses a JSX element in a body, naming its line, and keeps a slide component’s words', () => {
    expect(() => readTextBlocks('正文。\n\n<Note>提示</Note>\n', 'refuse')).toThrow(MdxTextError);
    expect(() => readTextBlocks('正文。\n\n<Note>提示</Note>\n', 'refuse')).toThrow(/^line 3: JSX element <Note>/u);
    expect(readMdxSlideText('# 议程\n\nimport X from "./x.ts";\n\n<Note>请**逐项**对照。</Note>\n\n{/* 备注 */}\n', 'x')).toEqual({
      title: '议程',
      paragraphs: ['请逐项对照。'],
    });
  });
});

describe('a body with a nested list and a table', () => {
  const dir = withBody(`${NESTED_LIST}\n\n${TABLE}`);
  const { reports } = readReportsFromDisk(dir);
  const { issues } = readIssuesFromDisk(dir);
  const report = reports[0]!;
  const config = deckConfigSchema.parse({});

  it('passes validation', () => expect(validateReportsFolder(dir)).toEqual([]));

  it('reaches the deck’s notes (web, PDF) and the PowerPoint’s notes as text', () => {
    const webNotes = listPlannedSlides(planDeck(report, issues, config))
      .map((slide) => slide.notes)
      .join('\n');
    const pptxNotes = composePptxDeck(report, issues, config, { mdx: new Map() })
      .slides.map((slide) => slide.notes)
      .join('\n');
    for (const notes of [webNotes, pptxNotes]) {
      for (const words of ['明确会议程序。', '修订制度 2023年3月']) expect(notes).toContain(words);
      expect(notes).not.toMatch(/\|\s*---|^\s*-\s/mu);
    }
  });
});

describe('a body with a JSX element', () => {
  it('fails validation naming the file and its body', () => {
    const dir = withBody('<Note>提示</Note>');
    const errors = validateReportsFolder(dir);
    expect(errors.some((error) => error.startsWith(`${path.join(dir, ISSUE)}: body: `))).toBe(true);
  });
});
