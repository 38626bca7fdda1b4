// Reading a built site: its files, the URL path each is served at, and the text of its HTML.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every file under a folder whose name ends with `extension`, as relative paths. */
export function listFiles(dir: string, extension: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix)).flatMap((name) => {
    const relative = path.join(prefix, name);
    if (statSync(path.join(dir, relative)).isDirectory()) return listFiles(dir, extension, relative);
    return name.endsWith(extension) ? [relative] : [];
  });
}

/** Every .html file under a folder, as relative paths. */
export function listHtml(dir: string): string[] {
  return listFiles(dir, '.html');
}

/** The URL path a built file is served at under `base` (…/index.html → …/). */
export function toUrlPath(relative: string, base: string): string {
  return `${base}${relative
    .split(path.sep)
    .join('/')
    .replace(/(^|\/)index\.html$/u, '$1')}`;
}

/** Decodes the character references Astro writes into text and attribute values. */
export function decode(text: string): string {
  return text
    .replace(/&#(\d+);/gu, (_, code) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/giu, (_, code) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&quot;/gu, '"')
    .replace(/&#39;/gu, "'")
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&amp;/gu, '&');
}

/** The visible text of an HTML document without scripts, styles, tags or whitespace. */
export function textOf(html: string): string {
  return decode(html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gu, '').replace(/<[^>]+>/gu, '')).replace(/\s+/gu, '');
}
