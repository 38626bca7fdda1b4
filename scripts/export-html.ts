#!/usr/bin/env node
// npm run export:html [report-id…]: writes exports/<report-id>.html (the brief form <report-id>-brief.html, a deck
// across reports decks/<name>.html), one self-contained file per deck with every
// script, stylesheet and font inlined, so it opens from file:// with no server and no network (speaker view too:
// reveal's notes window loads this same file in its previews).
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inlineDeck } from '#src/deck/inline.ts';
import { ensureBuilt, getExportDirs, listDecks, readBuiltBase, readReportIdArgs } from './lib/deck-export.ts';

const usage = `用法 Usage: npm run export:html -- [report-id…]
  默认导出全部演示文稿；DIST_DIR 指定已构建的站点，EXPORT_DIR 指定输出目录（默认 exports）。
  Exports every deck by default; DIST_DIR sets the built site, EXPORT_DIR the output folder (default exports).`;
const only = readReportIdArgs(usage);

const { distDir, exportDir } = getExportDirs();
ensureBuilt(distDir);
const decks = listDecks(distDir, only);
if (decks.length === 0) {
  console.error(`没有可导出的演示文稿。No deck to export in ${distDir}.`);
  process.exit(1);
}
const loadFile = (sitePath: string) => {
  const file = path.join(distDir, sitePath);
  return existsSync(file) && statSync(file).isFile() ? readFileSync(file) : undefined;
};
mkdirSync(exportDir, { recursive: true });
for (const deck of decks) {
  const page = readFileSync(path.join(distDir, deck.sitePath, 'index.html'), 'utf8');
  const html = inlineDeck(page, { reportId: deck.key, base: readBuiltBase(distDir, deck), loadFile });
  const file = path.join(exportDir, `${deck.key}.html`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, html);
  console.log(`已导出 ${path.relative(process.cwd(), file)}（${(Buffer.byteLength(html) / 1024).toFixed(0)} KiB，单文件离线可用）。Wrote ${file}.`);
}
