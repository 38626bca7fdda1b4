// The outcome figures leaders ask about, as the preface states them: 党纪政务处分/组织处理/诫勉/批评教育/提醒谈话 N人
// (zeros included), 建立完善制度N项, 追缴/清退/收回资金N.NNNN万元, 挽回经济损失N万元, 民主生活会N次. Each is kept with
// the clause that states it, verbatim, which holds its figure and unit.
import type { Paragraph, ReportInput } from '#src/import/types.ts';

type Outcome = NonNullable<ReportInput['outcomes']>[number];

const PEOPLE = '党纪政务处分|党纪处分|政务处分|组织处理|诫勉谈话|诫勉|批评教育|提醒谈话|谈话提醒|函询|通报批评|问责|立案审查调查|立案';
const FIGURES: readonly { pattern: RegExp; label: (match: RegExpExecArray) => string; value: number; unit: number }[] = [
  { pattern: new RegExp(`(${PEOPLE})\\s*(\\d+)\\s*(人次|人|名)`, 'gu'), label: (m) => m[1] ?? '', value: 2, unit: 3 },
  { pattern: new RegExp(`(?:给予|对)\\s*(\\d+)\\s*(人次|人|名)(?:干部)?(?:进行|给予|予以)?(${PEOPLE})`, 'gu'), label: (m) => m[3] ?? '', value: 1, unit: 2 },
  {
    pattern: /((?:新建|建立|健全|完善|修订|修改|制定|出台|废止)+(?:各项|相关|各类)?(?:规章)?制度(?:机制)?)\s*(\d+)\s*(项|个|件|条)/gu,
    label: (m) => m[1] ?? '',
    value: 2,
    unit: 3,
  },
  {
    pattern:
      /((?:追缴|清退|收回|退还|返还|追回|收缴|挽回)(?:违规|违纪|违法|不合理)?(?:发放)?(?:经济损失|资金|款项|税款|损失|补贴|费用)?)\s*(\d+(?:\.\d+)?)\s*(亿元|万元|元)/gu,
    label: (m) => m[1] ?? '',
    value: 2,
    unit: 3,
  },
  { pattern: /((?:专题)?民主生活会|(?:专题)?组织生活会)\s*(\d+)\s*(次|场)/gu, label: (m) => m[1] ?? '', value: 2, unit: 3 },
  { pattern: /召开\s*(\d+)\s*(次|场)((?:专题)?民主生活会|(?:专题)?组织生活会)/gu, label: (m) => m[3] ?? '', value: 1, unit: 2 },
];

/** The clause around a match (between the punctuation before and after it), verbatim. */
function quoteClause(text: string, index: number, length: number): string {
  const before = text.slice(0, index);
  const start = Math.max(...['，', '；', '。', '、', '：', ',', ';'].map((mark) => before.lastIndexOf(mark))) + 1;
  const after = text.slice(index + length);
  const stop = after.search(/[，；。、,;]/u);
  return text.slice(start, index + length + (stop >= 0 ? stop : after.length)).trim();
}

/** Reads the outcome figures of `paragraphs` (the preface), in printed order. */
export function readOutcomes(paragraphs: readonly Paragraph[]): Outcome[] {
  const found: (Outcome & { at: number; paragraph: number })[] = [];
  paragraphs.forEach((paragraph, position) => {
    for (const { pattern, label, value, unit } of FIGURES) {
      for (const match of paragraph.text.matchAll(pattern)) {
        found.push({
          label: label(match),
          value: match[value] ?? '',
          unit: match[unit] ?? '',
          quote: quoteClause(paragraph.text, match.index, match[0].length),
          at: match.index,
          paragraph: position,
        });
      }
    }
  });
  return found
    .sort((a, b) => a.paragraph - b.paragraph || a.at - b.at)
    .filter((outcome, index, all) => all.findIndex((other) => other.quote === outcome.quote && other.label === outcome.label) === index)
    .map(({ label, value, unit, quote }) => ({ label, value, unit, quote }));
}
