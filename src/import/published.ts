// The copy of the source document an import keeps in the report folder as source.<ext>, which the build publishes
// beside the report's page as its 原文 download (src/loaders/sources.ts). Binary formats are kept byte for byte;
// text (.txt, a saved web page) is kept in UTF-8, the charset the site's servers declare for text, with every
// character unchanged (GB18030 holds all of Unicode, so nothing is lost in the conversion).
import iconv from 'iconv-lite';
import { detectHtmlCharset } from './formats/html.ts';
import { decodeText } from './formats/text.ts';

/** The source document as the report folder keeps it. */
export interface PublishedSource {
  /** source.<ext>, e.g. source.pdf; a web page saved as .htm is kept as source.html. */
  fileName: string;
  bytes: Uint8Array;
  /** The charset it was converted from where it was text in another charset (gb18030, …); undefined when kept as is. */
  convertedFrom: string | undefined;
}

// A <meta charset=…> or <meta http-equiv content="…; charset=…"> declaration, up to the charset's name.
const META_CHARSET = /(<meta\b[^>]*?charset\s*=\s*["']?\s*)[\w-]+/giu;

/** The copy of a source file (its bytes and lower-case extension with the dot) to keep as the report's source.<ext>. */
export function preparePublishedSource(bytes: Uint8Array, extension: string): PublishedSource {
  const ext = extension.toLowerCase().replace(/^\./u, '');
  if (ext === 'txt') {
    const { text, encoding } = decodeText(bytes);
    return encoding === 'utf-8'
      ? { fileName: 'source.txt', bytes, convertedFrom: undefined }
      : { fileName: 'source.txt', bytes: Buffer.from(text, 'utf8'), convertedFrom: encoding };
  }
  if (ext === 'html' || ext === 'htm') {
    const charset = detectHtmlCharset(bytes);
    if (charset === 'utf-8') return { fileName: 'source.html', bytes, convertedFrom: undefined };
    // The page's own declaration must then name UTF-8 too, or a browser would read it in the old charset.
    const text = iconv
      .decode(Buffer.from(bytes), charset)
      .replace(/^\uFEFF/u, '')
      .replace(META_CHARSET, '$1utf-8');
    return { fileName: 'source.html', bytes: Buffer.from(text, 'utf8'), convertedFrom: charset };
  }
  return { fileName: `source.${ext}`, bytes, convertedFrom: undefined };
}
