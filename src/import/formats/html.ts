// A 通报 saved from the issuer's website: a CMS article (often TRS_Editor) inside navigation, a 信息公开 table
// (索引号, 发布机构, 发文日期, 文号), share links and a footer, often GBK-encoded. Finds the charset, the article
// (Mozilla Readability, or the densest block of <p> where it finds none) and the disclosure metadata.
import { Readability } from '@mozilla/readability';
import iconv from 'iconv-lite';
import { parseHTML } from 'linkedom';

/** The 信息公开 metadata a government page prints beside the article. */
export interface DisclosureMetadata {
  /** 索引号 */
  indexNumber?: string;
  /** 发布机构 / 发文机关 */
  publisher?: string;
  /** 发文日期 / 成文日期 / 发布日期, as printed. */
  published?: string;
  /** 文号 / 发文字号 */
  documentNumber?: string;
}

const LABELS: readonly [keyof DisclosureMetadata, RegExp][] = [
  ['indexNumber', /^索\s*引\s*号$/u],
  ['publisher', /^(?:发布机构|发文机关|发布单位)$/u],
  ['published', /^(?:发文日期|成文日期|发布日期)$/u],
  ['documentNumber', /^(?:文\s*号|发文字号)$/u],
];

/** The charset of an HTML file: its BOM, else a <meta> declaration, else UTF-8 when the bytes are valid UTF-8, else GB18030. */
export function detectHtmlCharset(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/iu.exec(head)?.[1]?.toLowerCase();
  // GB2312 and GBK pages routinely hold characters outside their declared set; GB18030 reads all of them.
  if (declared && /^(?:gb2312|gbk|x-gbk|gb18030|cp936|euc-cn)$/u.test(declared)) return 'gb18030';
  if (declared && iconv.encodingExists(declared)) return declared === 'utf8' ? 'utf-8' : declared;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

const clean = (text: string | null | undefined) => (text ?? '').replace(/[\s\u00a0\u3000]+/gu, ' ').trim();

/** Reads 索引号, 发布机构, 发文日期 and 文号 from a label cell and the cell after it, or from “label：value” text. */
export function readDisclosureMetadata(document: Document): DisclosureMetadata {
  const found: DisclosureMetadata = {};
  for (const element of document.querySelectorAll('td, th, dt, dd, li, span, p, div, label, b, strong, em, font')) {
    if (element.children.length > 0 && element.querySelector('td, th, dt, li, p, div, span')) continue;
    const text = clean(element.textContent);
    const split = /^([^：:]{2,6})\s*[：:]\s*(.*)$/u.exec(text);
    const label = split?.[1] ?? text;
    const entry = LABELS.find(([, pattern]) => pattern.test(label.trim()));
    if (!entry || found[entry[0]] !== undefined) continue;
    const value = split?.[2] || clean(element.nextElementSibling?.textContent);
    if (value && !LABELS.some(([, pattern]) => pattern.test(value))) found[entry[0]] = value;
  }
  return found;
}

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, div, td, blockquote, pre';

/** The text lines of an article's HTML: one per block without nested blocks, <br> starting a new line. */
function readBlocks(root: ParentNode): string[] {
  const lines: string[] = [];
  for (const block of root.querySelectorAll(BLOCKS)) {
    if (block.querySelector(BLOCKS)) continue;
    for (const br of block.querySelectorAll('br')) br.replaceWith('\n');
    for (const line of (block.textContent ?? '').split('\n')) {
      const text = clean(line);
      if (text) lines.push(text);
    }
  }
  return lines;
}

/** The element whose direct <p> children hold the most text: the article body when Readability finds none. */
function findDensestBlock(document: Document): Element | undefined {
  let best: { element: Element; length: number } | undefined;
  for (const element of document.querySelectorAll('div, article, section, td, body')) {
    const length = [...element.children].filter((child) => child.tagName === 'P').reduce((sum, p) => sum + clean(p.textContent).length, 0);
    if (length > (best?.length ?? 0)) best = { element, length };
  }
  return best?.element;
}

/** The page's own title for the article: a heading ending in 通报/报告/情况, else <title> before its site suffix. */
function findTitle(document: Document): string | undefined {
  for (const heading of document.querySelectorAll('h1, h2, h3, .title, [class*="title"], [id*="title"]')) {
    const text = clean(heading.textContent);
    if (/(?:通报|报告|情况)$/u.test(text) && text.length <= 80) return text;
  }
  const title = clean(document.querySelector('title')?.textContent).split(/\s*[_|｜-]\s*/u)[0];
  return title || undefined;
}

/** An article read from a saved web page: its lines (issuer and title first), the charset and the metadata. */
export interface HtmlArticle {
  text: string;
  charset: string;
  metadata: DisclosureMetadata;
  /** readability, or densest-p where Readability found no article. */
  extractor: 'readability' | 'densest-p';
}

/** Extracts the article of a saved government web page as lines the report parser reads. */
export function extractHtmlArticle(bytes: Uint8Array): HtmlArticle {
  const charset = detectHtmlCharset(bytes);
  const html = iconv.decode(Buffer.from(bytes), charset).replace(/^\ufeff/u, '');
  const { document } = parseHTML(html);
  const metadata = readDisclosureMetadata(document);
  const title = findTitle(document);
  // Readability edits the document it reads; give it its own copy.
  const article = new Readability(parseHTML(html).document as unknown as Document, { charThreshold: 200 }).parse();
  let lines: string[] = [];
  let extractor: HtmlArticle['extractor'] = 'readability';
  if (article?.content) lines = readBlocks(parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body);
  if (lines.filter((line) => /^[一二三四五六七八九十]+、/u.test(line)).length === 0) {
    const block = findDensestBlock(document);
    lines = block ? readBlocks(block) : [];
    extractor = 'densest-p';
  }
  // The article body of a CMS page usually starts below the title; the issuer is the 发布机构 or the signature.
  const head: string[] = [];
  const issuer = metadata.publisher ?? lines.at(-2);
  const titleAt = title ? lines.indexOf(title) : -1;
  if (titleAt >= 0 && titleAt < 3) {
    if (titleAt === 0 && issuer) head.push(issuer);
  } else {
    if (issuer) head.push(issuer);
    if (title) head.push(title);
  }
  const published = /^(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})/u.exec(metadata.published ?? '');
  const tail: string[] = [];
  if (published && !lines.some((line) => /^\d{4}年\d{1,2}月\d{1,2}日$/u.test(line))) {
    tail.push(`${published[1]}年${Number(published[2])}月${Number(published[3])}日`);
  }
  return { text: [...head, ...lines, ...tail].join('\n'), charset, metadata, extractor };
}
