// The deck's reveal.js options in one typed place; every value is documented because presenters ask why it behaves so.
import type { RevealConfig } from 'reveal.js';

/** reveal.js options for every deck. Presenter-level choices (sections, layout) live in slides/<id>/deck.yaml instead. */
export const deckOptions = {
  /** Slides are laid out at 1280×720 (16:9 projectors) and scaled to the window. */
  width: 1280,
  height: 720,
  /** A little air around the slide so headings never touch the projector's edge. */
  margin: 0.04,
  /** Each slide's id goes into the URL (…/deck/#/issue-completed-01), so the archive can link to a slide. */
  hash: true,
  /** Keep the URL in step without filling the browser history with every slide. */
  history: false,
  respondToHashChanges: true,
  /** Slide numbers as current/total, in the browser and in the PDF. */
  slideNumber: 'c/t',
  showSlideNumber: 'all',
  /** The thin progress bar at the bottom. */
  progress: true,
  /** Arrow controls for mouse users; keyboard navigation is always on. */
  controls: true,
  keyboard: true,
  /** Esc / O opens the overview of all slides. */
  overview: true,
  /** G opens "jump to slide" (type a number or a slide id). */
  jumpToSlide: true,
  /** Content starts at the top so long problem slides read like a page. */
  center: false,
  /** Fragments are off: each slide is complete at once, and the PDF has exactly one page per slide. */
  fragments: false,
  pdfSeparateFragments: false,
  pdfMaxPagesPerSlide: 1,
  /** A quiet transition; projectors and remote screens smear heavy ones. */
  transition: 'fade',
  transitionSpeed: 'fast',
  backgroundTransition: 'none',
  /** Notes stay in the speaker view (S), never on the audience's screen. */
  showNotes: false,
  /** The page is the deck; no scroll view switch on narrow windows (it would hide the slide numbers). */
  scrollActivationWidth: 0,
} satisfies RevealConfig;
