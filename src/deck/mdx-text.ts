// A hand-written MDX slide (slides/<report-id>/<file>.mdx) as plain text, for exports that cannot run
// components (PowerPoint): the first heading is the title, every other block a paragraph, markup removed.
import { parse } from 'yaml';
import { unescapeMdx } from '#src/lib/text.ts';
import { splitFrontmatter } from '#src/loaders/disk.ts';

/** The text of an MDX slide: its title and paragraphs in order. */
export interface MdxSlideText {
  title: string;
  paragraphs: string[];
}

/** Removes inline Markdown and JSX markup from one block, keeping the words. */
function stripInline(text: string): string {
  return unescapeMdx(
    text
      .replace(/<[^>]*>/gu, '') // JSX and HTML tags; their children stay
      .replace(/\{\/\*[\s\S]*?\*\/\}/gu, '') // MDX comments
      .replace(/!\[([^\]]*)\]\([^)]*\)/gu, '$1')
      .replace(/\[([^\]]*)\]\([^)]*\)/gu, '$1')
      .replace(/(\*\*|__|\*|_|`)(?=\S)([^*_`]*?\S)\1/gu, '$2'),
  )
    .replace(/\s*\n\s*/gu, '')
    .trim();
}

/** Reads an MDX slide's source into its title and paragraphs; `fallbackTitle` when it has neither heading nor frontmatter title. */
export function readMdxSlideText(source: string, fallbackTitle: string): MdxSlideText {
  const parts = splitFrontmatter(source);
  const meta = parts ? ((parse(parts.frontmatter) as { title?: unknown } | null) ?? {}) : {};
  const body = parts ? parts.body : source.replace(/^\ufeff/u, '');
  let title = typeof meta.title === 'string' ? meta.title : '';
  const paragraphs: string[] = [];
  const blocks = body
    .split('\n')
    .filter((line) => !/^\s*(import|export)\s/u.test(line))
    .join('\n')
    .split(/\n\s*\n/u);
  for (const block of blocks) {
    for (const line of block.split(/\n(?=\s*(?:[-*+]|\d+\.|#{1,6})\s)/u)) {
      const heading = /^\s*#{1,6}\s+(.*)$/su.exec(line);
      const text = stripInline((heading ? heading[1]! : line).replace(/^\s*(?:[-*+]|\d+\.)\s+/u, ''));
      if (!text) continue;
      if (heading && !title) title = text;
      else paragraphs.push(text);
    }
  }
  return { title: title || fallbackTitle, paragraphs };
}
