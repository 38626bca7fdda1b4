// Looks at the present slide of a deck in Chromium: what lies outside the 1280×720 frame and what text is set
// smaller than the minimum, in slide units (computed CSS px; reveal scales the frame as a whole).
import type { Page } from 'playwright-core';

/** One finding on a slide: the element (tag.class), its text and the measurement. */
export interface SlideFinding {
  element: string;
  text: string;
  detail: string;
}

/** What the present slide shows and where it breaks the frame or the minimum type size. */
export interface SlideInspection {
  id: string;
  text: string;
  outside: SlideFinding[];
  small: SlideFinding[];
  smallestFontPx: number;
  /** The lowest edge of the slide's content, in slide units. */
  contentBottom: number;
}

/** Opens slide `id` by its hash and waits until reveal shows it. */
export async function showSlide(page: Page, id: string): Promise<void> {
  await page.evaluate((target) => {
    window.location.hash = `#/${target}`;
  }, id);
  await page.waitForFunction((target) => document.querySelector('.reveal .slides section.present:not(.stack)')?.id === target, id, { timeout: 10_000 });
}

/** Inspects the present slide (its notes excluded) plus reveal's slide number. */
export function inspectPresentSlide(page: Page, minFontPx: number): Promise<SlideInspection> {
  return page.evaluate((min) => {
    const slide = document.querySelector<HTMLElement>('.reveal .slides section.present:not(.stack)');
    const slides = document.querySelector<HTMLElement>('.reveal .slides');
    if (!slide || !slides) throw new Error('no present slide');
    // The frame: .slides is the 1280×720 box reveal scales; its rect is the frame on screen.
    const frame = slides.getBoundingClientRect();
    const scale = frame.width / 1280;
    const describe = (element: Element) => `${element.tagName.toLowerCase()}${element.classList.length ? `.${[...element.classList].join('.')}` : ''}`;
    const ownText = (element: Element) =>
      [...element.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent ?? '')
        .join('')
        .trim();
    const outside: { element: string; text: string; detail: string }[] = [];
    const small: { element: string; text: string; detail: string }[] = [];
    let smallest = Number.POSITIVE_INFINITY;
    let contentBottom = 0;
    const elements = [...slide.querySelectorAll('*'), document.querySelector('.reveal .slide-number')].filter(
      (element): element is Element => element !== null && !element.closest('aside.notes'),
    );
    for (const element of elements) {
      const style = getComputedStyle(element);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      const text = ownText(element);
      if (text.length > 0) {
        const size = Number.parseFloat(style.fontSize);
        smallest = Math.min(smallest, size);
        if (size < min) small.push({ element: describe(element), text: text.slice(0, 40), detail: `${size}px` });
      }
      if (element.closest('.slide-number')) continue;
      // In slide units, with half a pixel for rounding.
      const left = (rect.left - frame.left) / scale;
      const top = (rect.top - frame.top) / scale;
      const right = (rect.right - frame.left) / scale;
      const bottom = (rect.bottom - frame.top) / scale;
      contentBottom = Math.max(contentBottom, bottom);
      if (left < -0.5 || top < -0.5 || right > 1280.5 || bottom > 720.5) {
        outside.push({
          element: describe(element),
          text: (element.textContent ?? '').trim().slice(0, 40),
          detail: `box ${left.toFixed(0)},${top.toFixed(0)}–${right.toFixed(0)},${bottom.toFixed(0)}`,
        });
      }
    }
    const clone = slide.cloneNode(true) as HTMLElement;
    for (const notes of clone.querySelectorAll('aside.notes')) notes.remove();
    return { id: slide.id, text: clone.textContent ?? '', outside, small, smallestFontPx: smallest, contentBottom };
  }, minFontPx);
}

/** One bullet (or the lead-in) of the present problem slide as shown: its text without the 见备注 tag, and the tag. */
export interface ShownBullet {
  text: string;
  shortened: boolean;
}

/** The lead-in and bullets of the present slide, in order. */
export function readShownBullets(page: Page): Promise<ShownBullet[]> {
  return page.evaluate(() => {
    const slide = document.querySelector<HTMLElement>('.reveal .slides section.present:not(.stack)');
    if (!slide) throw new Error('no present slide');
    return [...slide.querySelectorAll('p.lead-in, ul.leads > li')].map((element) => {
      const clone = element.cloneNode(true) as HTMLElement;
      const more = clone.querySelector('.more');
      more?.remove();
      return { text: (clone.textContent ?? '').replace(/\s+/gu, ''), shortened: more !== null };
    });
  });
}

/** The share of the content area (below the top padding, above the bottom strip) a slide's content fills, 0–1. */
export function getFill(contentBottom: number, frame: { height: number; padTop: number; padBottom: number }): number {
  return (contentBottom - frame.padTop) / (frame.height - frame.padTop - frame.padBottom);
}
