// What closes a report: the plan (a 三、 or （四） section, an unheaded 下一步，… paragraph, or none), the contacts
// (a phone alone, phone and e-mail, address and post code), the signature and the date (or none: the page header's).
import { CN_DATE_LINE, DATE_LINE, readChineseDate, readMarker, toDay } from '#src/import/patterns.ts';
import { listSubtree, type TreeNode } from '#src/import/tree.ts';
import type { Paragraph, ReportInput } from '#src/import/types.ts';
import { getHead } from './layout.ts';
import type { Place } from './problems.ts';

/** A contact paragraph: 监督电话：…, 联系方式：…, 电子邮箱：…, 通讯地址：…, 欢迎…监督. */
export const CONTACT =
  /联系方式|联系电话|监督电话|举报电话|咨询电话|受理电话|电话\s*[:：]|电子邮箱|电子信箱|邮箱\s*[:：]|通讯地址|通信地址|邮寄地址|来信地址|邮政编码|邮编|欢迎.{0,40}监督|来信来电|来电来信/u;
/** A line that names an organisation, as a signature does. */
const ORGANISATION = /(?:党组|党委|委员会|工委|党工委|支部|总支|局|厅|委|办公室|院|校|中心|公司|政府|街道|社区|办事处|集团|部|组)$/u;

/** The report's closing, read from the end of its paragraphs. */
export interface Closing {
  /** Where the closing starts among the paragraphs given (everything before it is the report's body). */
  start: number;
  /** The date (成文日期) YYYY-MM-DD and its paragraph's position; undefined where none is printed. */
  date: { value: string; at: number } | undefined;
  /** Positions of the signature lines. */
  signature: number[];
  /** Positions of the contact paragraphs. */
  contact: number[];
  /** Positions of paragraphs after the date (attachments, notes), left out. */
  after: number[];
}

/** The date a paragraph is, if it is only a date (2024年9月27日, 二〇二四年九月二十七日, （2024年9月27日）). */
export function readDateLine(text: string): string | undefined {
  const bare = text.replace(/^[（(]|[）)]$/gu, '');
  const date = DATE_LINE.exec(bare);
  if (date) return toDay(date[1] ?? '', date[2] ?? '', date[3] ?? '');
  if (CN_DATE_LINE.test(bare)) {
    const parts = readChineseDate(bare);
    if (parts) return toDay(parts.year, parts.month, parts.day);
  }
  return undefined;
}

/** Whether a paragraph is a short unpunctuated line that can sign a report. */
function isSignatureLine(text: string, dated: boolean): boolean {
  if (text.length > 40 || /[。，；：:！？]/u.test(text) || readMarker(text)) return false;
  return dated || ORGANISATION.test(text);
}

/** Reads the closing from the end: paragraphs after the date, the date, the signature lines, the contact paragraphs. */
export function readClosing(paragraphs: readonly Paragraph[]): Closing {
  let end = paragraphs.length;
  // The date stands among the last lines; anything after it (附件, a note) is listed as left out.
  let date: Closing['date'];
  for (let at = paragraphs.length - 1; at >= Math.max(0, paragraphs.length - 6); at -= 1) {
    const value = readDateLine(paragraphs[at]?.text ?? '');
    if (value) {
      date = { value, at };
      break;
    }
  }
  const after: number[] = [];
  if (date) {
    for (let at = date.at + 1; at < paragraphs.length; at += 1) after.push(at);
    end = date.at;
  }
  const signature: number[] = [];
  while (end > 0 && isSignatureLine(paragraphs[end - 1]?.text ?? '', date !== undefined)) {
    end -= 1;
    signature.unshift(end);
  }
  // A signature may also stand after the date.
  if (signature.length === 0 && date) {
    const tail = after.filter((at) => isSignatureLine(paragraphs[at]?.text ?? '', true));
    if (tail.length === after.length && tail.length > 0 && tail.length <= 2) {
      signature.push(...tail);
      after.length = 0;
    }
  }
  const contact: number[] = [];
  while (end > 0 && CONTACT.test(paragraphs[end - 1]?.text ?? '') && !readMarker(paragraphs[end - 1]?.text ?? '')) {
    end -= 1;
    contact.unshift(end);
  }
  return { start: end, date, signature, contact, after };
}

/** Reads the contact paragraphs: the text verbatim (one line each), and the phone, address, postcode and e-mail they print. */
export function readContact(paragraphs: readonly string[]): NonNullable<ReportInput['contact']> {
  const text = paragraphs.join('\n');
  const contact: NonNullable<ReportInput['contact']> = { text };
  const phone = /(?:电话|热线|座机|手机)[^：:\d]{0,6}[：:]?\s*([\d（）()-]{7,}\d)/u.exec(text)?.[1];
  const address = /(?:通讯|通信|邮寄|来信)?地址[：:]\s*([^，；。\n]+)/u.exec(text)?.[1];
  const postcode = /(?:邮编|邮政编码)[：:]?\s*(\d{6})/u.exec(text)?.[1];
  const email = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/u.exec(text)?.[0];
  if (phone) contact.phone = phone;
  if (address) contact.address = address.trim();
  if (postcode) contact.postcode = postcode;
  if (email) contact.email = email;
  return contact;
}

/** Reads plan sections: the first section's heading, and every paragraph under them as printed. */
export function readPlanSections(nodes: readonly TreeNode[], paragraphs: readonly Paragraph[], place: Place): NonNullable<ReportInput['plan']> | undefined {
  const [first, ...rest] = nodes;
  if (!first) return undefined;
  const head = getHead(first.rest);
  const runOn = first.rest.slice(head.length).trim();
  const texts: string[] = runOn ? [runOn] : [];
  place(first.index, 'plan.heading');
  for (const index of listSubtree(first).slice(1)) {
    place(index, 'plan');
    texts.push(paragraphs[index]?.text ?? '');
  }
  // A later section that is not contacts (…四、其他) is kept in the plan as printed, its heading with its ordinal.
  for (const node of rest) {
    for (const index of listSubtree(node)) {
      place(index, 'plan');
      texts.push(paragraphs[index]?.text ?? '');
    }
  }
  const plan: NonNullable<ReportInput['plan']> = { heading: runOn ? head.replace(/。$/u, '') : first.rest, ordinal: first.ordinal, paragraphs: texts };
  if (texts.length === 0) plan.paragraphs = [plan.heading ?? first.rest];
  return plan;
}

/** Whether a paragraph after the last problem opens the report's plan: 下一步，… about the rectification as a whole. */
export function opensUnheadedPlan(text: string): boolean {
  return /^(?:下一步|下步|今后|接下来)[，,：:]?/u.test(text) && /巡[察视]|整改工作|整改成果|整改任务|长效|举一反三|全面从严|成果运用/u.test(text);
}
