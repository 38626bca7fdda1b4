// Page chrome: what a government web page prints around a report (索引号, 日期/来源/浏览量, breadcrumbs, 分享/打印,
// 字体：[大 中 小]) and text copied from it keeps. It is taken out before the report is read, each paragraph listed
// with its line, and what it says about the report (issuer, date, index number) kept for where the body lacks it.
import { toDay } from './patterns.ts';
import type { Paragraph } from './types.ts';

/** What the page header says about the report. */
export interface PageHeader {
  /** The publishing date, YYYY-MM-DD (日期：2024-09-27, 2024-09-27 10:05:31来源：…). */
  date?: { value: string; line: number; text: string };
  /** The publisher (来源：…, 发布机构：…). */
  source?: { value: string; line: number; text: string };
  /** 信息索引号 / 索引号, as printed. */
  indexNumber?: string;
  /** 文号, as printed. */
  documentNumber?: string;
}

const DATE = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/u;
const VIEWS = /(?:浏览量|浏览次数|阅读量|阅读次数|点击量|点击数|访问量|访问次数)\s*[:：]/u;

// Tokens that make up a chrome line when nothing else stands on it.
const TOKENS = [
  /[【[]?\s*(?:分享到|分享|朗读|打印本页|打印|关闭窗口|关闭|收藏|返回顶部|返回|纠错|保存|下载)\s*[】\]]?\s*[:：|｜]?/gu,
  /字体\s*[:：]?\s*[【[]?\s*大\s*中\s*小\s*[】\]]?/gu,
  /[【[]\s*(?:大|中|小|默认)\s*[】\]]/gu,
  /(?:微信|微博|QQ空间|QQ|扫一扫|手机扫码)/gu,
  /[\s|｜/·•,，【】[\]]+/gu,
];

/** Whether the text consists only of chrome tokens (分享 打印 字体：[大 中 小] …). */
function isTokenLine(text: string): boolean {
  let rest = text;
  for (const token of TOKENS) rest = rest.replace(token, '');
  return rest.length === 0;
}

/** Whether the text is a breadcrumb (县政府 > 信息公开 > 巡察整改, 水利局 >> 通知公告): short names between arrows. */
function isBreadcrumb(text: string): boolean {
  if (text.length > 80 || /[。，；、！？]/u.test(text)) return false;
  const parts = text.split(/\s*(?:>>|[>＞»›])\s*/u);
  return parts.length >= 2 && parts.every((part) => part.length > 0 && part.length <= 24);
}

/** Whether a line, on its own, is page chrome: it is never joined to the text around it. */
export function isChromeLine(text: string): boolean {
  return describeChrome(text) !== undefined;
}

/** Recognises one paragraph as page chrome; returns the reason, or undefined for report text. */
function describeChrome(text: string): string | undefined {
  if (/^[•·\s]*(?:信息)?索引号\s*[:：]/u.test(text)) return '信息索引号';
  if (
    /^[•·\s]*(?:发布机构|发文机关|发布日期|发文日期|成文日期|生成日期|主题分类|体裁分类|组配分类|服务对象|有效性|文号|发文字号|主题词|关键词)\s*[:：]/u.test(
      text,
    ) &&
    text.length < 120
  ) {
    return '信息公开目录';
  }
  if (VIEWS.test(text) && text.length < 120) return '日期、来源、浏览量';
  if (/^(?:发布)?(?:日期|时间)\s*[:：]\s*\d{4}/u.test(text) && text.length < 80) return '日期、来源';
  if (/^\d{4}-\d{1,2}-\d{1,2}(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:来源|发布|作者)/u.test(text) && text.length < 80) return '日期、来源';
  if (/^(?:来源|信息来源|作者|编辑|责任编辑|审核)\s*[:：]/u.test(text) && text.length < 60) return '来源';
  if (/^(?:当前位置|您的位置|你的位置|您现在的位置|所在位置)\s*[:：]?/u.test(text) && text.length < 100) return '导航';
  if (/^首页\s*[>＞»›/]/u.test(text) || isBreadcrumb(text)) return '导航';
  if (/^(?:上一篇|下一篇|相关链接|相关文章|附件下载)\s*[:：]?/u.test(text) && text.length < 100) return '导航';
  if (isTokenLine(text)) return '分享、打印、字体';
  if (/^(?:扫一扫|用手机扫描|手机扫码)/u.test(text) && text.length < 40) return '分享、打印、字体';
  return undefined;
}

/** Reads what a chrome paragraph says about the report into `header`. */
function readHeader(paragraph: Paragraph, header: PageHeader): void {
  const { text, line } = paragraph;
  const index = /(?:信息)?索引号\s*[:：]\s*(\S+)/u.exec(text)?.[1];
  if (index && !header.indexNumber) header.indexNumber = index;
  const number = /^(?:文号|发文字号)\s*[:：]\s*(\S+)/u.exec(text)?.[1];
  if (number && !header.documentNumber) header.documentNumber = number;
  const date = DATE.exec(text);
  if (date && !header.date && /日期|时间|来源|发布|浏览|^\d{4}-/u.test(text)) {
    header.date = { value: toDay(date[1] ?? '', date[2] ?? '', date[3] ?? ''), line, text };
  }
  const source = /(?:来源|发布机构|信息来源)\s*[:：]\s*([^\s:：|｜]+?)(?=\s|$|浏览|阅读|点击|访问|作者|字体|分享|【)/u.exec(text)?.[1];
  if (source && !header.source) header.source = { value: source, line, text };
}

/**
 * Finds the page chrome among the paragraphs: returns the ones left out (index → reason) and what the header said. Only whole paragraphs that are chrome are taken: report text is never cut.
 */
export function stripChrome(paragraphs: readonly Paragraph[]): { leftOut: Map<number, string>; header: PageHeader } {
  const leftOut = new Map<number, string>();
  const header: PageHeader = {};
  paragraphs.forEach((paragraph, index) => {
    const reason = describeChrome(paragraph.text);
    if (reason === undefined) return;
    readHeader(paragraph, header);
    leftOut.set(index, `页面信息 page chrome (${reason})`);
  });
  return { leftOut, header };
}
