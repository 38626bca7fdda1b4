// The text of a PDF, line by line as printed, from pdf.js's positioned text items.

/** A positioned text item of a PDF page. */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Rebuilds the lines of each PDF page from its text items: items whose baselines lie within half a
 * glyph height belong to one line, read left to right; a visible gap between items becomes a space
 * (compactChineseSpacing later removes those beside Chinese text, as for the seed's extraction).
 */
export function rebuildPdfLines(pages: PdfItem[][]): string {
  const out: string[] = [];
  for (const items of pages) {
    const lines: { y: number; height: number; items: PdfItem[] }[] = [];
    for (const item of items.filter((candidate) => candidate.str.length > 0)) {
      const tolerance = Math.max(item.height, 1) / 2;
      const line = lines.find((candidate) => Math.abs(candidate.y - item.y) <= tolerance);
      if (line) line.items.push(item);
      else lines.push({ y: item.y, height: item.height, items: [item] });
    }
    // PDF y grows upwards: the top line has the largest y.
    lines.sort((a, b) => b.y - a.y);
    for (const line of lines) line.items.sort((a, b) => a.x - b.x);
    const margin = Math.min(...lines.map((line) => line.items[0]?.x ?? Infinity));
    for (const line of lines) {
      // Keep a first-line indent as two ideographic spaces: the parser reads it as a paragraph start,
      // which is the only way to tell a paragraph that ends flush with the margin from a wrapped line.
      const indented = (line.items[0]?.x ?? margin) - margin > Math.max(line.height, 1) * 1.5;
      let text = indented ? '\u3000\u3000' : '';
      let end: number | undefined;
      for (const item of line.items) {
        if (end !== undefined && item.x - end > Math.max(line.height, 1) * 0.25 && !text.endsWith(' ')) text += ' ';
        text += item.str;
        end = item.x + item.width;
      }
      out.push(text);
    }
    // A page break ends a line, as in the seed's extraction.
    out.push('');
  }
  return out.join('\n');
}

/** Extracts the text of a .pdf with unpdf (pdf.js), page by page. */
export async function extractPdfText(bytes: Uint8Array): Promise<string> {
  const { getDocumentProxy } = await import('unpdf');
  // verbosity 0: pdf.js's own warnings (Indexing all PDF objects, …) would add lines to a one-line refusal.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  const pages: PdfItem[][] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    const items: PdfItem[] = [];
    for (const item of content.items) {
      if (!('str' in item)) continue;
      items.push({
        str: item.str,
        x: item.transform[4] ?? 0,
        y: item.transform[5] ?? 0,
        width: item.width,
        height: item.height || Math.abs(item.transform[3] ?? 0),
      });
    }
    pages.push(items);
  }
  await pdf.destroy();
  // Noto / Source Han share one glyph for — (U+2014, GB18030 A1AA, what Chinese text prints) and ― (U+2015); the
  // ToUnicode map of a browser-printed PDF names the latter, so the dash of （2024—2030年） would not match the source.
  return rebuildPdfLines(pages).replace(/\u2015/gu, '\u2014');
}
