// The one bridge from a planned slide's type sizes to the theme: CSS custom properties on the slide's <section>.
import type { TypeScale } from './fit.ts';

/** The inline style that sets a slide's planned sizes (theme.css reads --deck-heading and --deck-body). */
export function renderScaleStyle(scale: TypeScale): string {
  return `--deck-heading:${scale.heading}px;--deck-body:${scale.body}px`;
}
