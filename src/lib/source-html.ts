// The saved web page a report keeps as its 原文, made inert: the archive serves it from its own origin, and on a
// host that sends no CSP header the issuer's scripts would run as the archive. sanitize-html keeps the article's
// text and structure and drops scripts, handlers, iframes, forms, styles and every reference that would fetch or run
// anything; the page's own <meta> CSP forbids the rest on any host. The importer and the build both call this.
import { parseHTML } from 'linkedom';
import sanitizeHtml from 'sanitize-html';
import { removeInvisible } from './hygiene.ts';

/** The policy the page itself carries: nothing loads, nothing runs, only inline images and no form posts anywhere. */
export const SOURCE_PAGE_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'";

const options: sanitizeHtml.IOptions = {
  allowedTags: [
    ...['p', 'div', 'span', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'center'],
    ...['b', 'strong', 'i', 'em', 'u', 's', 'sub', 'sup', 'small', 'big', 'font'],
    ...['ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'colgroup', 'col'],
    ...['a', 'img', 'article', 'section', 'header', 'footer', 'main'],
  ],
  allowedAttributes: { a: ['href'], img: ['src', 'alt', 'width', 'height'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
  allowedSchemes: [],
  allowedSchemesByTag: { img: ['data'] },
  allowProtocolRelative: false,
  // Their text is not the article's: dropped with the element.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'template', 'title', 'head'],
  transformTags: {
    // A link is kept as text; only a link within the page keeps its target (any other is another origin, or a
    // path of the issuer's site that does not exist here).
    a: (tagName, attribs) => ({ tagName, attribs: attribs['href']?.startsWith('#') ? { href: attribs['href'] } : {} }),
    // An image loads only from the page itself (data:); a remote or relative one keeps its alt text.
    img: (tagName, attribs) => {
      const { src, ...rest } = attribs;
      return { tagName, attribs: src?.startsWith('data:image/') ? { src, ...rest } : rest };
    },
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs['src'],
};

const escapeText = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

/** A saved page (its decoded text) as the inert UTF-8 document the archive publishes, its title and text kept. */
export function sanitizeSourceHtml(html: string): string {
  const { document } = parseHTML(html.replace(/^\ufeff/u, ''));
  const title = removeInvisible(document.querySelector('title')?.textContent ?? '').trim();
  const body = removeInvisible(sanitizeHtml(document.body?.innerHTML ?? html, options));
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${SOURCE_PAGE_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeText(title)}</title>`,
    '</head>',
    `<body>${body}</body>`,
    '</html>',
    '',
  ].join('\n');
}
