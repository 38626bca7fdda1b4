// The media type of each file extension the kit serves: one table for the preview server and the IIS web.config.
import path from 'node:path';

/** Extension (lower case, with its dot) → media type. Text types get `; charset=utf-8` where a server adds one. */
export const MEDIA_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml',
  '.txt': 'text/plain',
  '.md': 'text/markdown',
  '.csv': 'text/csv',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ppt': 'application/vnd.ms-powerpoint',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.zip': 'application/zip',
  // Pagefind's index, fragments, filters and WebAssembly: gzip data that its script fetches and decodes itself.
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

/** What a server sends for an extension it does not know (as nginx's default_type): bytes, never a refusal. */
export const FALLBACK_MEDIA_TYPE = 'application/octet-stream';

/** The media type of a file name or extension; unknown extensions get FALLBACK_MEDIA_TYPE. */
export function getMediaType(fileOrExtension: string): string {
  const extension = (
    fileOrExtension.startsWith('.') && !fileOrExtension.slice(1).includes('.') ? fileOrExtension : path.extname(fileOrExtension)
  ).toLowerCase();
  return MEDIA_TYPES[extension] ?? FALLBACK_MEDIA_TYPE;
}

/** Whether a media type is text that should declare its charset (UTF-8 throughout the kit). */
export function isTextType(type: string): boolean {
  return /^text\/|^application\/(json|manifest\+json|xml)$|^image\/svg\+xml$/u.test(type);
}
