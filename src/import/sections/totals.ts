// The totals a report states, in the wordings reports use (…项…个问题, N个方面N个突出问题, 细化为N个具体问题,
// 涉及整改问题N项, 巡察反馈N个问题，已完成整改N个、正在整改N个，整改完成率N%, …需长期坚持N个), checked against the
// problems found; decoys nearby (立行立改问题N个, 信访件N件, 整改措施N项, 制度N项) are not totals. A total the report
// does not state is left out.
import { ImportError } from '#src/import/errors.ts';
import type { DeclaredLines, Paragraph, ParsedIssue, ReportInput } from '#src/import/types.ts';
import { parseChineseNumeral } from '#src/lib/numerals.ts';
import type { IssueStatus } from '#src/schemas/issue.ts';

type Declared = NonNullable<ReportInput['declared']>;
type Key = 'problems' | 'completed' | 'ongoing' | 'longTerm';

// Each wording with the totals its groups give, in the order they are tried.
const WORDINGS: readonly { pattern: RegExp; keys: readonly ('items' | Key)[] }[] = [
  { pattern: /(\d+)\s*项\s*(\d+)\s*个(?:具体|突出)?问题/gu, keys: ['items', 'problems'] },
  { pattern: /(\d+)\s*个方面\s*(\d+)\s*个(?:具体|突出|主要)?问题/gu, keys: ['items', 'problems'] },
  { pattern: /(\d+)\s*个方面[^，。；]{0,16}?(?:细化|梳理|分解|归纳)为\s*(\d+)\s*个(?:具体)?问题/gu, keys: ['items', 'problems'] },
  { pattern: /(?:细化|梳理|分解|归纳)为\s*(\d+)\s*个(?:具体)?问题/gu, keys: ['problems'] },
  { pattern: /涉及整改问题\s*(\d+)\s*(?:项|个)/gu, keys: ['problems'] },
  { pattern: /反馈(?:的)?(?:意见|问题)?(?:中)?(?:共)?(?:计)?(?:指出|提出)?(?:问题)?\s*(\d+)\s*个(?!方面)(?:具体)?(?:问题)?/gu, keys: ['problems'] },
  { pattern: /共(?:计)?(?:指出|提出|反馈|发现)(?:问题)?\s*(\d+)\s*个(?!方面)(?:具体)?(?:问题)?/gu, keys: ['problems'] },
  { pattern: /(\d+)\s*个具体问题/gu, keys: ['problems'] },
  { pattern: /(\d+)\s*个问题中/gu, keys: ['problems'] },
  { pattern: /共计\s*(\d+)\s*个问题已(?:整改完成|完成整改|整改到位)/gu, keys: ['completed'] },
  { pattern: /已(?:完成整改|整改完成|整改到位|全部完成整改)\s*(\d+)\s*(?:个|项)/gu, keys: ['completed'] },
  { pattern: /整改完成\s*(\d+)\s*(?:个|项)/gu, keys: ['completed'] },
  { pattern: /完成整改\s*(\d+)\s*(?:个|项)/gu, keys: ['completed'] },
  { pattern: /(\d+)\s*(?:个|项)(?:问题)?已(?:完成整改|整改完成|整改到位)/gu, keys: ['completed'] },
  { pattern: /共计\s*(\d+)\s*个问题正在整改/gu, keys: ['ongoing'] },
  { pattern: /(?:正在整改|阶段性完成|基本完成|持续整改|正在推进)\s*(\d+)\s*(?:个|项)/gu, keys: ['ongoing'] },
  { pattern: /(\d+)\s*(?:个|项)(?:问题)?(?:正在整改|阶段性完成|基本完成|持续整改)/gu, keys: ['ongoing'] },
  { pattern: /(?:需长期坚持|长期坚持|长期整改|常态推进|需持续推进)\s*(\d+)\s*(?:个|项)/gu, keys: ['longTerm'] },
  { pattern: /(\d+)\s*(?:个|项)(?:问题)?(?:需长期坚持|需长期整改|常态推进)/gu, keys: ['longTerm'] },
];
// A count may be printed in figures or in Chinese numerals (三个方面十二个问题).
const COUNT = '(\\d+|[一二两三四五六七八九十]{1,3})';
const COUNTED = WORDINGS.map(({ pattern, keys }) => ({ pattern: new RegExp(pattern.source.replaceAll('(\\d+)', COUNT), 'gu'), keys }));

/** A count as printed: 12 or 十二. */
function readCount(text: string): number {
  return /^\d+$/u.test(text) ? Number(text) : parseChineseNumeral(text.replace(/两/gu, '二'));
}

const RATE = /(?:整改)?完成率(?:为|达|达到)?\s*(\d+(?:\.\d+)?\s*[%％])/u;
// Counts of something other than the report's problems, which stand beside totals in the same sentences.
const DECOY = /立行立改|信访|线索|整改措施|措施|制度|任务|责任人|台账|件/u;

/** A stated total: its value, the paragraph it stands in and the words that state it. */
interface Found {
  value: number;
  paragraph: Paragraph;
  words: string;
}

/** Whether a count at `index` of `text` counts something else: its clause, or the one it runs on from, names a decoy. */
function isDecoy(text: string, index: number, words: string): boolean {
  const sentenceStart = Math.max(text.lastIndexOf('。', index), text.lastIndexOf('；', index)) + 1;
  // What stands in brackets (其中立行立改问题3个) is an aside, not what the count counts.
  const before = text.slice(sentenceStart, index).replace(/[（(][^）)]*[）)]/gu, '');
  const clauses = before.split(/[，、,]/u);
  const own = `${clauses.at(-1) ?? ''}${words}`;
  if (DECOY.test(own.replace(/问题/gu, ''))) return true;
  // 立行立改问题5个，已完成整改5个: a count that opens its clause continues the one before it.
  if (/^(?:其中|已|均|全部|正在)/u.test(own) && clauses.length >= 2) return DECOY.test(clauses.at(-2) ?? '');
  return false;
}

/**
 * Reads the declared totals from `scope` (the preface, the organisation's intro, the problems' section intro and the
 * groups' intros, in that order; the first statement of each total wins). Throws ImportError naming the line where
 * one disagrees with the problems found; warns where none is stated.
 */
export function readDeclaredTotals(
  scope: readonly Paragraph[],
  issues: readonly ParsedIssue[],
  statusGroups: readonly { status: IssueStatus; paragraph: Paragraph | undefined }[],
  warnings: string[],
): { declared: Declared; lines: DeclaredLines } {
  const found: Partial<Record<'items' | Key, Found>> = {};
  for (const paragraph of scope) {
    for (const { pattern, keys } of COUNTED) {
      for (const match of paragraph.text.matchAll(pattern)) {
        if (isDecoy(paragraph.text, match.index, match[0])) continue;
        keys.forEach((key, position) => {
          if (found[key] === undefined) found[key] = { value: readCount(match[position + 1] ?? ''), paragraph, words: match[0] };
        });
      }
    }
  }
  const rateParagraph = scope.find((paragraph) => RATE.test(paragraph.text));
  const rate = rateParagraph ? RATE.exec(rateParagraph.text)?.[1]?.replace(/\s+/gu, '') : undefined;
  const count = (status: IssueStatus) => issues.filter((issue) => issue.status === status).length;
  const checks: { key: Key; what: string; found: number }[] = [
    { key: 'completed', what: 'completed problems (已整改完成)', found: count('completed') },
    { key: 'ongoing', what: 'ongoing problems (正在整改)', found: count('ongoing') },
    { key: 'longTerm', what: 'long-term problems (需长期坚持)', found: count('longTerm') },
    { key: 'problems', what: 'problems in all (个问题)', found: issues.length },
  ];
  for (const { key, what, found: parsed } of checks) {
    const stated = found[key];
    if (stated && stated.value !== parsed) {
      throw new ImportError(
        `声明数与解析数不符 the report declares ${stated.value} ${what} but ${parsed} were found (“${stated.words}”)`,
        stated.paragraph.line,
      );
    }
  }
  if (!found.problems) warnings.push(`line ${scope[0]?.line}: no declared totals (…项…个问题) found`);
  for (const group of statusGroups) {
    if (!found[group.status]) {
      const wording = { completed: '共计N个问题已整改完成', ongoing: '共计N个问题正在整改', longTerm: '需长期坚持N个' }[group.status];
      warnings.push(`line ${group.paragraph?.line}: no declared count of ${group.status} problems (${wording})`);
    }
  }
  // Only what the report states is written: a total it does not give is left out, never filled in from the count.
  const declared: Declared = {};
  for (const key of ['items', 'problems', 'completed', 'ongoing', 'longTerm'] as const) {
    const stated = found[key];
    if (stated) declared[key] = stated.value;
  }
  if (rate) declared.rate = rate.replace('％', '%');
  if (rate && found.problems && found.problems.value > 0) {
    const share = Math.round((count('completed') / found.problems.value) * 100);
    if (Math.abs(share - Number.parseFloat(rate)) > 1)
      warnings.push(`line ${rateParagraph?.line}: the stated rate ${rate} differs from ${count('completed')}/${found.problems.value} completed (${share}%)`);
  }
  return {
    declared,
    lines: {
      problems: found.problems?.paragraph.line,
      completed: found.completed?.paragraph.line,
      ongoing: found.ongoing?.paragraph.line,
      longTerm: found.longTerm?.paragraph.line,
      rate: rateParagraph?.line,
    },
  };
}
