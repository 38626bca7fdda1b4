// Reads a PDF with pdf.js (through unpdf): its page count, its text and the fonts its pages use.
import { readFileSync } from 'node:fs';
import { getDocumentProxy, getResolvedPDFJS } from 'unpdf';

/** A font a page draws with: its name and whether the PDF carries the font program. */
export interface PdfFont {
  name: string;
  embedded: boolean;
}

/** What a PDF holds, as a reader would find it. */
export interface PdfContents {
  pages: number;
  /** The text of every page, in order, as pdf.js extracts it. */
  text: string;
  fonts: PdfFont[];
}

export async function readPdf(file: string): Promise<PdfContents> {
  const { OPS } = await getResolvedPDFJS();
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(file)));
  try {
    let text = '';
    const fonts = new Map<string, PdfFont>();
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      text += content.items.map((item) => ('str' in item ? item.str : '')).join('');
      // Loading the operator list resolves the fonts; each setFont names one in the document's common objects.
      const operators = await page.getOperatorList();
      operators.fnArray.forEach((fn, index) => {
        if (fn !== OPS.setFont) return;
        const id = String(operators.argsArray[index]?.[0]);
        if (fonts.has(id)) return;
        const font = page.commonObjs.get(id) as { name?: string; missingFile?: boolean };
        fonts.set(id, { name: font.name ?? id, embedded: font.missingFile === false });
      });
    }
    return { pages: pdf.numPages, text, fonts: [...fonts.values()] };
  } finally {
    await pdf.destroy();
  }
}
