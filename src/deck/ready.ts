// Marks the page once the deck is laid out and its fonts are loaded, so exporters and tests know when to look.
import type Reveal from 'reveal.js';

type Deck = InstanceType<typeof Reveal>;

/** Sets data-deck-ready on <html> after reveal is ready and every web font has loaded (or failed). */
export async function markReadyWhenLoaded(deck: Deck, root: HTMLElement = document.documentElement): Promise<void> {
  await new Promise<void>((resolve) => (deck.isReady() ? resolve() : deck.on('ready', () => resolve())));
  await document.fonts.ready;
  // Layout again: fallback metrics may differ from the CJK font that just arrived.
  deck.layout();
  root.dataset['deckReady'] = 'true';
}
