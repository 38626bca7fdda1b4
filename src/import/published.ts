// The copy of the source document an import keeps in the report folder as source.<ext>, which the build publishes
// beside the report's page as its 原文 download (src/loaders/sources.ts). Binary formats are kept byte for byte.
// Text is kept in UTF-8, the charset the site's servers declare for text (GB18030 and UTF-16 hold all of Unicode,
// so no character is lost), without the invisible characters src/lib/hygiene.ts refuses. A saved web page is kept
// sanitised (src/lib/source-html.ts): the archive serves it from its own origin.
import iconv from 'iconv-lite';
import { findInvisible, removeInvisible } from '#src/lib/hygiene.ts';
import { sanitizeSourceHtml } from '#src/lib/source-html.ts';
import { detectHtmlCharset } from './formats/html.ts';
import { decodeText } from './formats/txt.ts';

/** The source document as the report folder keeps it. */
export interface PublishedSource {
  /** source.<ext>, e.g. source.pdf; a web page saved as .htm is kept as source.html. */
  fileName: string;
  bytes: Uint8Array;
  /** The charset it was converted from where it was text in another charset (gb18030, …); undefined when kept as is. */
  convertedFrom: string | undefined;
  /** A saved page: whether it was sanitised (always, for a page). */
  sanitised?: boolean;
}

/** The copy of a source file (its bytes and lower-case extension with the dot) to keep as the report's source.<ext>. */
export function preparePublishedSource(bytes: Uint8Array, extension: string): PublishedSource {
  const ext = extension.toLowerCase().replace(/^\./u, '');
  if (ext === 'txt') {
    const { text, encoding } = decodeText(bytes);
    if (encoding === 'utf-8' && findInvisible(text).length === 0) return { fileName: 'source.txt', bytes, convertedFrom: undefined };
    return { fileName: 'source.txt', bytes: Buffer.from(removeInvisible(text), 'utf8'), convertedFrom: encoding === 'utf-8' ? undefined : encoding };
  }
  if (ext === 'html' || ext === 'htm') {
    const charset = detectHtmlCharset(bytes);
    const html = iconv.decode(Buffer.from(bytes), charset);
    return {
      fileName: 'source.html',
      bytes: Buffer.from(sanitizeSourceHtml(html), 'utf8'),
      convertedFrom: charset === 'utf-8' ? undefined : charset,
      sanitised: true,
    };
  }
  return { fileName: `source.${ext}`, bytes, convertedFrom: undefined };
}
