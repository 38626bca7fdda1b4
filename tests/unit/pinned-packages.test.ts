// pagefind, pptxgenjs and reveal.js are pinned exactly (package.json) because the project relies on more than their
// public API: Pagefind's bundle layout (src/search/indexer.ts), the XML pptxgenjs writes (src/deck/pptx/write.ts)
// and the speaker view page inside reveal's notes plugin (src/lib/csp.ts). Each test names the package whose
// upgrade changed what the project relies on.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import * as pagefind from 'pagefind';
import PptxGenJS from 'pptxgenjs';
import { afterAll, describe, expect, it } from 'vitest';
import { completePackage, HEADING_NAME } from '#src/deck/pptx/write.ts';
import { readSpeakerViewScripts } from '#src/lib/csp.ts';
import { listBundleFiles } from '#src/search/indexer.ts';
import { LANGUAGE } from '#src/search/record.ts';
import { projectRoot } from '#tests/helpers/build.ts';

const manifest = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };

/** The installed version of a package (not every one exports its package.json: read it from node_modules). */
function readInstalledVersion(name: string): string {
  return (JSON.parse(readFileSync(path.join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

describe.each(['pagefind', 'pptxgenjs', 'reveal.js'])('%s', (name) => {
  it('is pinned to an exact version, the one installed', () => {
    const pinned = manifest.devDependencies[name];
    expect(pinned, `${name}: pin an exact version in package.json`).toMatch(/^\d+\.\d+\.\d+$/u);
    expect(readInstalledVersion(name), `${name}: the installed version is not the pinned one; run npm install`).toBe(pinned);
  });
});

describe('pagefind: the bundle files src/search/indexer.ts preloads', () => {
  afterAll(() => pagefind.close());
  it('writes one entry, one metadata and one WebAssembly file, which the search page preloads', async () => {
    const outputPath = path.join(mkdtempSync(path.join(tmpdir(), 'rk-pin-')), 'pagefind');
    const { index } = await pagefind.createIndex({ forceLanguage: LANGUAGE });
    if (!index) throw new Error('pagefind: createIndex returned no index');
    await index.addCustomRecord({ url: '/a/', content: 'abc def', language: LANGUAGE });
    await index.writeFiles({ outputPath });
    const names = readdirSync(outputPath);
    // listBundleFiles throws, naming Pagefind, when the bundle no longer holds exactly one of each.
    const bundle = listBundleFiles(names, readFileSync(path.join(outputPath, 'pagefind-entry.json')));
    for (const file of bundle.files) expect(names, `pagefind: ${file} not in the bundle`).toContain(file.split('?')[0]);
  });
});

describe('reveal.js: the speaker view page the CSP hashes', () => {
  it('is a plain string literal written by the notes plugin, holding its inline script', () => {
    const scripts = readSpeakerViewScripts();
    expect(scripts.length, 'reveal.js: the notes plugin no longer writes an inline speaker view script').toBeGreaterThan(0);
    expect(scripts.join('')).toContain('reveal-notes');
  });
});

describe('pptxgenjs: the XML src/deck/pptx/write.ts completes', () => {
  it('writes the heading box, theme fonts and notes paragraph where completePackage looks for them', async () => {
    const pptx = new PptxGenJS();
    const slide = pptx.addSlide();
    slide.addText('标题文字', { x: 0.5, y: 0.5, w: 5, h: 1, objectName: HEADING_NAME });
    slide.addNotes('备注');
    const bytes = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
    // completePackage throws when the notes paragraph is not where pptxgenjs put it.
    const zip = await JSZip.loadAsync(await completePackage(bytes));
    const slideXml = await zip.file('ppt/slides/slide1.xml')!.async('string');
    expect(slideXml, 'pptxgenjs: the heading box was not made the title placeholder').toContain('<p:ph type="title"/>');
    const theme = await zip.file('ppt/theme/theme1.xml')!.async('string');
    expect(theme, 'pptxgenjs: the theme has no empty East Asian font to fill').not.toContain('<a:ea typeface=""/>');
  });

  it('keeps the characters pptxgenjs writes as references (a bullet ■, text with & and <) through completePackage', async () => {
    const pptx = new PptxGenJS();
    pptx.addSlide().addText([{ text: '甲 & 乙 <丙>', options: { bullet: { characterCode: '25A0' } } }], { x: 0.5, y: 0.5, w: 5, h: 1 });
    const zip = await JSZip.loadAsync(await completePackage((await pptx.write({ outputType: 'uint8array' })) as Uint8Array));
    const slideXml = await zip.file('ppt/slides/slide1.xml')!.async('string');
    // Written back as &amp;#x25A0; the bullet is drawn as an "&" in PowerPoint and LibreOffice.
    const bullets = [...slideXml.matchAll(/<a:buChar char="([^"]*)"/gu)].map((match) => match[1]);
    expect(bullets).toEqual(['■']);
    expect(slideXml).toContain('<a:t>甲 &amp; 乙 &lt;丙&gt;</a:t>');
  });
});
