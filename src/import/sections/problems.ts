// The problems' section as the report prints it: its groups (方面, categories, units, themes, status groups) and
// its problems, each with its printed ordinal, number and title, its quoted finding, the label before its measures,
// its status and the words that state it, and its measures one paragraph each, verbatim.
import { ImportError } from '#src/import/errors.ts';
import { formatOrdinalLike, MEASURE_START, MEASURES_LABEL } from '#src/import/patterns.ts';
import { proposeShortTitle } from '#src/import/suggest.ts';
import { listDescendants, type TreeNode } from '#src/import/tree.ts';
import type { Paragraph, ParsedIssue, ReportInput } from '#src/import/types.ts';
import type { IssueStatus } from '#src/schemas/issue.ts';
import { getHead, type Layout, namesProblemText } from './layout.ts';
import { findClosingPhrase, readGroupStatus, readStatusLine } from './status.ts';

type GroupInput = NonNullable<ReportInput['groups']>[number];

/** A group as read: its entry for report.yaml, its node and the paragraphs of its intro. */
export interface ReadGroup {
  entry: GroupInput;
  node: TreeNode;
  /** The intro's paragraphs with their lines, for the totals it may state. */
  introParagraphs: Paragraph[];
  /** The paragraph indices of its heading (and of a heading's text after its first 。, in the intro). */
  index: number;
}

/** Records where a paragraph of the source went. */
export type Place = (index: number, field: string, issue?: string) => void;

const pad = (value: number) => String(value).padStart(2, '0');

/** A heading's words and what follows its first 。 in the same paragraph (a heading that runs on into text). */
function splitHeading(rest: string): { heading: string; tail: string } {
  const head = getHead(rest);
  const tail = rest.slice(head.length).trim();
  return tail.length > 0 ? { heading: head, tail } : { heading: rest, tail: '' };
}

/** The title of a problem and any text after it in the same paragraph. */
function splitTitle(rest: string): { title: string; tail: string } {
  const head = getHead(rest);
  const tail = rest.slice(head.length).trim();
  if (tail.length === 0) return { title: rest, tail: '' };
  // A title that runs on: 1．关于…问题。针对该问题，… / 1.部分党员…不到位。整改状态：完成。
  if (namesProblemText(head) || readStatusLine(tail) || MEASURES_LABEL.test(tail) || MEASURE_START.test(tail) || rest.length > 80) return { title: head, tail };
  return { title: rest, tail: '' };
}

/** The quoted finding of a title: 关于“X”问题的整改 → X, 关于“X”的问题 → X. */
export function readFinding(title: string): string | undefined {
  // Only a quote that is the whole problem: 关于“四风”问题反弹回潮… quotes a term, not the finding.
  return /^关于“([^“”]+)”(?:的)?问题(?:的整改(?:落实)?(?:情况)?)?[。.]?$/u.exec(title)?.[1];
}

/** Reads the groups of the problems' section: keys by position, headings and intros as printed, stated statuses. */
export function readGroups(layout: Layout, paragraphs: readonly Paragraph[], place: Place): Map<TreeNode, ReadGroup> {
  const groups = new Map<TreeNode, ReadGroup>();
  const groupSet = new Set(layout.groups);
  const walk = (nodes: readonly TreeNode[], prefix: string) => {
    let position = 0;
    for (const node of nodes) {
      if (!groupSet.has(node)) continue;
      position += 1;
      const key = prefix ? `${prefix}.${position}` : String(position);
      const { heading, tail } = splitHeading(node.rest);
      const introParagraphs = node.intro.map((index) => paragraphs[index]).filter((p) => p !== undefined);
      const intro = [...(tail ? [tail] : []), ...introParagraphs.map((p) => p.text)];
      const entry: GroupInput = { key, ordinal: node.ordinal, heading, intro };
      const status = readGroupStatus(heading);
      if (status) entry.status = status;
      place(node.index, `groups ${key}`);
      for (const index of node.intro) place(index, `groups ${key}.intro`);
      groups.set(node, { entry, node, introParagraphs: [...(tail ? [{ text: tail, line: node.line }] : []), ...introParagraphs], index: node.index });
      walk(node.children, key);
    }
  };
  walk(layout.top, '');
  return groups;
}

/** Whether the report is laid out as the seed is: its only groups are status groups, directly over the problems. */
export function isStatusLayout(layout: Layout, groups: Map<TreeNode, ReadGroup>): boolean {
  if (groups.size === 0) return false;
  const statuses = [...groups.values()].map((group) => group.entry.status);
  return (
    [...groups.values()].every((group) => group.entry.status !== undefined && !group.entry.key.includes('.')) &&
    new Set(statuses).size === statuses.length &&
    layout.problems.every((problem) => problem.parent !== undefined && groups.has(problem.parent))
  );
}

/** The nearest group over a node. */
function findGroup(node: TreeNode, groups: Map<TreeNode, ReadGroup>): ReadGroup | undefined {
  for (let at = node.parent; at; at = at.parent) {
    const group = groups.get(at);
    if (group) return group;
  }
  return undefined;
}

/** The status a group over the node states, with the group. */
function findStatedGroup(node: TreeNode, groups: Map<TreeNode, ReadGroup>): ReadGroup | undefined {
  for (let at = node.parent; at; at = at.parent) {
    const group = groups.get(at);
    if (group?.entry.status) return group;
  }
  return undefined;
}

/** Checks the numbering of the problems under each parent: 1, 2, 3 …, or on from the previous group's last number. */
function checkNumbering(problems: readonly TreeNode[]): void {
  let previous: TreeNode | undefined;
  for (const problem of problems) {
    const sameParent = previous !== undefined && previous.parent === problem.parent && previous.rank === problem.rank;
    const expected = sameParent ? [(previous?.number ?? 0) + 1] : [1, ...(previous && previous.rank === problem.rank ? [previous.number + 1] : [])];
    if (!expected.includes(problem.number)) {
      throw new ImportError(
        `problem numbering jumps: expected ${formatOrdinalLike(problem.ordinal, expected[0] ?? 1)}, found ${problem.ordinal}`,
        problem.line,
      );
    }
    previous = problem;
  }
}

/** Checks a group's stated count, （3项） in its heading, against the problems found under it. */
function checkGroupCounts(layout: Layout, groups: Map<TreeNode, ReadGroup>): void {
  for (const group of groups.values()) {
    const stated = /[（(](\d+)\s*(?:项|个)(?:问题)?[）)]$/u.exec(group.entry.heading)?.[1];
    if (stated === undefined) continue;
    const found = layout.problems.filter((problem) => listDescendants(group.node).includes(problem)).length;
    if (Number(stated) !== found) {
      throw new ImportError(`声明数与解析数不符 the group heading states ${stated} problems but ${found} were found under it`, group.node.line);
    }
  }
}

interface BodyParts {
  paragraphs: string[];
  /** For each body paragraph, the source paragraphs it holds. */
  sources: number[][];
  measuresLabel: string | undefined;
  statusLine: { words: string; status: IssueStatus; index: number } | undefined;
}

/** Reads a problem's body from its paragraphs: a 整改状态 line and a 整改情况： label come out, the rest is its measures. */
function readBody(items: readonly { text: string; index: number }[]): BodyParts {
  const parts: BodyParts = { paragraphs: [], sources: [], measuresLabel: undefined, statusLine: undefined };
  for (const item of items) {
    let text = item.text;
    const line = readStatusLine(text);
    if (line && !parts.statusLine) {
      parts.statusLine = { words: line.words, status: line.status, index: item.index };
      text = line.rest;
      if (!text) continue;
    }
    const label = MEASURES_LABEL.exec(text);
    // The label before the measures (整改情况：); one met later stays in the body as printed.
    if (label && !parts.measuresLabel && parts.paragraphs.length === 0) {
      parts.measuresLabel = label[0].trim();
      text = text.slice(label[0].length).trim();
      if (!text) continue;
    }
    // As the seed's reader does: where measures open with 一是, a paragraph that opens none continues the one before.
    const last = parts.paragraphs.length - 1;
    if (last >= 0 && MEASURE_START.test(parts.paragraphs[0] ?? '') && !MEASURE_START.test(text)) {
      parts.paragraphs[last] = `${parts.paragraphs[last]}${text}`;
      parts.sources[last]?.push(item.index);
    } else {
      parts.paragraphs.push(text);
      parts.sources.push([item.index]);
    }
  }
  return parts;
}

/** What reading the problems needs beyond the layout. */
export interface ProblemsContext {
  paragraphs: readonly Paragraph[];
  layout: Layout;
  groups: Map<TreeNode, ReadGroup>;
  statusLayout: boolean;
  /** Paragraph indices taken out of the problems (an unheaded plan after the last one). */
  excluded: ReadonlySet<number>;
  defaultStatus: IssueStatus | undefined;
  place: Place;
  warnings: string[];
}

/** The status of a problem not yet settled, for the refusal that names them all. */
interface Unstated {
  line: number;
  name: string;
}

/** Reads every problem. Throws ImportError where a status is stated nowhere (and no --status is given) or where sources disagree. */
export function readProblems(context: ProblemsContext): ParsedIssue[] {
  const { paragraphs, layout, groups, statusLayout, excluded, place } = context;
  checkNumbering(layout.problems);
  checkGroupCounts(layout, groups);
  const issues: ParsedIssue[] = [];
  const unstated: Unstated[] = [];
  // Where each problem's paragraphs went, recorded once the problems have their file names.
  const placed: { index: number; field: string }[][] = [];
  for (const node of layout.problems) {
    const { title, tail } = splitTitle(node.rest);
    const items = [
      ...(tail ? [{ text: tail, index: node.index }] : []),
      ...[...node.intro, ...node.children.flatMap((child) => [child.index, ...listSubtreeIndices(child)])]
        .filter((index) => !excluded.has(index))
        .map((index) => ({ text: paragraphs[index]?.text ?? '', index })),
    ];
    const body = readBody(items);
    if (body.paragraphs.length === 0) throw new ImportError(`problem ${node.ordinal} has no text`, node.line);
    const group = findGroup(node, groups);
    const stated = findStatedGroup(node, groups);
    const issue: ParsedIssue = {
      slug: '',
      status: 'completed',
      statusFrom: 'heading',
      statusLine: node.line,
      ordinal: node.ordinal,
      number: node.number,
      title,
      shortTitle: proposeShortTitle(title),
      paragraphs: body.paragraphs,
      suggestedCommitments: [],
      line: node.line,
    };
    if (group && !statusLayout) issue.group = group.entry.key;
    const finding = readFinding(title);
    if (finding) issue.finding = finding;
    if (body.measuresLabel) issue.measuresLabel = body.measuresLabel;
    const name = `${node.ordinal}${title}`;
    if (stated?.entry.status) {
      issue.status = stated.entry.status;
      issue.statusLine = stated.node.line;
      if (body.statusLine && body.statusLine.status !== stated.entry.status) {
        throw new ImportError(
          `状态不一致 problem ${name}: its line “${body.statusLine.words}” says ${body.statusLine.status} but its group heading (line ${stated.node.line}) says ${stated.entry.status}`,
          paragraphs[body.statusLine.index]?.line,
        );
      }
    } else if (body.statusLine) {
      Object.assign(issue, {
        status: body.statusLine.status,
        statusFrom: 'line',
        statusWords: body.statusLine.words,
        statusLine: paragraphs[body.statusLine.index]?.line,
      });
    } else {
      const suffix = /[（(]((?:已|正在|持续|阶段性|基本|需?长期|常态)[^（()）]{0,10})[）)][。.]?$/u.exec(title);
      const phrase = findClosingPhrase(body.paragraphs);
      if (phrase) {
        const source = body.sources[phrase.paragraph]?.at(-1) ?? node.index;
        Object.assign(issue, { status: phrase.status, statusFrom: 'phrase', statusWords: phrase.words, statusLine: paragraphs[source]?.line ?? node.line });
      } else if (suffix?.[1] && readGroupStatus(`${suffix[1]}的问题`)) {
        Object.assign(issue, { status: readGroupStatus(`${suffix[1]}的问题`), statusFrom: 'heading', statusWords: suffix[0].replace(/[。.]$/u, '') });
      } else if (context.defaultStatus) {
        Object.assign(issue, { status: context.defaultStatus, statusFrom: 'editor' });
      } else {
        unstated.push({ line: node.line, name });
      }
    }
    issues.push(issue);
    const where: { index: number; field: string }[] = [{ index: node.index, field: 'title' }];
    for (const sources of body.sources) for (const index of sources) where.push({ index, field: 'body' });
    if (body.statusLine) where.push({ index: body.statusLine.index, field: 'statusWords' });
    for (const item of items) if (!where.some((entry) => entry.index === item.index)) where.push({ index: item.index, field: 'measuresLabel' });
    placed.push(where);
  }
  if (unstated.length > 0) {
    const [first] = unstated;
    const others =
      unstated.length > 1
        ? `（另有 ${unstated.length - 1} 个 and ${unstated.length - 1} more: ${unstated
            .slice(1, 6)
            .map((entry) => `line ${entry.line}`)
            .join(', ')}${unstated.length > 6 ? ', …' : ''}）`
        : '';
    throw new ImportError(
      `未写明整改状态 problem ${first?.name} states no status (no status group heading, no 整改状态： line, no closing phrase such as 目前，该问题已整改完成)${others}; pass --status completed|ongoing|longTerm to set the status of problems the report does not state`,
      first?.line,
    );
  }
  assignSlugs(issues, layout, groups, statusLayout, context.warnings);
  issues.forEach((issue, position) => {
    for (const { index, field } of placed[position] ?? []) place(index, field, issue.slug);
  });
  return issues;
}

/** Paragraph indices under a node (its intro and its children's), not its own. */
function listSubtreeIndices(node: TreeNode): number[] {
  return [...node.intro, ...node.children.flatMap((child) => [child.index, ...listSubtreeIndices(child)])];
}

/**
 * Names each problem's file (its URL): completed-01 … where the report groups its problems by status (the seed's
 * URLs), else the printed numbers of its groups and its own, zero-padded: 02-01-03; a flat list 01, 02.
 */
function assignSlugs(issues: ParsedIssue[], layout: Layout, groups: Map<TreeNode, ReadGroup>, statusLayout: boolean, warnings: string[]): void {
  const path = (node: TreeNode, useKeys: boolean): string => {
    const parts: string[] = [];
    for (let at = node.parent; at; at = at.parent) {
      const group = groups.get(at);
      if (group) parts.unshift(useKeys ? pad(Number(group.entry.key.split('.').at(-1))) : pad(at.number));
    }
    return [...parts, pad(node.number)].join('-');
  };
  const name = (useKeys: boolean) =>
    issues.map((issue, position) => {
      const node = layout.problems[position];
      // Slugs are lower case: longTerm-01 would not do (the schema's ISSUE_SLUG_PATTERN).
      if (statusLayout) return `${issue.status === 'longTerm' ? 'long-term' : issue.status}-${pad(issue.number)}`;
      return node ? path(node, useKeys) : pad(position + 1);
    });
  let slugs = name(false);
  if (new Set(slugs).size !== slugs.length) {
    // Printed numbers that repeat (two groups both （一）): the groups' positions keep the names apart.
    slugs = name(true);
    warnings.push(`line ${layout.problems[0]?.line}: printed group numbers repeat; problem files are named by the groups' positions instead`);
  }
  if (new Set(slugs).size !== slugs.length) {
    const twin = slugs.find((slug, index) => slugs.indexOf(slug) !== index);
    const at = issues[slugs.lastIndexOf(twin ?? '')];
    throw new ImportError(`problem ${at?.ordinal}${at?.title}: its number repeats one before it in the same group`, at?.line);
  }
  issues.forEach((issue, index) => {
    issue.slug = slugs[index] ?? '';
  });
}
