// Reads a report's source file (.txt, .docx, .pdf) into plain text, one extracted line per line.
// Parsing stays in parse.ts; this module only knows file formats and encodings.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import { ImportError } from './parse.ts';

/** How the text was laid out in its source: hard-wrapped lines (PDF, text copied from a PDF) or one paragraph per line (Word). */
export type Layout = 'wrapped' | 'paragraphs';

/** The text of a source file and how it was read. */
export interface SourceText {
  text: string;
  /** txt, docx or pdf. */
  format: 'txt' | 'docx' | 'pdf';
  /** utf-8 or gb18030 for text files; the library used otherwise. */
  encoding: string;
  /** A layout the format guarantees; undefined lets the parser detect it. */
  layout: Layout | undefined;
}

export const supportedExtensions = ['.txt', '.docx', '.pdf'] as const;

/** Decodes a text file: UTF-8 when the bytes are valid UTF-8, otherwise GB18030 (a superset of GBK and GB2312). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  try {
    // fatal: invalid UTF-8 throws instead of turning into U+FFFD, which is how a GBK file is told apart.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'gb18030' };
  }
}

/** Extracts the raw text of a .docx: mammoth gives one paragraph per line, separated by blank lines. */
async function readDocx(bytes: Buffer): Promise<string> {
  const mammoth = await import('mammoth');
  const result = await mammoth.extractRawText({ buffer: bytes });
  return result.value;
}

interface PdfItem {
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
async function readPdf(bytes: Buffer): Promise<string> {
  const { getDocumentProxy } = await import('unpdf');
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
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
  return rebuildPdfLines(pages);
}

/** Reads a source file into text. Throws ImportError for a missing, unreadable or unsupported file. */
export async function readSource(file: string): Promise<SourceText> {
  const extension = path.extname(file).toLowerCase();
  if (!(supportedExtensions as readonly string[]).includes(extension)) {
    throw new ImportError(`不支持的文件类型 unsupported file type "${extension || '(none)'}": expected ${supportedExtensions.join(', ')}`);
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new ImportError(`无法读取文件 cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (bytes.length === 0) throw new ImportError(`文件为空 the file is empty: ${file}`);
  try {
    if (extension === '.docx') return { text: await readDocx(bytes), format: 'docx', encoding: 'mammoth', layout: 'paragraphs' };
    if (extension === '.pdf') return { text: await readPdf(bytes), format: 'pdf', encoding: 'unpdf', layout: 'wrapped' };
  } catch (error) {
    throw new ImportError(`无法解析文件 cannot read ${file} as ${extension.slice(1)}: ${(error as Error).message}`);
  }
  const { text, encoding } = decodeText(bytes);
  return { text, format: 'txt', encoding, layout: undefined };
}
