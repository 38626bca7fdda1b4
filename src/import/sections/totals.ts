// The totals a report states (…项…个问题, 共计N个问题已整改完成, 共计N个问题正在整改), checked against the problems found;
// a total it does not state is left out.
import { ImportError } from '#src/import/errors.ts';
import type { Paragraph, ParsedIssue, ParsedReport, ReportInput } from '#src/import/types.ts';
import type { IssueGroup } from './implementation.ts';

const DECLARES = {
  problems: /(\d+)项(\d+)个问题/u,
  completed: /共计(\d+)个问题已整改完成/u,
  ongoing: /共计(\d+)个问题正在整改/u,
} as const;

/**
 * Reads the declared totals: …项…个问题 from the text before section 二 (`opening`), each group's count from its intro.
 * Warns, naming the line, where one is not declared; throws where one is declared and disagrees with what was found.
 */
export function readDeclaredTotals(
  opening: { text: string; paragraphs: readonly Paragraph[] },
  groups: readonly IssueGroup[],
  issues: readonly ParsedIssue[],
  warnings: string[],
  fallbackLine: number | undefined,
): { declared: NonNullable<ReportInput['declared']>; lines: ParsedReport['declaredLines'] } {
  const group = (status: ParsedIssue['status']) => groups.find((candidate) => candidate.status === status);
  const count = (status: ParsedIssue['status']) => issues.filter((issue) => issue.status === status).length;
  // The line a total is printed on: the first paragraph that states it.
  const lineOf = (from: readonly Paragraph[], pattern: RegExp, fallback: number | undefined) => from.find((p) => pattern.test(p.text))?.line ?? fallback;
  const problems = DECLARES.problems.exec(opening.text);
  const completed = DECLARES.completed.exec(group('completed')?.intro ?? '');
  const ongoing = DECLARES.ongoing.exec(group('ongoing')?.intro ?? '');
  // A line only for a total the report states; undefined marks one it does not (the summary says so).
  const lines: ParsedReport['declaredLines'] = {
    problems: problems ? lineOf(opening.paragraphs, DECLARES.problems, fallbackLine) : undefined,
    completed: completed ? lineOf(group('completed')?.paragraphs ?? [], DECLARES.completed, group('completed')?.paragraphs[0]?.line) : undefined,
    ongoing: ongoing ? lineOf(group('ongoing')?.paragraphs ?? [], DECLARES.ongoing, group('ongoing')?.paragraphs[0]?.line) : undefined,
  };
  if (!problems) warnings.push(`line ${fallbackLine}: no declared totals (…项…个问题) found`);
  if (!completed && group('completed'))
    warnings.push(`line ${group('completed')?.paragraphs[0]?.line}: no declared count of completed problems (共计N个问题已整改完成)`);
  if (!ongoing && group('ongoing')) warnings.push(`line ${group('ongoing')?.paragraphs[0]?.line}: no declared count of ongoing problems (共计N个问题正在整改)`);
  const checks = [
    { what: 'completed problems (已整改完成)', declared: completed?.[1], found: count('completed'), line: lines.completed },
    { what: 'ongoing problems (正在整改)', declared: ongoing?.[1], found: count('ongoing'), line: lines.ongoing },
    { what: 'problems in all (个问题)', declared: problems?.[2], found: issues.length, line: lines.problems },
  ];
  for (const { what, declared, found, line } of checks) {
    if (declared !== undefined && Number(declared) !== found) {
      throw new ImportError(`声明数与解析数不符 the report declares ${declared} ${what} but ${found} were found`, line);
    }
  }
  // Only what the report states is written: a total it does not give is left out, never filled in from the count.
  const declared: NonNullable<ReportInput['declared']> = {};
  if (problems) Object.assign(declared, { items: Number(problems[1]), problems: Number(problems[2]) });
  if (completed) declared.completed = Number(completed[1]);
  if (ongoing) declared.ongoing = Number(ongoing[1]);
  return { declared, lines };
}
