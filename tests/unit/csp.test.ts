// The speaker view's hash comes from the JavaScript that writes it, read by a parser (never evaluated): the
// installed notes plugin for the pages, the built bundles for the servers, the inlined bundle for the offline file.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSpeakerViewScripts, getSpeakerViewHashes, hashSource, readServedSpeakerViewHashes, renderExportCsp } from '#src/lib/csp.ts';

const PAGE = '<html><body><script>window.opener.postMessage("reveal-notes")</script></body></html>';

describe('the speaker view script', () => {
  it('is read from the written literal, whatever quotes a minifier chose, and only from document.write', () => {
    for (const literal of [JSON.stringify(PAGE), `'${PAGE.replace(/'/gu, "\\'")}'`, `\`${PAGE}\``]) {
      expect(findSpeakerViewScripts(`const w = window.open("about:blank"); w.document.write(${literal});`)).toEqual([
        'window.opener.postMessage("reveal-notes")',
      ]);
    }
    expect(findSpeakerViewScripts(`console.log(${JSON.stringify(PAGE)});`)).toEqual([]);
    // A computed page cannot be hashed ahead: it is not taken for the literal one.
    const computed = ['w.document.write(`<script>', '$', '{code}</script>`);'].join('');
    expect(findSpeakerViewScripts(computed)).toEqual([]);
  });

  it('is hashed from the bundle a built site serves, not from the installed plugin', () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'rk-csp-'));
    mkdirSync(path.join(dist, '_astro'));
    writeFileSync(path.join(dist, '_astro', 'deck.js'), `export function open(w){w.document.write(${JSON.stringify(PAGE)})}`);
    const served = readServedSpeakerViewHashes(dist);
    expect(served).toEqual([hashSource('window.opener.postMessage("reveal-notes")')]);
    expect(served).not.toEqual(getSpeakerViewHashes());
  });

  it('of the offline file is the one its inlined bundle writes', () => {
    const bundle = `w.document.write(${JSON.stringify(PAGE)})`;
    const scriptSrc = /(?:^|; )script-src ([^;]*)/u.exec(renderExportCsp([bundle]))?.[1]?.split(' ');
    expect(scriptSrc).toEqual(["'self'", hashSource(bundle), hashSource('window.opener.postMessage("reveal-notes")')]);
    expect(renderExportCsp(['console.log(1)'])).toContain(`script-src 'self' ${hashSource('console.log(1)')};`);
  });
});
