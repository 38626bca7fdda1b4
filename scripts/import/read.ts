// Reads a report's source file from disk; extracting its text by format lives in src/import/source.ts.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ImportError } from '#src/import/errors.ts';
import { extractSourceText, type SourceText, supportedExtensions } from '#src/import/source.ts';

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
  return extractSourceText(bytes, extension, file);
}
