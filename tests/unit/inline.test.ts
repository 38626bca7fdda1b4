// The single-file deck export's inlining (src/deck/inline.ts), on a hand-made page and in-memory site files.
import { describe, expect, it } from 'vitest';
import { inlineDeck } from '#src/deck/inline.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const site = new Map<string, Uint8Array>([
  ['_astro/deck.css', encode('body{background:url(../fonts/a.woff2)} .x{background:url(/kit/_astro/dot.svg)}')],
  ['fonts/a.woff2', new Uint8Array([1, 2, 3])],
  ['_astro/dot.svg', encode('<svg/>')],
  ['_astro/deck.js', encode('console.log("</script>")')],
]);
const loadFile = (sitePath: string) => site.get(sitePath);
const page = (body: string) =>
  `<html><head><meta http-equiv="Content-Security-Policy" content="script-src 'self'"><link rel="stylesheet" href="/kit/_astro/deck.css"></head><body>${body}<script type="module" src="/kit/_astro/deck.js"></script></body></html>`;

describe('inlineDeck', () => {
  it('inlines stylesheets with their url()s as data: URIs, scripts, and a CSP allowing each script by hash', () => {
    const html = inlineDeck(page('<p>演示</p>'), { reportId: 'r', base: '/kit/', loadFile });
    expect(html).toContain(`url(data:font/woff2;base64,${Buffer.from([1, 2, 3]).toString('base64')})`);
    expect(html).toContain(`url(data:image/svg+xml;base64,${Buffer.from('<svg/>').toString('base64')})`);
    expect(html).toContain('console.log("<\\/script>")');
    expect(html).not.toMatch(/\s(?:src|href)="\/kit\//u);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="[^"]*sha256-/u);
  });

  it('names what it cannot inline', () => {
    expect(() => inlineDeck(page('<img src="/kit/missing.png">'), { reportId: 'r', base: '/kit/', loadFile })).toThrow(/still refers to a site file/u);
    const external = page('').replace('/kit/_astro/deck.css', 'https://cdn.example.org/x.css');
    expect(() => inlineDeck(external, { reportId: 'r', base: '/kit/', loadFile })).toThrow(/external asset https:\/\/cdn\.example\.org\/x\.css/u);
    expect(() => inlineDeck(page('').replace('deck.js', 'gone.js'), { reportId: 'r', base: '/kit/', loadFile })).toThrow(
      /script \/kit\/_astro\/gone\.js not found/u,
    );
  });
});
