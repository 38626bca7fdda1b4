// The PowerPoint deck as plain data: slides of positioned text boxes and shapes in frame px.
// Slide renderers build it, tests read it, and write.ts is the only module that knows pptxgenjs.
import { SPACE } from '#src/deck/tokens.ts';
import { countRunLines } from './text-size.ts';

/** A stretch of text with its own look inside a paragraph. */
export interface Run {
  text: string;
  /** Type size in frame px; the paragraph's size when absent. */
  sizePx?: number;
  bold?: boolean;
  /** Hex colour; the box's colour when absent. */
  color?: string;
  /** The id of a slide of the same deck this run jumps to when clicked (as the web deck's links do). */
  link?: string;
  /** The run starts a new line (a soft line break, <a:br/>, before it; not before a paragraph's first run). */
  softBreakBefore?: boolean;
}

/** One paragraph of a text box. */
export interface Paragraph {
  runs: Run[];
  /** Type size in frame px of the paragraph (its largest run sets the line pitch). */
  sizePx: number;
  /** A square bullet in the accent colour before the paragraph. */
  bullet?: boolean;
  /** Space before the paragraph, px (not before the first). */
  spaceBeforePx?: number;
}

/** A native text box. */
export interface TextBox {
  type: 'text';
  /** Object name shown in PowerPoint's selection pane, so staff find the parts of a slide. */
  name: string;
  x: number;
  y: number;
  w: number;
  h: number;
  paragraphs: Paragraph[];
  color: string;
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
  valign?: 'top' | 'middle' | 'bottom';
  fill?: string;
  /** Line pitch as a multiple of each paragraph's size; exact, so the height is the same in every typeface. */
  lineHeight: number;
}

/** A native shape: a filled or outlined rectangle, rounded rectangle, ellipse or line. */
export interface Shape {
  type: 'shape';
  name: string;
  shape: 'rect' | 'roundRect' | 'ellipse' | 'line';
  x: number;
  y: number;
  w: number;
  h: number;
  fill?: string;
  line?: { color: string; widthPx: number };
}

/** A native freeform shape: filled rectangles in one path (a QR code's dark modules), in px from the shape's corner. */
export interface PathShape {
  type: 'path';
  name: string;
  x: number;
  y: number;
  w: number;
  h: number;
  fill: string;
  rects: { x: number; y: number; w: number; h: number }[];
}

export type SlideItem = TextBox | Shape | PathShape;

/** One slide of the PowerPoint deck. */
export interface PptxSlide {
  /** The web deck's slide id (…/deck/#/<id>), kept as the PowerPoint slide's name in its notes' first line. */
  id: string;
  /** A one-line title for the outline (PowerPoint's slide title is its first text box). */
  title: string;
  items: SlideItem[];
  /** Speaker notes, plain text; paragraphs separated by blank lines. */
  notes: string;
  /** The PowerPoint section (节) the slide belongs to, e.g. 已整改完成的问题. */
  section?: string;
  /** How many px the type was set below the plan's sizes so the slide fits in PowerPoint's wider faces (0: none). */
  typeCutPx: number;
}

/** A deck: its metadata and slides in presenting order. */
export interface PptxDeck {
  title: string;
  author: string;
  subject: string;
  slides: PptxSlide[];
}

/** The height a paragraph list takes in a box `width` px wide at the given line pitch multiple. */
export function measureParagraphs(paragraphs: readonly Paragraph[], width: number, lineHeight: number, bulletIndentPx = 0): number {
  return paragraphs.reduce((height, paragraph, index) => {
    const runs = paragraph.runs.map((run) => ({ text: run.text, sizePx: run.sizePx ?? paragraph.sizePx, softBreakBefore: run.softBreakBefore ?? false }));
    const lines = countRunLines(runs, width - (paragraph.bullet ? bulletIndentPx : 0));
    return height + (index > 0 ? (paragraph.spaceBeforePx ?? 0) : 0) + lines * getLinePitch(paragraph, lineHeight);
  }, 0);
}

/** The exact line pitch of a paragraph in px: its largest run times the box's multiple. */
export function getLinePitch(paragraph: Paragraph, lineHeight: number): number {
  return Math.max(paragraph.sizePx, ...paragraph.runs.map((run) => run.sizePx ?? 0)) * lineHeight;
}

/** The indent of bulleted paragraphs, px: the bullet and a gap, the web deck's own (SPACE.bulletIndent). */
export const bulletIndentPx = SPACE.bulletIndent;

/** A text box at (x, y), `w` wide and exactly as tall as its text. */
export function fitTextBox(box: Omit<TextBox, 'type' | 'h'> & { minHeight?: number }): TextBox {
  const { minHeight = 0, ...rest } = box;
  const h = Math.max(minHeight, measureParagraphs(box.paragraphs, box.w, box.lineHeight, bulletIndentPx));
  return { type: 'text', ...rest, h };
}

/** A paragraph of one run. */
export function createParagraph(
  text: string,
  sizePx: number,
  extra: Partial<Omit<Paragraph, 'runs' | 'sizePx'>> & Omit<Run, 'text' | 'sizePx'> = {},
): Paragraph {
  const { bullet, spaceBeforePx, ...run } = extra;
  return {
    runs: [{ text, ...run }],
    sizePx,
    ...(bullet ? { bullet } : {}),
    ...(spaceBeforePx ? { spaceBeforePx } : {}),
  };
}
