// Page chrome as copied from government pages: breadcrumbs with or without spaces around their arrows, bulleted
// 信息公开 lines. Each stands alone (never joined to the title or to each other) and is left out, its facts kept.
import { describe, expect, it } from 'vitest';
import { stripChrome } from '#src/import/chrome.ts';
import { joinParagraphs } from '#src/import/paragraphs.ts';

const header = [
  '云栖县人民政府>信息公开>巡察整改',
  '松岩县林业局 >> 通知公告',
  '• 信息索引号: 000000000/2025-00031',
  '• 发布机构: 云栖县林业局',
  '• 发文日期: 2025-03-02',
  '中共云栖县林业局党组关于县委巡察反馈意见整改情况的通报',
];

describe('page chrome', () => {
  const paragraphs = joinParagraphs(header.join('\n'));

  it('keeps every chrome line a paragraph of its own', () => {
    expect(paragraphs.map((paragraph) => paragraph.text.replace(/\s/gu, ''))).toEqual(header.map((line) => line.replace(/\s/gu, '')));
  });

  it('leaves out breadcrumbs and bulleted 信息公开 lines, and reads the source and date from them', () => {
    const { leftOut, header: facts } = stripChrome(paragraphs);
    const title = paragraphs.findIndex((paragraph) => paragraph.text.endsWith('通报'));
    expect([...leftOut.keys()].sort()).toEqual(paragraphs.map((_, index) => index).filter((index) => index !== title));
    expect(facts.source?.value).toBe('云栖县林业局');
    expect(facts.date?.value).toBe('2025-03-02');
    expect(facts.indexNumber).toBe('000000000/2025-00031');
  });

  it('does not take a sentence that mentions an arrow for a breadcrumb', () => {
    const sentence = joinParagraphs('一是将审批时限由10个工作日压缩至5个工作日，办理流程为受理>审核>办结。');
    expect(stripChrome(sentence).leftOut.size).toBe(0);
  });
});
