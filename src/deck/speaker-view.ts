// Sets reveal.js's speaker view in the deck's own font. The notes plugin writes that window's page from a string
// (font-family: Helvetica), so on a PC without Chinese fonts its notes would show as boxes. The window is
// same-origin (about:blank opened by the deck), and it reports to the deck with postMessage as soon as it runs;
// on its first message the deck copies its @font-face rules (URLs made absolute) and the font stack into it.

const MARK = 'deck-speaker-font';

/** The deck's @font-face rules as CSS text, each url() resolved against its stylesheet, so another document can use them. */
export function collectFontFaceCss(doc: Document = document): string {
  const rules: string[] = [];
  for (const sheet of Array.from(doc.styleSheets)) {
    let list: CSSRuleList;
    try {
      list = sheet.cssRules;
    } catch {
      continue;
    }
    const base = sheet.href ?? doc.baseURI;
    for (const rule of Array.from(list)) {
      if (!(rule instanceof CSSFontFaceRule)) continue;
      rules.push(rule.cssText.replace(/url\(\s*(["']?)([^"')]+)\1\s*\)/gu, (_all, _quote: string, url: string) => `url("${new URL(url, base).href}")`));
    }
  }
  return rules.join('\n');
}

/** Puts the deck's font faces and font stack into a speaker view document (once per document). */
export function styleSpeakerView(target: Document, source: Document = document): void {
  if (target.getElementById(MARK)) return;
  const stack = getComputedStyle(source.documentElement).getPropertyValue('--deck-font').trim() || 'DeckSans, sans-serif';
  const style = target.createElement('style');
  style.id = MARK;
  style.textContent = `${collectFontFaceCss(source)}\nbody, select, .speaker-controls-notes .value { font-family: ${stack}; }`;
  target.head.append(style);
  target.documentElement.lang = source.documentElement.lang;
}

/** Listens for the speaker view's messages and styles its window when it first speaks. */
export function styleSpeakerViewsOf(win: Window = window): void {
  win.addEventListener('message', (event) => {
    const speaker = event.source;
    if (!speaker || speaker === win || typeof event.data !== 'string' || !event.data.includes('reveal-notes')) return;
    let doc: Document;
    try {
      doc = (speaker as Window).document;
    } catch {
      return; // Another origin: not our speaker view.
    }
    if (doc.querySelector('#speaker-controls')) styleSpeakerView(doc, win.document);
  });
}
