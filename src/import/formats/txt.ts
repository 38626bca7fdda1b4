import iconv from 'iconv-lite';

/**
 * Decodes a text file as Windows and WPS tools write it: a BOM names UTF-8 or UTF-16 (Notepad's "Unicode" is UTF-16 LE
 * with a BOM); without one, UTF-8 when the bytes are valid UTF-8, otherwise GB18030 (a superset of GBK and GB2312).
 * The BOM is not part of the text. The encoding says which was read, e.g. "utf-16le (BOM)".
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: buffer.subarray(3).toString('utf8'), encoding: 'utf-8 (BOM)' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(buffer.subarray(2), 'utf-16le'), encoding: 'utf-16le (BOM)' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(buffer.subarray(2), 'utf-16be'), encoding: 'utf-16be (BOM)' };
  try {
    // fatal: invalid UTF-8 throws instead of turning into U+FFFD, which is how a GBK file is told apart.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(buffer, 'gb18030'), encoding: 'gb18030' };
  }
}
