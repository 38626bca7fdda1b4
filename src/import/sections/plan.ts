// Section 三、 (下一步计划) and what closes the report: the plan, the contact paragraph, the signature, the date.
import { ImportError } from '#src/import/errors.ts';
import { DATE_LINE, SECTION, toDay } from '#src/import/patterns.ts';
import type { Paragraph, ReportInput } from '#src/import/types.ts';

/** Section 三、 split into its parts. */
export interface Closing {
  plan: ReportInput['plan'];
  /** The contact paragraph and the lines after it up to the date (the signature). */
  contact: Paragraph[];
  /** The report's date (成文日期), YYYY-MM-DD. */
  date: string;
  /** The date line's source line. */
  dateLine: number;
}

const CONTACT = /联系方式|联系电话|电子邮箱|欢迎广大/u;

/** Reads section 三、: plan paragraphs, then the contact paragraph and signature, then the date line. */
export function readPlan(heading: Paragraph, rest: readonly Paragraph[]): Closing {
  const dateIndex = rest.findIndex((p) => DATE_LINE.test(p.text));
  if (dateIndex < 0) throw new ImportError('no date line (YYYY年M月D日) after section 三、', heading.line);
  const contactIndex = rest.findIndex((p) => CONTACT.test(p.text));
  const planEnd = contactIndex >= 0 ? contactIndex : dateIndex;
  const paragraphs = rest.slice(0, planEnd).map((p) => p.text);
  if (paragraphs.length === 0) throw new ImportError('section 三、 has no plan text', heading.line);
  const date = DATE_LINE.exec(rest[dateIndex]?.text ?? '');
  return {
    plan: { heading: heading.text.replace(SECTION, '$2'), paragraphs },
    contact: contactIndex >= 0 ? rest.slice(contactIndex, dateIndex) : [],
    date: toDay(date?.[1] ?? '', date?.[2] ?? '', date?.[3] ?? ''),
    dateLine: rest[dateIndex]?.line ?? heading.line,
  };
}

/** Reads the contact paragraph: the text verbatim, and the phone, address, postcode and e-mail it prints. */
export function readContact(paragraph: string): ReportInput['contact'] {
  const contact: ReportInput['contact'] = { text: paragraph };
  const phone = /电话[：:]?\s*([\d-]{7,})/u.exec(paragraph)?.[1];
  const address = /(?:通讯|通信)?地址[：:]([^，；。]+)/u.exec(paragraph)?.[1];
  const postcode = /邮编[：:]?(\d{6})/u.exec(paragraph)?.[1];
  const email = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/u.exec(paragraph)?.[0];
  if (phone) contact.phone = phone;
  if (address) contact.address = address;
  if (postcode) contact.postcode = postcode;
  if (email) contact.email = email;
  return contact;
}

/** Reads the signature: the lines between the contact paragraph and the date, joined; undefined when there are none. */
export function readSignature(afterContact: readonly Paragraph[]): string | undefined {
  const signature = afterContact.map((p) => p.text).join('');
  return signature || undefined;
}
