import iconv from 'iconv-lite';

/** Decodes a text file: UTF-8 when the bytes are valid UTF-8, otherwise GB18030 (a superset of GBK and GB2312). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  try {
    // fatal: invalid UTF-8 throws instead of turning into U+FFFD, which is how a GBK file is told apart.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'gb18030' };
  }
}
