// Entry of the deck page: builds one Reveal instance for the given element and hands it to each concern.
import Reveal from 'reveal.js';
import Notes from 'reveal.js/plugin/notes';
import { deckOptions } from './options.ts';
import { markReadyWhenLoaded } from './ready.ts';
import { styleSpeakerViewsOf } from './speaker-view.ts';

/** Starts the deck in `element` (the .reveal container); returns the Reveal instance, or null without one. */
export async function startDeck(element: HTMLElement | null): Promise<InstanceType<typeof Reveal> | null> {
  if (!element) return null;
  const deck = new Reveal(element, { ...deckOptions, plugins: [Notes] });
  styleSpeakerViewsOf(window);
  await deck.initialize();
  await markReadyWhenLoaded(deck);
  return deck;
}
