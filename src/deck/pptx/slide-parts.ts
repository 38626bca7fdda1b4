// Shared slide parts (heading, bullets, panels) and the fit rule: a slide is built at the largest type
// step whose content ends above the content area's bottom; when none fits, the export stops with the slide's id.

import { LINE_HEIGHT, TYPE } from '#src/deck/fit.ts';
import { SPACE } from '#src/deck/tokens.ts';
import { colors, contentBox, frame, minFontPx } from './frame.ts';
import { createParagraph, fitTextBox, type Paragraph, type Run, type SlideItem, type TextBox } from './model.ts';

/** Type sizes in frame px for one try of the fit. */
export interface TypeStep {
  heading: number;
  body: number;
  /** Labels, legends, commitments: fit.ts's TYPE.small, never above the body size. */
  small: number;
}

/**
 * The sizes tried for a slide, largest first: the plan's own scale, then 2 px smaller steps down to the floor.
 * The plan (src/deck/fit.ts) has already chosen slides and sizes that fit its budget; the smaller steps only
 * absorb what PowerPoint, WPS and LibreOffice set wider than a browser (Latin fallback faces, autospacing).
 */
export function listTypeSteps(planned: { heading: number; body: number }): TypeStep[] {
  const steps: TypeStep[] = [];
  for (let cut = 0; ; cut += 2) {
    const body = Math.max(minFontPx, planned.body - cut);
    steps.push({ heading: Math.max(minFontPx + 8, planned.heading - cut), body, small: Math.max(minFontPx, Math.min(TYPE.small, body - 2)) });
    if (body === minFontPx) return steps;
  }
}

/** Line pitch multiple of body text. */
export const bodyLineHeight = LINE_HEIGHT.body;

/** Line pitch multiple of headings. */
export const headingLineHeight = LINE_HEIGHT.heading;

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
      paragraphs: [createParagraph(options.kicker, options.kickerSize ?? TYPE.kicker)],
      color: colors.muted,
      lineHeight: bodyLineHeight,
    });
    items.push(kicker);
    top += kicker.h + 4;
  }
  const heading = fitTextBox({
    name: '标题',
    x: contentBox.left,
    y: top,
    w: contentBox.right - contentBox.left,
    paragraphs: [typeof text === 'string' ? createParagraph(text, sizePx) : { runs: text, sizePx }],
    color: colors.ink,
    bold: true,
    lineHeight: headingLineHeight,
  });
  items.push(heading);
  const ruleY = heading.y + heading.h + SPACE.headingPad;
  items.push({
    type: 'shape',
    name: '标题线',
    shape: 'rect',
    x: contentBox.left,
    y: ruleY,
    w: contentBox.right - contentBox.left,
    h: SPACE.headingRule,
    fill: colors.accent,
  });
  return { items, bottom: ruleY + SPACE.headingRule + SPACE.headingGap };
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
export function isInsideContent(items: readonly SlideItem[]): boolean {
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

/** A slide's items and how many px its type was set below the plan's sizes to fit (0: the plan's own sizes). */
export interface FittedSlide {
  items: SlideItem[];
  cutPx: number;
}

/** Builds a slide at the largest type step that fits; throws naming the slide when even the floor does not. */
export function fitSlide(id: string, planned: { heading: number; body: number }, build: (scale: TypeStep) => SlideItem[]): FittedSlide {
  const steps = listTypeSteps(planned);
  for (const scale of steps) {
    const items = build(scale);
    if (isInsideContent(items)) return { items, cutPx: planned.body - scale.body };
  }
  const floor = build(steps[steps.length - 1]!);
  throw new Error(
    `PowerPoint slide ${id}: its content ends at ${Math.round(getBottom(floor))}px, below the ${contentBox.bottom}px the 1280×720 frame leaves, even at ${minFontPx}px type; the deck plan must continue it on another slide`,
  );
}
