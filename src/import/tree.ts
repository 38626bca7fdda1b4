// The numbering of a report read into a tree: each numbered paragraph (一、 （一） 1. （1） ①, either punctuation
// width) is a node under the nearest one before it of a higher level; unnumbered paragraphs belong to the node
// they follow. What a node is (organisation, a group, a problem, a measure) is decided later, from where it sits.
import { type Marker, readMarker } from './patterns.ts';
import type { Paragraph } from './types.ts';

/** A numbered paragraph and what stands under it. */
export interface TreeNode extends Marker {
  /** Index of its paragraph in the paragraphs the tree was built from. */
  index: number;
  line: number;
  /** Its whole paragraph, as printed. */
  text: string;
  /** Unnumbered paragraphs right under it, before its first child (indices); the ones after a child are the child's. */
  intro: number[];
  /** Its numbered children, each with what follows it. */
  children: TreeNode[];
  parent: TreeNode | undefined;
}

/** A node's own paragraphs and its descendants' in printed order (indices). */
export function listSubtree(node: TreeNode): number[] {
  return [node.index, ...node.intro, ...node.children.flatMap(listSubtree)];
}

/** Every node under `node` (not itself), in printed order. */
export function listDescendants(node: TreeNode): TreeNode[] {
  return node.children.flatMap((child) => [child, ...listDescendants(child)]);
}

/**
 * Builds the tree of the paragraphs at `indices` (in order). Returns the roots and the unnumbered paragraphs before the first
 * numbered one. A node's parent is the nearest node before it of a higher level (a smaller rank), so a report may
 * start at any level (（一） with no 一、 above it) and skip one.
 */
export function buildTree(paragraphs: readonly Paragraph[], indices: readonly number[]): { roots: TreeNode[]; before: number[] } {
  const roots: TreeNode[] = [];
  const before: number[] = [];
  const open: TreeNode[] = [];
  let last: TreeNode | undefined;
  for (const index of indices) {
    const paragraph = paragraphs[index];
    if (!paragraph) continue;
    const marker = readMarker(paragraph.text);
    if (!marker) {
      // The node last opened has no children yet: an unnumbered paragraph is always its own.
      (last ? last.intro : before).push(index);
      continue;
    }
    while (open.length > 0 && (open.at(-1)?.rank ?? 0) >= marker.rank) open.pop();
    const parent = open.at(-1);
    const node: TreeNode = { ...marker, index, line: paragraph.line, text: paragraph.text, intro: [], children: [], parent };
    (parent ? parent.children : roots).push(node);
    open.push(node);
    last = node;
  }
  return { roots, before };
}
