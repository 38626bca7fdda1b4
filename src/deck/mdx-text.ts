// A hand-written MDX slide (slides/<report-id>/<file>.mdx) as plain text, for exports that cannot run
// components (PowerPoint): the first heading is the title, every other block (paragraph, list item, table row) a
// paragraph. Read through the MDX syntax tree (src/lib/mdx-blocks.ts): components keep their children's text,
// imports, exports and expressions have none.
import { parse } from 'yaml';
import { joinBlockLines, readTextBlocks } from '#src/lib/mdx-blocks.ts';
import { splitFrontmatter } from '#src/loaders/disk.ts';

/** The text of an MDX slide: its title and paragraphs in order. */
export interface MdxSlideText {
  title: string;
  paragraphs: string[];
}

/** Reads an MDX slide's source into its title and paragraphs; `fallbackTitle` when it has neither heading nor frontmatter title. */
export function readMdxSlideText(source: string, fallbackTitle: string): MdxSlideText {
  const parts = splitFrontmatter(source);
  const meta = parts ? ((parse(parts.frontmatter) as { title?: unknown } | null) ?? {}) : {};
  const body = parts ? parts.body : source.replace(/^\ufeff/u, '');
  let title = typeof meta.title === 'string' ? meta.title : '';
  const paragraphs: string[] = [];
  for (const block of readTextBlocks(body, 'keep-text')) {
    const text = joinBlockLines(block.text);
    if (!text) continue;
    if (block.kind === 'heading' && !title) title = text;
    else paragraphs.push(text);
  }
  return { title: title || fallbackTitle, paragraphs };
}
