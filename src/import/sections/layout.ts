// Which numbered block of a report is what: organisation, the problems' section, a group, a problem, the plan. It is
// decided from where a block sits, not from its marker: the problems are the blocks that name a problem and hold no
// other block that does (or the level an editor names with --problems-at); their ancestors within the problems'
// section are its groups; the sections before it are the organisation, the ones after it the plan and contacts.
import { ImportError } from '#src/import/errors.ts';
import { MEASURES_LABEL, type Rank, readRank } from '#src/import/patterns.ts';
import { listDescendants, type TreeNode } from '#src/import/tree.ts';
import type { Paragraph } from '#src/import/types.ts';
import { readGroupStatus, readStatusLine } from './status.ts';

/** The report's numbered blocks by what they are. */
export interface Layout {
  /** Sections before the problems' section: the organisation (一、整改工作组织情况, or several （一）… parts). */
  organisation: TreeNode[];
  /** The heading over all the problems (二、整改落实情况), where the report prints one. */
  wrapper: TreeNode | undefined;
  /** The top blocks of the problems' section: groups or problems (the wrapper's children, or roots). */
  top: TreeNode[];
  /** The problems, in printed order. */
  problems: TreeNode[];
  /** Every group (an ancestor of a problem below the wrapper), in printed order. */
  groups: TreeNode[];
  /** Sections after the problems' section: plan, then contacts or anything else. */
  after: TreeNode[];
  /** One-line notes where the structure has another reading, each naming its line and the flag to choose it. */
  notes: string[];
}

/** The text up to and including the first 。 (the whole text where it has none). */
export function getHead(text: string): string {
  const cut = text.indexOf('。');
  return cut >= 0 ? text.slice(0, cut + 1) : text;
}

/** A heading over a plan section: 下一步工作打算, 今后工作计划, 努力方向. */
export const PLAN_HEADING = /下一步|下步|今后|打算|工作计划|整改计划|努力方向/u;
/** A heading over contacts: 监督方式, 联系方式. */
export const CONTACT_HEADING = /监督(?:方式|渠道|电话)|联系方式|举报方式/u;
/** A heading of a theme, category or unit rather than of a section: 在“…”方面, 关于“…”的问题, 反馈问题：…, …（3项）. */
const THEME_HEADING = /方面|^关于|“|^反馈问题\s*[:：]|^问题类别|[（(]\d+\s*(?:项|个)(?:问题)?[）)]$/u;

/** Whether the words of a heading name a problem: 关于…问题(的整改), …问题的整改, a finding followed by its status. */
export function namesProblemText(text: string): boolean {
  const head = getHead(text).replace(/[。.：:]$/u, '');
  if (readGroupStatus(head)) return false;
  if (/^反馈问题\s*[:：]/u.test(head)) return false;
  if (/^关于/u.test(head) && (/问题/u.test(head) || /(?:整改|方面)$/u.test(head))) return true;
  return /问题(?:的)?(?:整改(?:落实)?(?:情况)?)?[”」]?$/u.test(head) && head.length <= 80;
}

/** Whether a paragraph opens what a problem prints under its title: a 整改状态 line or a 整改情况： label. */
function opensProblemBody(text: string | undefined): boolean {
  return text !== undefined && (readStatusLine(text) !== undefined || MEASURES_LABEL.test(text));
}

/** Whether a node names a problem by its words or by what follows its title. */
function namesProblem(node: TreeNode, paragraphs: readonly Paragraph[]): boolean {
  if (readGroupStatus(node.rest)) return false;
  const tail = node.rest.slice(getHead(node.rest).length).trim();
  if (opensProblemBody(tail || paragraphs[node.intro[0] ?? -1]?.text)) return true;
  // 关于…问题 names a problem wherever it stands; a bare …问题 only as a heading of its own (2.带头领办重点问题。党组书记… is a measure).
  return /^关于/u.test(node.rest) ? namesProblemText(node.rest) : tail.length === 0 && namesProblemText(node.rest);
}

/** Whether a node's numbered children are its measures: they follow a 整改情况： label or a 整改状态 line. */
export function childrenAreMeasures(node: TreeNode, paragraphs: readonly Paragraph[]): boolean {
  return node.intro.some((index) => opensProblemBody(paragraphs[index]?.text)) || opensProblemBody(node.rest.slice(getHead(node.rest).length).trim());
}

/** Whether anything under `node` names a problem (numbered measures under a label do not count). */
function holdsProblems(node: TreeNode, paragraphs: readonly Paragraph[]): boolean {
  if (childrenAreMeasures(node, paragraphs)) return false;
  return node.children.some((child) => namesProblem(child, paragraphs) || holdsProblems(child, paragraphs));
}

/** The problems under `nodes` as the report's words name them: the deepest blocks that name a problem. */
function findProblems(nodes: readonly TreeNode[], paragraphs: readonly Paragraph[]): TreeNode[] {
  const found: TreeNode[] = [];
  const visit = (siblings: readonly TreeNode[], parent: TreeNode | undefined) => {
    const leaves = siblings.filter((node) => namesProblem(node, paragraphs) && !holdsProblems(node, paragraphs));
    // Siblings of a problem at its level are problems too (a bare finding beside a 关于… title), unless they hold
    // problems (then they are groups), head a plan, or the parent is a status group's sibling list of sections.
    const ranks = new Set(leaves.map((node) => node.rank));
    for (const node of siblings) {
      const leaf = leaves.includes(node);
      const sibling = !leaf && ranks.has(node.rank) && !holdsProblems(node, paragraphs) && !PLAN_HEADING.test(node.rest) && !CONTACT_HEADING.test(node.rest);
      // Under a category heading (反馈问题：…) every numbered child is a problem, named or not.
      const category = parent !== undefined && /^反馈问题\s*[:：]/u.test(parent.rest) && !holdsProblems(node, paragraphs) && node.children.length === 0;
      if (leaf || sibling || category) found.push(node);
      else if (!childrenAreMeasures(node, paragraphs)) visit(node.children, node);
    }
  };
  visit(nodes, undefined);
  return found;
}

/** Whether `node` is `ancestor` or lies under it. */
function within(node: TreeNode, ancestor: TreeNode): boolean {
  for (let at: TreeNode | undefined = node; at; at = at.parent) if (at === ancestor) return true;
  return false;
}

/**
 * Reads the layout of the report's numbered blocks. `problemsAt` (an ordinal such as （1）) names the level that holds
 * the problems where the report's words leave two readings. Throws ImportError where no block names a problem.
 */
export function readLayout(roots: readonly TreeNode[], paragraphs: readonly Paragraph[], problemsAt: string | undefined): Layout {
  const notes: string[] = [];
  const candidates = roots.filter((root) => !(PLAN_HEADING.test(root.rest) && !holdsProblems(root, paragraphs)) && !CONTACT_HEADING.test(root.rest));
  let problems = findProblems(candidates, paragraphs);
  const containing = (root: TreeNode) => problems.some((problem) => within(problem, root));
  let first = roots.findIndex(containing);
  let last = roots.findLastIndex(containing);

  if (problemsAt !== undefined) {
    const rank: Rank | undefined = readRank(problemsAt);
    if (rank === undefined) throw new ImportError(`--problems-at "${problemsAt}": expected an ordinal such as 一、 （一） 1. （1）`);
    // Within the section the problems were found in, or anywhere outside a plan where none was found.
    const scope = first >= 0 ? roots.slice(first, last + 1) : candidates;
    const atRank = scope.flatMap((root) => [root, ...listDescendants(root)]).filter((node) => node.rank === rank);
    // A block at that level under another one at that level is a measure of it.
    problems = atRank.filter((node) => !atRank.some((other) => other !== node && within(node, other)));
    if (problems.length === 0)
      throw new ImportError(`--problems-at "${problemsAt}": no block of the problems' section is numbered at that level`, scope[0]?.line);
    first = roots.findIndex(containing);
    last = roots.findLastIndex(containing);
  }
  if (problems.length === 0) {
    const status = roots.flatMap((root) => [root, ...listDescendants(root)]).find((node) => readGroupStatus(node.rest));
    if (status) {
      const what = { completed: '已整改完成', ongoing: '持续整改', longTerm: '需长期坚持' }[readGroupStatus(status.rest) ?? 'completed'];
      throw new ImportError(`the ${what} group has no numbered problems (N．关于…的整改)`, status.line);
    }
    throw new ImportError(
      '没有找到问题 no numbered block names a problem (关于…问题的整改, …问题, a finding followed by 整改状态： or 整改情况：); pass --problems-at with the ordinal of the level that holds them, e.g. --problems-at "1."',
      roots[0]?.line ?? paragraphs[0]?.line,
    );
  }
  const sections = roots.slice(first, last + 1);
  // One section over all the problems is the problems' section (二、整改落实情况) unless it is a theme of its own.
  const only = sections.length === 1 ? sections[0] : undefined;
  const wrapper = only && !problems.includes(only) && !THEME_HEADING.test(only.rest) && !readGroupStatus(only.rest) ? only : undefined;
  const top = wrapper ? wrapper.children : sections;
  const groups: TreeNode[] = [];
  const problemSet = new Set(problems);
  const lastProblem = problems.at(-1);
  // A top block after the last problem that heads a plan or contacts (（四）下一步工作打算 under 二、) closes the section.
  const closing = top.filter(
    (node) =>
      lastProblem !== undefined &&
      node.index > lastProblem.index &&
      !within(lastProblem, node) &&
      (PLAN_HEADING.test(node.rest) || CONTACT_HEADING.test(node.rest)),
  );
  for (const node of top.filter((root) => !closing.includes(root)).flatMap((root) => [root, ...listDescendants(root)])) {
    // Every other block of the section that is no problem and lies in none is a group (one with no problems keeps its text).
    if (!problemSet.has(node) && !problems.some((problem) => within(node, problem))) groups.push(node);
  }
  // Another reading: the problems' parents name problems too (1．关于“…”问题的整改 over （1）关于“…”).
  if (problemsAt === undefined) {
    const parents = [
      ...new Set(problems.map((problem) => problem.parent).filter((parent): parent is TreeNode => parent !== undefined && groups.includes(parent))),
    ];
    const named = parents.filter((parent) => /^关于/u.test(parent.rest) && !/方面/u.test(parent.rest) && namesProblemText(parent.rest));
    if (named.length > 0 && named[0]) {
      notes.push(
        `line ${problems[0]?.line}: 问题按“${problems[0]?.ordinal}”一级读取（${problems.length}个）；其上一级“${named[0].ordinal}”（line ${named[0].line}）也像问题标题 problems read at ${problems[0]?.ordinal}; the ${named[0].ordinal} headings above them also name problems: pass --problems-at "${named[0].ordinal}" to read those as the problems`,
      );
    }
    const titled = problems.find(
      (problem) =>
        !childrenAreMeasures(problem, paragraphs) &&
        problem.children.length >= 2 &&
        problem.children.every((child) => child.rest.length <= 40 && !getHead(child.rest).slice(0, -1).includes('。') && child.intro.length > 0),
    );
    if (titled?.children[0]) {
      notes.push(
        `line ${titled.children[0].line}: “${titled.children[0].ordinal}”各条读作问题${titled.ordinal}的整改措施；若它们才是问题 the ${titled.children[0].ordinal} items under problem ${titled.ordinal} were read as its measures: pass --problems-at "${titled.children[0].ordinal}" to read them as problems`,
      );
    }
  }
  return {
    organisation: roots.slice(0, first),
    wrapper,
    top: top.filter((node) => !closing.includes(node)),
    problems,
    groups,
    after: [...closing, ...roots.slice(last + 1)],
    notes,
  };
}
