// The deck's design tokens (src/deck/tokens.ts) are the one source of its geometry, type and palette: the theme's
// custom properties are generated from them, the rules the slide plan counts on read those properties, and the
// PowerPoint frame takes the same values. Any disagreement between the CSS and the fit budget fails here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BLOCK, CONTENT_WIDTH, MIN_FONT_PX, SLIDE } from '#src/deck/fit.ts';
import { colors, contentBox, frame } from '#src/deck/pptx/frame.ts';
import { listCssTokens, PALETTE, renderTokenCss } from '#src/deck/tokens.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const theme = readFileSync(path.join(projectRoot, 'slides/theme/theme.css'), 'utf8');
const tokensCss = readFileSync(path.join(projectRoot, 'slides/theme/tokens.css'), 'utf8');

/** The declarations of the first rule whose selector list is exactly `selector`. */
function readRule(selector: string): Map<string, string> {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replace(/\s+/gu, '\\s+');
  const match = new RegExp(`(?:^|\\})\\s*${escaped}\\s*\\{([^}]*)\\}`, 'u').exec(theme.replace(/\/\*[\s\S]*?\*\//gu, ''));
  if (!match) throw new Error(`theme.css has no rule ${selector}`);
  const declarations = new Map<string, string>();
  for (const part of match[1]!.split(';')) {
    const colon = part.indexOf(':');
    if (colon > 0) declarations.set(part.slice(0, colon).trim(), part.slice(colon + 1).trim());
  }
  return declarations;
}

// The rules whose sizes the plan (src/deck/plan.ts, src/deck/fit.ts BLOCK) adds up, and the tokens they must read.
const PLANNED: [selector: string, property: string, value: string][] = [
  ['.reveal .slides section', 'padding', 'var(--deck-slide-pad-top) var(--deck-slide-pad-x)'],
  ['.reveal h1,\n.reveal h2', 'line-height', 'var(--deck-leading-heading)'],
  ['.reveal h1,\n.reveal h2', 'letter-spacing', 'var(--deck-tracking-heading)'],
  ['.reveal h1,\n.reveal h2', 'margin', '0 0 var(--deck-space-heading-gap)'],
  ['.reveal h2', 'border-bottom', 'var(--deck-space-heading-rule) solid var(--deck-accent)'],
  ['.reveal h2', 'padding-bottom', 'var(--deck-space-heading-pad)'],
  ['.deck-issue header .tag', 'font-size', 'var(--deck-type-kicker)'],
  ['.deck-issue header .tag', 'margin', '0 0 var(--deck-space-kicker-gap)'],
  ['.deck-issue .highlights strong', 'font-size', 'var(--deck-type-figure)'],
  ['.deck-issue .highlights strong', 'line-height', 'var(--deck-leading-figure)'],
  ['.deck-issue .highlights li', 'padding', 'var(--deck-space-figure-pad-y) var(--deck-space-figure-pad-x)'],
  ['.deck-issue .highlights', 'margin-bottom', 'var(--deck-space-figure-gap)'],
  ['.deck-issue .lead-in,\n.deck-issue .leads li', 'line-height', 'var(--deck-leading-body)'],
  ['.deck-issue .lead-in,\n.deck-issue .leads li', 'margin', '0 0 var(--deck-space-item-gap)'],
  ['.deck-issue .leads li', 'padding-left', 'var(--deck-space-bullet-indent)'],
  ['.deck-issue .more,\n.deck-plan .more', 'font-size', 'var(--deck-type-label)'],
  ['.deck-issue .commitments', 'border-top', 'var(--deck-space-commitments-rule) solid var(--deck-line)'],
  ['.deck-issue .commitments li', 'font-size', 'var(--deck-type-small)'],
  ['.deck-group .grid', 'gap', 'var(--deck-space-grid-row-gap) var(--deck-space-grid-gap)'],
  ['.deck-group .grid a', 'padding', 'var(--deck-space-cell-pad-y) var(--deck-space-cell-pad-x)'],
  ['.timeline time', 'flex', '0 0 var(--deck-block-time-column)'],
  ['.reveal .slide-number', 'font-size', 'var(--deck-type-label)'],
];

describe('design tokens', () => {
  it('slides/theme/tokens.css is generated from src/deck/tokens.ts (run scripts/write-deck-tokens.ts after a change)', () => {
    expect(tokensCss).toBe(renderTokenCss());
    expect(theme).toMatch(/@import "\.\/tokens\.css";/u);
  });

  it.each(PLANNED)('theme.css %s { %s } reads the token the plan counts (%s)', (selector, property, value) => {
    expect(readRule(selector).get(property)).toBe(value);
  });

  it('theme.css uses only tokens that exist, writes no colour of its own and no type under the minimum', () => {
    const known = listCssTokens();
    const used = new Set([...theme.matchAll(/var\((--deck-[a-z-]+)/gu)].map((match) => match[1]!));
    // --deck-heading and --deck-body are the per-slide sizes (src/deck/style.ts), --deck-font the font stack.
    const unknown = [...used].filter((name) => !known.has(name) && !['--deck-heading', '--deck-body', '--deck-font'].includes(name));
    expect(unknown).toEqual([]);
    expect(theme.replace(/\/\*[\s\S]*?\*\//gu, '').match(/#[0-9a-f]{3,8}\b/giu) ?? []).toEqual([]);
    const sizes = [...theme.matchAll(/font-size:\s*(\d+)px/gu)].map((match) => Number(match[1]));
    expect(sizes.filter((px) => px < MIN_FONT_PX)).toEqual([]);
    expect(known.get('--deck-type-min')).toBe(`${MIN_FONT_PX}px`);
  });

  it('the PowerPoint frame and palette are the same tokens', () => {
    expect(frame).toEqual({ width: SLIDE.width, height: SLIDE.height });
    expect(contentBox).toEqual({ left: SLIDE.padX, top: SLIDE.padTop, right: SLIDE.width - SLIDE.padX, bottom: SLIDE.height - SLIDE.padBottom });
    expect(colors).toBe(PALETTE);
    for (const [name, hex] of Object.entries(PALETTE))
      expect(listCssTokens().get(`--deck-${name.replace(/[A-Z]/gu, (c) => `-${c.toLowerCase()}`)}`)).toBe(`#${hex.toLowerCase()}`);
    expect(CONTENT_WIDTH).toBe(SLIDE.width - 2 * SLIDE.padX);
    expect(listCssTokens().get('--deck-block-time-column')).toBe(`${BLOCK.timeColumn}px`);
  });
});
