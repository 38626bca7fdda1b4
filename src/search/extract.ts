// Reads a built page's searchable part the way a browser's textContent would: the element marked
// data-pagefind-body, without its data-pagefind-ignore descendants, scripts and styles. A small tag scanner instead
// of a DOM: the build reads thousands of pages and keeps only their text.
import type { LocatedAnchor } from './match.ts';

/** A page's searchable part. */
export interface ExtractedPage {
  /** The body element's attributes. */
  attributes: Record<string, string>;
  /** The text, whitespace runs collapsed to one space. */
  text: string;
  /** The text of the first h1 inside the body. */
  title: string;
  /** Elements whose id matches `anchorPattern`, and where their text starts in `text`. */
  anchors: LocatedAnchor[];
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const RAW_TEXT = new Set(['script', 'style', 'template', 'textarea']);
const TOKEN = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/gu;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/gu;
const ENTITY = /&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/giu;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references Astro writes (numeric ones and the five XML names, plus &nbsp;). */
export function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)));
    return NAMED[lower] ?? whole;
  });
}

/** The attributes of a start tag's attribute text. */
export function parseAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = match[1]?.toLowerCase();
    if (name) attributes[name] = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attributes;
}

/** The searchable part of a page's HTML, or null when no element carries data-pagefind-body. */
export function extractIndexedPage(html: string, anchorPattern = /^measure-\d+$/u): ExtractedPage | null {
  let text = '';
  let title: string | null = null;
  let titleStart = -1;
  const anchors: LocatedAnchor[] = [];
  // Open elements inside the body: name and whether it hides its content.
  const stack: { name: string; hidden: boolean; h1: boolean }[] = [];
  let attributes: Record<string, string> | null = null;
  let hidden = 0;
  let cursor = 0;
  const append = (raw: string) => {
    if (hidden > 0 || !raw) return;
    let chunk = decodeEntities(raw).replace(/\s+/gu, ' ');
    if (chunk.startsWith(' ') && (text === '' || text.endsWith(' '))) chunk = chunk.slice(1);
    text += chunk;
  };
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(html); match; match = TOKEN.exec(html)) {
    if (attributes) append(html.slice(cursor, match.index));
    cursor = TOKEN.lastIndex;
    const name = match[2]?.toLowerCase();
    if (!name) continue;
    if (match[1]) {
      if (!attributes) continue;
      // Close the innermost element of that name (and any left open inside it).
      const at = stack.map((entry) => entry.name).lastIndexOf(name);
      if (at < 0) continue;
      for (const entry of stack.splice(at)) {
        if (entry.hidden) hidden -= 1;
        if (entry.h1 && title === null) title = text.slice(titleStart).trim();
      }
      if (stack.length === 0) break;
      continue;
    }
    const own = parseAttributes(match[3] ?? '');
    if (!attributes) {
      if (!('data-pagefind-body' in own)) continue;
      attributes = own;
      if (VOID.has(name)) break;
      stack.push({ name, hidden: false, h1: false });
      continue;
    }
    const selfClosing = VOID.has(name) || (match[3] ?? '').trimEnd().endsWith('/');
    if (RAW_TEXT.has(name) && !selfClosing) {
      // Skip to the matching end tag: raw text is never indexed.
      const end = html.toLowerCase().indexOf(`</${name}`, cursor);
      cursor = end < 0 ? html.length : end;
      TOKEN.lastIndex = cursor;
      continue;
    }
    if (own['id'] && anchorPattern.test(own['id']) && hidden === 0) anchors.push({ id: own['id'], start: text.length });
    if (selfClosing) continue;
    const hides = 'data-pagefind-ignore' in own;
    const h1 = name === 'h1' && title === null && hidden === 0 && !hides;
    if (h1) titleStart = text.length;
    if (hides) hidden += 1;
    stack.push({ name, hidden: hides, h1 });
  }
  if (!attributes) return null;
  return { attributes, text: text.trimEnd(), title: title ?? '', anchors };
}
