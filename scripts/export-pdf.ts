#!/usr/bin/env node
// npm run export:pdf [report-id…]: prints every deck through reveal's print view (?print-pdf) in headless
// Chromium, one page per slide, into exports/<report-id>.pdf, the brief form into exports/<report-id>-brief.pdf and
// each deck across reports into exports/decks/<name>.pdf. The fonts come from the site itself, so the PDF
// carries real, extractable Chinese text even where the machine has no Chinese fonts.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from './lib/chromium.ts';
import { ensureBuilt, getExportDirs, listDecks, readBuiltBase, readReportIdArgs } from './lib/deck-export.ts';
import { startStaticServer } from './lib/static-server.ts';

const usage = `用法 Usage: npm run export:pdf -- [report-id…]
  默认导出全部演示文稿；DIST_DIR 指定已构建的站点，EXPORT_DIR 指定输出目录（默认 exports）。
  Exports every deck by default; DIST_DIR sets the built site, EXPORT_DIR the output folder (default exports).`;
const only = readReportIdArgs(usage);

const { distDir, exportDir } = getExportDirs();
ensureBuilt(distDir);
const decks = listDecks(distDir, only);
const [first] = decks;
if (first === undefined) {
  console.error(`没有可导出的演示文稿。No deck to export in ${distDir}${only.length > 0 ? ` for ${only.join(', ')}` : ''}.`);
  process.exit(1);
}
const requests: string[] = [];
const server = await startStaticServer({ root: distDir, base: readBuiltBase(distDir, first) });
const browser = await launchChromium();
mkdirSync(exportDir, { recursive: true });
let failed = false;
try {
  for (const deck of decks) {
    const started = Date.now();
    const page = await browser.newPage();
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${server.url}${deck.sitePath}?print-pdf`, { waitUntil: 'load' });
    await page.waitForSelector('html[data-deck-ready]', { timeout: 60_000 });
    const slides = await page.locator('.reveal .pdf-page').count();
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/gu) ?? []).length;
    const file = path.join(exportDir, `${deck.key}.pdf`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, pdf);
    await page.close();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `已导出 ${path.relative(process.cwd(), file)}：${pages} 页（${slides} 张幻灯片，${seconds} 秒）。Wrote ${file}: ${pages} pages, ${slides} slides, ${seconds} s.`,
    );
    if (pages !== slides) {
      failed = true;
      console.error(`页数与幻灯片数不符。Page count ${pages} differs from slide count ${slides}: a slide overflowed its page.`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
const foreign = requests.filter((url) => !url.startsWith(server.url.replace(/\/[^/]*\/?$/u, '')) && !url.startsWith('data:'));
if (foreign.length > 0) {
  failed = true;
  console.error(`导出时请求了外部地址。Requests left the site: ${[...new Set(foreign)].join(', ')}`);
}
process.exit(failed ? 1 : 0);
