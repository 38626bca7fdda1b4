// A source document's text, extracted from its bytes by format. Pure: bytes in, text out; reading files and
// running LibreOffice for .doc/.wps/.odt are the caller's.
import { ImportError, ScannedPdfError } from './errors.ts';
import { extractDocxText } from './formats/docx.ts';
import { type DisclosureMetadata, extractHtmlArticle } from './formats/html.ts';
import { extractPdfText } from './formats/pdf.ts';
import { decodeText } from './formats/txt.ts';
import type { Layout } from './types.ts';

/** The formats whose text is extracted here. */
export const readableExtensions = ['.txt', '.docx', '.pdf', '.html', '.htm'] as const;
/** The formats LibreOffice converts to .docx first. */
export const convertedExtensions = ['.doc', '.wps', '.odt'] as const;
/** Every format the importer takes. */
export const supportedExtensions = [...readableExtensions, ...convertedExtensions] as const;

/** The text of a source file and how it was read. */
export interface SourceText {
  text: string;
  /** The file's format, e.g. txt, docx, pdf, html, doc. */
  format: string;
  /** utf-8 or gb18030 for text files and web pages; the library or converter used otherwise. */
  encoding: string;
  /** A layout the format guarantees; undefined lets the parser detect it. */
  layout: Layout | undefined;
  /** The 信息公开 metadata of a web page. */
  metadata?: DisclosureMetadata;
  /** Set when the text was read by OCR from a scan. */
  ocr?: OcrReading;
}

/** What OCR read: the engine and the lines whose confidence is low, for an editor to check. */
export interface OcrReading {
  /** e.g. tesseract 5.3.0 chi_sim, 200 dpi. */
  engine: string;
  pages: number;
  /** The mean word confidence (0–100) below which a line is listed. */
  threshold: number;
  /** Lines read with low confidence: the line of the text, the page, the confidence (0–100) and the text read. */
  lowConfidence: { line: number; page: number; confidence: number; text: string }[];
}

/** The message for a file type the importer does not take. */
export function describeUnsupported(extension: string): string {
  return `不支持的文件类型 unsupported file type "${extension || '(none)'}": expected ${supportedExtensions.join(', ')}`;
}

/** Extracts the text of a file's bytes by its extension (.docx for converted files). Throws ImportError for an unsupported or unreadable file. */
export async function extractSourceText(bytes: Uint8Array, extension: string, name: string): Promise<SourceText> {
  if (!(readableExtensions as readonly string[]).includes(extension)) throw new ImportError(describeUnsupported(extension));
  if (bytes.length === 0) throw new ImportError(`文件为空 the file is empty: ${name}`);
  try {
    if (extension === '.docx') return { text: await extractDocxText(bytes), format: 'docx', encoding: 'numbering.xml', layout: 'paragraphs' };
    if (extension === '.pdf') {
      const text = await extractPdfText(bytes);
      if (text.trim().length === 0) throw new ScannedPdfError(name);
      return { text, format: 'pdf', encoding: 'unpdf', layout: 'wrapped' };
    }
    if (extension === '.html' || extension === '.htm') {
      const article = extractHtmlArticle(bytes);
      return { text: article.text, format: 'html', encoding: `${article.charset}, ${article.extractor}`, layout: 'paragraphs', metadata: article.metadata };
    }
  } catch (error) {
    if (error instanceof ScannedPdfError) throw error;
    throw new ImportError(`无法解析文件 cannot read ${name} as ${extension.slice(1)}: ${(error as Error).message}`);
  }
  const { text, encoding } = decodeText(bytes);
  return { text, format: 'txt', encoding, layout: undefined };
}
