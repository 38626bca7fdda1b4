// The deck's design tokens: slide geometry, type scale and palette in one place. The character budget
// (src/deck/fit.ts), the planner (src/deck/plan.ts), the PowerPoint writer (src/deck/pptx/) and the theme's CSS custom
// properties (slides/theme/tokens.css, generated from this module by renderTokenCss) all read them, so changing one
// value here changes the web deck, the PDF and the PowerPoint file together. tests/unit/tokens.test.ts fails when the
// stylesheet and these values disagree.

/** The slide frame in slide units (CSS px at 1280×720; PowerPoint: 1 px = 0.75 pt on a 13.333 in × 7.5 in slide). */
export const SLIDE = {
  width: 1280,
  height: 720,
  /** Left and right padding of every slide. */
  padX: 48,
  /** Top padding of every slide. */
  padTop: 24,
  /** Kept free at the bottom: the slide number and the progress bar sit there. */
  padBottom: 48,
} as const;

/** No text on a slide is smaller than this (WCAG-minded projector rule; the guide asks for 20 px). */
export const MIN_FONT_PX = 20;

/** Fixed type sizes in px, used wherever a slide has no scale of its own. */
export const TYPE = {
  /** Slide headings (h2) of section slides. */
  heading: 44,
  /** The title slide's heading when no size was planned. */
  title: 56,
  /** The line above a problem's heading: status, number and short title. */
  kicker: 22,
  /** Commitment lines on a problem slide, labels of figures, legends. */
  small: 22,
  /** A key figure's number. */
  figure: 56,
  /** The unit after a key figure's number. */
  figureUnit: 28,
  /** A group opener's count beside its heading. */
  count: 96,
  /** The slide number (reveal's c/t) and tags: the smallest type of the deck. */
  label: 20,
} as const;

/** Columns of the grid of completed problems. */
export const GRID_COLUMNS = 4;

/** Title slide heading sizes tried in order, largest first (at most three lines). */
export const TITLE_SIZES = [56, 48, 40, 36] as const;

/** Body sizes of a group opener's introduction, largest first. */
export const INTRO_SIZES = [34, 30, 26, 24] as const;

/** Line heights (multiples of the font size) the theme uses. */
export const LINE_HEIGHT = { heading: 1.3, body: 1.45, figure: 1.15 } as const;

/** Letter spacing of headings, in em (the theme's h1/h2 letter-spacing). */
export const HEADING_TRACKING = 0.02;

/** One step of type for a slide with a heading and a list: larger when there is room, smaller when there is much. */
export interface TypeScale {
  /** Font size of the slide heading, px. */
  heading: number;
  /** Font size of list items (bullets, points, events), px. */
  body: number;
}

/** Scales tried in order, largest first; the last is the size continuations are planned at. */
export const SCALES: readonly TypeScale[] = [
  { heading: 40, body: 30 },
  { heading: 36, body: 28 },
  { heading: 34, body: 26 },
  { heading: 32, body: 24 },
];

/**
 * Section lists whose items are all of one kind (organisation measures, plan points) try one compact step before
 * taking a second slide: five measures on one slide in 22 px read better than three and two on two half-empty ones.
 * Lists with a smaller part of their own (commitments at body − 4 px) keep to SCALES, so nothing goes under 20 px.
 */
export const LIST_SCALES: readonly TypeScale[] = [...SCALES, { heading: 30, body: 22 }];

/**
 * Problem slides try two larger steps first: a problem with one or two short measures is read from the back of the
 * room in large type instead of sitting at the top of an empty slide.
 */
export const ISSUE_SCALES: readonly TypeScale[] = [{ heading: 44, body: 36 }, { heading: 42, body: 33 }, ...SCALES];

/** Spacing of the theme, px: the parts the fixed block heights below are made of. */
export const SPACE = {
  /** Below a heading's text, above its accent rule. */
  headingPad: 12,
  /** The accent rule under a heading. */
  headingRule: 4,
  /** Between a heading and the content. */
  headingGap: 20,
  /** Below the kicker line. */
  kickerGap: 4,
  /** After a bullet or list item. */
  itemGap: 8,
  /** Between key figures and below their row. */
  figureGap: 16,
  /** Vertical padding of a key figure's panel. */
  figurePadY: 8,
  /** Horizontal padding of a key figure's panel. */
  figurePadX: 20,
  /** The rule above a problem's commitments. */
  commitmentsRule: 2,
  /** Above and below the commitments' rule. */
  commitmentsGap: 12,
  /** Between the columns of a grid of problems. */
  gridGap: 16,
  /** Between the rows of a grid of problems. */
  gridRowGap: 8,
  /** Vertical padding of a grid cell. */
  cellPadY: 4,
  /** Horizontal padding of a grid cell. */
  cellPadX: 10,
  /** Border of a grid cell. */
  cellBorder: 1,
  /** The accent band across the top of the title slide. */
  titleBand: 16,
  /** Between a group opener's heading row and its introduction. */
  openerGap: 64,
  /** Indent of a bullet's text (the square marker). */
  bulletIndent: 28,
  /** Side of a bullet's square marker. */
  bulletMarker: 12,
  /** Horizontal padding of the 见备注 tag. */
  tagPadX: 6,
  /** Gap before the 见备注 tag. */
  tagGap: 8,
  /** Vertical padding of a row of the summary table (decks across reports). */
  tablePadY: 6,
} as const;

/** Fixed block heights of the problem slide, px (each includes its margin). */
export const BLOCK = {
  /** The kicker line above the heading. */
  kicker: Math.ceil(TYPE.kicker * LINE_HEIGHT.body) + SPACE.kickerGap,
  /** Below a heading: padding, the accent rule and the gap to the content. */
  headingRule: SPACE.headingPad + SPACE.headingRule + SPACE.headingGap,
  /** The row of key figures: number, label, padding and the gap below. */
  figures: Math.ceil(TYPE.figure * LINE_HEIGHT.figure) + Math.ceil(TYPE.small * LINE_HEIGHT.body) + 2 * SPACE.figurePadY + SPACE.figureGap,
  /** Gap after a bullet or list item. */
  itemGap: SPACE.itemGap,
  /** Rule, padding and gap above a problem's commitments. */
  commitmentsRule: SPACE.commitmentsGap + SPACE.commitmentsRule + SPACE.commitmentsGap,
  /** The number badge left of a problem heading, px wide (incl. its gap). */
  numberBadge: 72,
  /** Indent of a bullet's text (the square marker). */
  bulletIndent: SPACE.bulletIndent,
  /** Width of the date column of timelines: the widest date (2021年11月19日) on one line at the largest body size. */
  timeColumn: 250,
  /** Left of a timeline's text: its offset, rule and the dot's column. */
  timelineIndent: 48,
  /** Width of each figure column of the summary table (decks across reports); the report column takes the rest. */
  summaryColumn: 150,
} as const;

/** The palette, as hex without '#': the theme's colours and PowerPoint's. */
export const PALETTE = {
  ink: '1A1A1A',
  muted: '5A5A5A',
  accent: 'B4161B',
  ok: '1F6F43',
  warn: 'B45F06',
  /** Long-term problems (需长期坚持): a steady blue, apart from the ongoing amber. */
  longTerm: '0B4F9C',
  line: 'E3E0DA',
  panel: 'F6F4F0',
  white: 'FFFFFF',
} as const;

/** A camelCase token name as a CSS custom property: figureUnit → --deck-figure-unit. */
function getPropertyName(group: string, name: string): string {
  const kebab = name.replace(/[A-Z]/gu, (letter) => `-${letter.toLowerCase()}`);
  return `--deck-${group}${group ? '-' : ''}${kebab}`;
}

/** Every token the stylesheet may use, as CSS custom property → value. */
export function listCssTokens(): Map<string, string> {
  const tokens = new Map<string, string>();
  const px = (value: number) => `${value}px`;
  for (const [name, value] of Object.entries(SLIDE)) tokens.set(getPropertyName('slide', name), px(value));
  for (const [name, value] of Object.entries(TYPE)) tokens.set(getPropertyName('type', name), px(value));
  tokens.set('--deck-type-min', px(MIN_FONT_PX));
  for (const [name, value] of Object.entries(LINE_HEIGHT)) tokens.set(getPropertyName('leading', name), String(value));
  tokens.set('--deck-tracking-heading', `${HEADING_TRACKING}em`);
  for (const [name, value] of Object.entries(SPACE)) tokens.set(getPropertyName('space', name), px(value));
  for (const name of ['numberBadge', 'timeColumn', 'timelineIndent', 'summaryColumn'] as const) tokens.set(getPropertyName('block', name), px(BLOCK[name]));
  // The palette keeps its short names (--deck-ink, --deck-accent …), the ones the theme has always used.
  for (const [name, value] of Object.entries(PALETTE)) tokens.set(getPropertyName('', name), `#${value.toLowerCase()}`);
  return tokens;
}

/** The generated stylesheet slides/theme/tokens.css: every token as a custom property on :root. */
export function renderTokenCss(): string {
  const lines = [...listCssTokens()].map(([name, value]) => `  ${name}: ${value};`);
  return `/* Generated from src/deck/tokens.ts by scripts/write-deck-tokens.ts: edit the tokens there, not here. */\n:root {\n${lines.join('\n')}\n}\n`;
}
