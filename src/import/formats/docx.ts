/** Extracts the raw text of a .docx: mammoth gives one paragraph per line, separated by blank lines. */
export async function extractDocxText(bytes: Uint8Array): Promise<string> {
  const mammoth = await import('mammoth');
  const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  return result.value;
}
