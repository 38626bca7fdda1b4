// MDX to plain text through its syntax tree (mdast), for every place the kit needs the words of an MDX file without
// running it: problem bodies (measures, notes, PDF, PowerPoint, search, ledger) and hand-written slides (PowerPoint).
// The parser is MDX's own (micromark's mdxjs and GFM table extensions, as @mdx-js and Astro read the files), so a
// list, a table or a JSX element is read as what it is, never guessed at by patterns.
import type { Nodes, Parent, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { gfmTable } from 'micromark-extension-gfm-table';
import { mdxjs } from 'micromark-extension-mdxjs';

/** One block of text: a heading, a paragraph, a list item or a table row, with the source line it starts on (1-based). */
export interface TextBlock {
  kind: 'heading' | 'paragraph';
  /** The text; soft line breaks stay as \n so callers can map offsets back to source lines. */
  text: string;
  line: number;
}

/** What to do with JSX elements: keep their children's text (slides, whose components the web deck runs), or refuse them (problem bodies, which are prose). */
export type JsxHandling = 'keep-text' | 'refuse';

/** Markup an MDX text has no plain-text form for; `line` is 1-based in the parsed source. */
export class MdxTextError extends Error {
  readonly line: number;
  readonly reason: string;
  constructor(line: number, reason: string) {
    super(`line ${line}: ${reason}`);
    this.name = 'MdxTextError';
    this.line = line;
    this.reason = reason;
  }
}

const lineOf = (node: Nodes): number => node.position?.start.line ?? 1;

/** Parses MDX source (no frontmatter) into its syntax tree; a syntax error becomes an MdxTextError naming its line. */
function parseMdx(source: string): Root {
  try {
    return fromMarkdown(source, { extensions: [mdxjs(), gfmTable()], mdastExtensions: [mdxFromMarkdown(), gfmTableFromMarkdown()] });
  } catch (error) {
    const place = (error as { line?: number }).line;
    throw new MdxTextError(place ?? 1, `not valid MDX: ${(error as Error).message}`);
  }
}

/** The text of phrasing content: words kept, markup dropped, line breaks as \n. */
function collectInline(node: Nodes, jsx: JsxHandling): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'break':
      return '\n';
    case 'image':
      return node.alt ?? '';
    case 'mdxJsxTextElement':
      if (jsx === 'refuse') throw new MdxTextError(lineOf(node), `JSX element <${node.name ?? ''}> in a problem's body: write it as text`);
      return node.children.map((child) => collectInline(child, jsx)).join('');
    case 'mdxTextExpression':
      // {/* comments */} and expressions have no words a reader sees.
      if (jsx === 'refuse' && !/^\s*\/\*[\s\S]*\*\/\s*$/u.test(node.value))
        throw new MdxTextError(lineOf(node), `expression {${node.value}} in a problem's body: write it as text`);
      return '';
    default:
      return 'children' in node ? (node as Parent).children.map((child) => collectInline(child, jsx)).join('') : '';
  }
}

/** Appends the text blocks of one block node, in reading order. */
function collectBlocks(node: RootContent, jsx: JsxHandling, out: TextBlock[]): void {
  switch (node.type) {
    case 'heading':
    case 'paragraph': {
      const text = collectInline(node, jsx);
      if (text.trim()) out.push({ kind: node.type, text, line: lineOf(node) });
      return;
    }
    case 'code':
      if (node.value.trim()) out.push({ kind: 'paragraph', text: node.value, line: lineOf(node) + 1 });
      return;
    case 'list':
      node.children.forEach((item, index) => {
        const marker = node.ordered ? `${(node.start ?? 1) + index}. ` : '';
        const start = out.length;
        for (const child of item.children) collectBlocks(child, jsx, out);
        // An ordered item keeps its printed number; nested lists follow as blocks of their own.
        const first = out[start];
        if (marker && first) first.text = `${marker}${first.text}`;
      });
      return;
    case 'table':
      // One block per row, its cells separated by a space: the words of the table in reading order.
      for (const row of node.children) {
        const text = row.children
          .map((cell) => collectInline(cell, jsx).trim())
          .filter((cell) => cell.length > 0)
          .join(' ');
        if (text) out.push({ kind: 'paragraph', text, line: lineOf(row) });
      }
      return;
    case 'blockquote':
      for (const child of node.children) collectBlocks(child, jsx, out);
      return;
    case 'mdxJsxFlowElement':
      if (jsx === 'refuse') throw new MdxTextError(lineOf(node), `JSX element <${node.name ?? ''}> in a problem's body: write it as text`);
      for (const child of node.children) collectBlocks(child, jsx, out);
      return;
    case 'mdxFlowExpression':
      if (jsx === 'refuse' && !/^\s*\/\*[\s\S]*\*\/\s*$/u.test(node.value))
        throw new MdxTextError(lineOf(node), `expression {${node.value}} in a problem's body: write it as text`);
      return;
    case 'mdxjsEsm':
      if (jsx === 'refuse') throw new MdxTextError(lineOf(node), "import or export in a problem's body: bodies are prose");
      return;
    default:
      // Thematic breaks, definitions and the like carry no words.
      return;
  }
}

/** The text blocks of MDX source (frontmatter removed), in reading order; throws MdxTextError for what has no text form. */
export function readTextBlocks(source: string, jsx: JsxHandling): TextBlock[] {
  const out: TextBlock[] = [];
  for (const node of parseMdx(source).children) collectBlocks(node, jsx, out);
  return out;
}

/** A block's text on one line: its source lines trimmed and joined without a separator, as Chinese prose is set. */
export function joinBlockLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .join('')
    .trim();
}

/** Blocks of each problem body already read: pages, deck, exports and checks all ask for the same bodies. */
const bodyBlocks = new Map<string, TextBlock[]>();

/** The text blocks of a problem's body (prose: a JSX element, expression or import is an MdxTextError). */
export function readBodyBlocks(body: string): TextBlock[] {
  let blocks = bodyBlocks.get(body);
  if (!blocks) {
    blocks = readTextBlocks(body, 'refuse');
    bodyBlocks.set(body, blocks);
  }
  return blocks;
}

/** Splits an MDX body into its paragraphs as a reader sees them (escapes undone, markup gone), each on one line. */
export function splitParagraphs(body: string): string[] {
  return readBodyBlocks(body)
    .map((block) => joinBlockLines(block.text))
    .filter((paragraph) => paragraph.length > 0);
}
