// A source document's text, extracted from its bytes by format. Pure: bytes in, text out; reading files is the caller's.
import { ImportError } from './errors.ts';
import { extractDocxText } from './formats/docx.ts';
import { extractPdfText } from './formats/pdf.ts';
import { decodeText } from './formats/text.ts';
import type { Layout } from './types.ts';

/** The formats read directly; others (.doc, .wps, .odt) are converted to .docx first. */
export const supportedExtensions = ['.txt', '.docx', '.pdf'] as const;

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

/** Extracts the text of a file's bytes by its extension. Throws ImportError for an unsupported or unreadable file. */
export async function extractSourceText(bytes: Uint8Array, extension: string, name: string): Promise<SourceText> {
  if (!(supportedExtensions as readonly string[]).includes(extension)) {
    throw new ImportError(`不支持的文件类型 unsupported file type "${extension || '(none)'}": expected ${supportedExtensions.join(', ')}`);
  }
  if (bytes.length === 0) throw new ImportError(`文件为空 the file is empty: ${name}`);
  try {
    if (extension === '.docx') return { text: await extractDocxText(bytes), format: 'docx', encoding: 'mammoth', layout: 'paragraphs' };
    if (extension === '.pdf') return { text: await extractPdfText(bytes), format: 'pdf', encoding: 'unpdf', layout: 'wrapped' };
  } catch (error) {
    throw new ImportError(`无法解析文件 cannot read ${name} as ${extension.slice(1)}: ${(error as Error).message}`);
  }
  const { text, encoding } = decodeText(bytes);
  return { text, format: 'txt', encoding, layout: undefined };
}
