// Shared slide parts (heading, bullets, panels) and the fit rule: a slide is built at the largest type
// step whose content ends above the content area's bottom; when none fits, the export stops with the slide's id.
import { colors, contentBox, frame, minFontPx } from './frame.ts';
import { fitTextBox, type Paragraph, paragraph, type Run, type SlideItem, type TextBox } from './model.ts';

/** Type sizes in frame px for one step of the fit; step 0 is the web deck's own size. */
export interface TypeScale {
  heading: number;
  body: number;
  small: number;
}

/** The steps tried in order, largest first; the last is the floor (nothing under 20 px). */
export const typeSteps: readonly TypeScale[] = [
  { heading: 44, body: 28, small: 24 },
  { heading: 40, body: 26, small: 22 },
  { heading: 36, body: 24, small: 22 },
  { heading: 36, body: 22, small: 20 },
  { heading: 32, body: 20, small: 20 },
];

/** Line pitch multiple of body text. */
export const bodyLineHeight = 1.4;

/** The slide heading with the accent rule under it; returns the items and the y where content starts. */
export function placeHeading(
  text: string | Run[],
  sizePx: number,
  y: number = contentBox.top,
  options: { kicker?: string; kickerSize?: number } = {},
): { items: SlideItem[]; bottom: number } {
  const items: SlideItem[] = [];
  let top = y;
  if (options.kicker) {
    const kicker = fitTextBox({
      name: '标签',
      x: contentBox.left,
      y: top,
      w: contentBox.right - contentBox.left,
      paragraphs: [paragraph(options.kicker, options.kickerSize ?? minFontPx + 2)],
      color: colors.muted,
      lineHeight: 1.3,
    });
    items.push(kicker);
    top += kicker.h + 4;
  }
  const heading = fitTextBox({
    name: '标题',
    x: contentBox.left,
    y: top,
    w: contentBox.right - contentBox.left,
    paragraphs: [typeof text === 'string' ? paragraph(text, sizePx) : { runs: text, sizePx }],
    color: colors.ink,
    bold: true,
    lineHeight: 1.3,
  });
  items.push(heading);
  const ruleY = heading.y + heading.h + 10;
  items.push({ type: 'shape', name: '标题线', shape: 'rect', x: contentBox.left, y: ruleY, w: contentBox.right - contentBox.left, h: 4, fill: colors.accent });
  return { items, bottom: ruleY + 4 + 20 };
}

/** A bulleted list in one text box. */
export function placeBullets(name: string, paragraphs: Paragraph[], y: number, options: { x?: number; w?: number; lineHeight?: number } = {}): TextBox {
  const x = options.x ?? contentBox.left;
  return fitTextBox({
    name,
    x,
    y,
    w: options.w ?? contentBox.right - x,
    paragraphs: paragraphs.map((p) => ({ ...p, bullet: true })),
    color: colors.ink,
    lineHeight: options.lineHeight ?? bodyLineHeight,
  });
}

/** The lowest edge of a slide's items. */
export function getBottom(items: readonly SlideItem[]): number {
  return Math.max(0, ...items.map((item) => item.y + item.h));
}

/** Whether every text box lies inside the content area and every shape inside the frame. */
export function fitsContent(items: readonly SlideItem[]): boolean {
  const slack = 0.5;
  return items.every((item) =>
    item.type === 'text'
      ? item.x >= contentBox.left - slack &&
        item.y >= contentBox.top - slack &&
        item.x + item.w <= contentBox.right + slack &&
        item.y + item.h <= contentBox.bottom + slack
      : item.x >= 0 && item.y >= 0 && item.x + item.w <= frame.width && item.y + item.h <= frame.height,
  );
}

/** Builds a slide at the largest type step that fits; throws naming the slide when even the floor does not. */
export function fitSlide(id: string, build: (scale: TypeScale) => SlideItem[]): SlideItem[] {
  for (const scale of typeSteps) {
    const items = build(scale);
    if (fitsContent(items)) return items;
  }
  const floor = build(typeSteps[typeSteps.length - 1]!);
  throw new Error(
    `PowerPoint slide ${id}: its content ends at ${Math.round(getBottom(floor))}px, below the ${contentBox.bottom}px the 1280×720 frame leaves, even at ${minFontPx}px type; the deck plan must continue it on another slide`,
  );
}
