// Section 二、 (整改落实情况): the （一）completed and （二）ongoing groups, each an intro and numbered problems.

import { ImportError } from '#src/import/errors.ts';
import { MEASURE_START, PROBLEM, SECTION, SUBSECTION } from '#src/import/patterns.ts';
import { proposeShortTitle } from '#src/import/suggest.ts';
import type { Paragraph, ParsedIssue } from '#src/import/types.ts';
import { labels } from '#src/lib/labels.ts';

type Status = ParsedIssue['status'];

/** One status group as printed: its heading and intro, and the problems it numbers. */
export interface IssueGroup {
  status: Status;
  /** The heading without its ordinal. */
  heading: string;
  /** The paragraphs before the first problem, joined. */
  intro: string;
  /** The paragraphs of the group, its heading first, for finding what it declares. */
  paragraphs: Paragraph[];
  issues: ParsedIssue[];
}

/** Section 二: its heading, the paragraphs before its first group, and its groups. */
export interface Implementation {
  heading: string;
  intro: Paragraph[];
  groups: IssueGroup[];
}

const groupName: Record<Status, string> = labels.status;

/** Reads one group: numbered problems, each followed by its measure paragraphs. */
function readGroup(status: Status, paragraphs: readonly Paragraph[]): IssueGroup {
  const [heading, ...body] = paragraphs;
  const firstProblem = body.findIndex((p) => PROBLEM.test(p.text));
  if (firstProblem < 0) throw new ImportError(`the ${groupName[status]} group has no numbered problems (N．关于…的整改)`, heading?.line);
  const issues: ParsedIssue[] = [];
  let expected = 1;
  for (const paragraph of body.slice(firstProblem)) {
    const match = PROBLEM.exec(paragraph.text);
    if (match) {
      const number = Number(match[1]);
      if (number !== expected) throw new ImportError(`problem numbering jumps: expected ${expected}．, found ${number}．`, paragraph.line);
      expected += 1;
      const title = (match[2] ?? '').trim();
      issues.push({ status, number, title, shortTitle: proposeShortTitle(title), paragraphs: [], suggestedCommitments: [], line: paragraph.line });
      continue;
    }
    // A paragraph that opens no measure continues the measure before it: one paragraph per measure.
    const issue = issues.at(-1);
    const last = issue?.paragraphs.length ?? 0;
    if (issue && last > 0 && MEASURE_START.test(issue.paragraphs[0] ?? '') && !MEASURE_START.test(paragraph.text)) {
      issue.paragraphs[last - 1] = `${issue.paragraphs[last - 1]}${paragraph.text}`;
    } else {
      issue?.paragraphs.push(paragraph.text);
    }
  }
  for (const issue of issues) if (issue.paragraphs.length === 0) throw new ImportError(`problem ${issue.number}． has no text`, issue.line);
  return {
    status,
    heading: heading?.text.replace(SUBSECTION, '$2') ?? '',
    intro: body
      .slice(0, firstProblem)
      .map((p) => p.text)
      .join(''),
    paragraphs: [...paragraphs],
    issues,
  };
}

/** Reads section 二、 from its heading paragraph and the paragraphs up to section 三、. */
export function readImplementation(heading: Paragraph, body: readonly Paragraph[]): Implementation {
  const starts = body.map((p, i) => (SUBSECTION.test(p.text) ? i : -1)).filter((i) => i >= 0);
  const completed = starts.find((i) => /完成/u.test(body[i]?.text ?? ''));
  const ongoing = starts.find((i) => /持续|正在/u.test(body[i]?.text ?? ''));
  // A report whose problems were all completed prints no ongoing group (and the reverse may happen): one is enough.
  if (completed === undefined && ongoing === undefined) {
    throw new ImportError(
      `section ${heading.text.slice(0, heading.text.indexOf('、') + 1)} has no （一）已整改完成的问题 or （二）持续整改的问题 group`,
      heading.line,
    );
  }
  const bounds = [
    ...(completed === undefined ? [] : [{ status: 'completed' as const, from: completed }]),
    ...(ongoing === undefined ? [] : [{ status: 'ongoing' as const, from: ongoing }]),
  ].sort((a, b) => a.from - b.from);
  const groups = bounds.map(({ status, from }, index) => readGroup(status, body.slice(from, bounds[index + 1]?.from ?? body.length)));
  // The entries keep the report's status order (completed first) whatever order the groups were printed in.
  groups.sort((a, b) => (a.status === b.status ? 0 : a.status === 'completed' ? -1 : 1));
  return { heading: heading.text.replace(SECTION, '$2'), intro: body.slice(0, bounds[0]?.from ?? 0), groups };
}
