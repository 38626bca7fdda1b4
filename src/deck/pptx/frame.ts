// The PowerPoint slide in the web deck's own units: slides are laid out on the 1280×720 frame of
// src/deck/options.ts and converted once when written, so one px means the same on both.
import { MIN_FONT_PX, SLIDE } from '#src/deck/fit.ts';
import { deckOptions } from '#src/deck/options.ts';
import { PALETTE } from '#src/deck/tokens.ts';

/** The frame every slide is laid out on, in CSS px (1280×720, 16:9). */
export const frame = { width: deckOptions.width, height: deckOptions.height } as const;

/** The slide's size in inches: 1280 px at 96 px to the inch is PowerPoint's 13.333 in wide 16:9 layout. */
export const slideInches = { width: frame.width / 96, height: frame.height / 96 } as const;

/** The smallest type on any slide, in px of the frame (20 px at 1280×720 is 15 pt on a 13.333 in slide). */
export const minFontPx = MIN_FONT_PX;

/** Converts frame px to inches. */
export function getInches(px: number): number {
  return Math.round((px / 96) * 10_000) / 10_000;
}

/** Converts frame px to points (type sizes and line pitch). */
export function getPoints(px: number): number {
  return Math.round(px * 0.75 * 100) / 100;
}

/**
 * Typefaces. 微软雅黑 ships with every Chinese Windows and WPS install; PowerPoint and WPS fall back to
 * their own Chinese face (等线, 宋体) where it is missing, LibreOffice on Linux to Noto Sans CJK SC.
 * The layout never depends on which one is used: line pitch is exact and widths are counted in em.
 */
export const fonts = {
  /** East Asian typeface written on every run (<a:ea>). */
  eastAsian: '微软雅黑',
  /** Latin typeface of the same runs: 微软雅黑 has its own Latin glyphs, so figures match the Chinese. */
  latin: '微软雅黑',
  /** What the theme falls back to where 微软雅黑 is missing (documented in docs/pptx.md). */
  fallback: 'Noto Sans CJK SC',
} as const;

/** The web deck's palette (src/deck/tokens.ts), as PowerPoint hex colours. */
export const colors = PALETTE;

/** The slide's content area: the deck's padding (src/deck/fit.ts SLIDE), the bottom strip kept for the slide number. */
export const contentBox = { left: SLIDE.padX, top: SLIDE.padTop, right: SLIDE.width - SLIDE.padX, bottom: SLIDE.height - SLIDE.padBottom } as const;
