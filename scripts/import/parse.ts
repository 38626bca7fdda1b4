// Parses the text of a 巡察整改情况通报 in its standard structure into a report and its problems.
// Pure: text in, data and warnings out; reading files and writing the collection live elsewhere.

import { parseChineseNumeral } from '../../src/lib/numerals.ts';
import { compactChineseSpacing } from '../../src/lib/text.ts';

/** A problem as parsed, before it is written as an MDX entry. */
export interface ParsedIssue {
  status: 'completed' | 'ongoing';
  number: number;
  title: string;
  shortTitle: string;
  paragraphs: string[];
  /** Dated promises found in the body, for an editor to confirm. */
  suggestedCommitments: { due: string; quote: string; dateNote?: string }[];
  line: number;
}

/** The report as parsed, in the shape of the reports collection. */
export interface ParsedReport {
  data: Record<string, unknown>;
  issues: ParsedIssue[];
  warnings: string[];
  /** The source lines the declared totals were read from, for the summary. */
  declaredLines: { problems: number | undefined; completed: number | undefined; ongoing: number | undefined };
}

/** A parse failure that names the line of the source it concerns. */
export class ImportError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'ImportError';
    this.line = line;
  }
}

interface Paragraph {
  text: string;
  line: number;
}

export { parseChineseNumeral };

const CN_DIGITS = '一二三四五六七八九十';
const SECTION = new RegExp(`^([${CN_DIGITS}]+)、(.*)$`, 'u');
const SUBSECTION = new RegExp(`^（([${CN_DIGITS}]+)）(.*)$`, 'u');
const PROBLEM = /^(\d+)\s*[．.、]\s*(关于.*)$/u;
const MEASURE_START = new RegExp(`^[${CN_DIGITS}]+是`, 'u');
const HEADING_START = [SECTION, SUBSECTION, PROBLEM];
const DATE_LINE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/u;

/** Visual width of a line: a Chinese character counts twice an ASCII one. */
function visualWidth(line: string): number {
  let width = 0;
  for (const char of line) width += char.codePointAt(0)! <= 0xff ? 1 : 2;
  return width;
}

const pad = (n: number | string) => String(n).padStart(2, '0');

/**
 * Rebuilds paragraphs from extracted text: a PDF breaks lines mid-sentence and a page break leaves a
 * leading space, so a paragraph ends only after a short line or before a line that opens a heading or a measure.
 */
export function joinParagraphs(raw: string, layout?: 'wrapped' | 'paragraphs'): Paragraph[] {
  const lines = raw
    .replace(/^\ufeff/u, '')
    .split(/\r\n|\r|\n/u)
    .map((text, index) => {
      const clean = text.replace(/[\u200b-\u200d\ufeff]/gu, '');
      // A first-line indent (two ideographic or several ASCII spaces) survives some extractions and is
      // the one sure sign of a new paragraph; a single leading space is what a page break leaves.
      return { text: clean.trim(), line: index + 1, indented: /^(?:\u3000|[ \t]{2,})/u.test(clean) };
    })
    .filter((line) => line.text.length > 0);
  if (lines.length === 0) return [];
  // Indentation tells paragraphs apart only where some lines have it and (nearly) all do not.
  const indentedCount = lines.filter((line) => line.indented).length;
  const useIndent = indentedCount >= 2 && indentedCount < lines.length * 0.9;
  const widths = lines.map((line) => visualWidth(line.text)).sort((a, b) => a - b);
  const full = widths[Math.floor(widths.length * 0.9)] ?? 0;
  // A printed line holds at most ~40 Chinese characters (width 80); text whose long lines are far wider
  // was saved one paragraph per line (Word, a hand-made .txt), and joining lines there would merge paragraphs.
  if ((layout ?? detectLayout(full)) === 'paragraphs') {
    return lines.map(({ text, line }) => ({ text: compactChineseSpacing(text), line }));
  }
  const paragraphs: Paragraph[] = [];
  let current: { parts: string[]; line: number } | null = null;
  let closed = true;
  for (const { text, line, indented } of lines) {
    // 一是… may also begin a wrapped line mid-paragraph; where indents are kept, only an indented one opens a measure.
    const opensMeasure = MEASURE_START.test(text) && (!useIndent || indented);
    const opens = HEADING_START.some((pattern) => pattern.test(text)) || opensMeasure || DATE_LINE.test(text) || (useIndent && indented);
    const titleOpen = current !== null && PROBLEM.test(current.parts.join('')) && !/整改。?$/u.test(compactChineseSpacing(current.parts.join('')));
    if (current && (titleOpen || (!closed && !opens))) {
      current.parts.push(text);
    } else {
      if (current) paragraphs.push({ text: compactChineseSpacing(current.parts.join('')), line: current.line });
      current = { parts: [text], line };
    }
    const joined = current ? compactChineseSpacing(current.parts.join('')) : text;
    const width = visualWidth(text);
    const terminal = /[。！？；：”）]$/u.test(text);
    const heading = (SECTION.test(text) || SUBSECTION.test(text)) && !text.includes('。') && !text.includes('，');
    const titleDone = PROBLEM.test(joined) && /整改。?$/u.test(joined);
    closed = titleDone || heading || (terminal && width < full - 4) || width < full * 0.6;
  }
  if (current) paragraphs.push({ text: compactChineseSpacing(current.parts.join('')), line: current.line });
  return paragraphs;
}

/** The layout of text whose 90th-percentile line width is `full`: wrapped lines stay under a page's width. */
export function detectLayout(full: number): 'wrapped' | 'paragraphs' {
  return full > 120 ? 'paragraphs' : 'wrapped';
}

/** Proposes a short title from a printed title: the matter between 关于 and 问题的整改, cut to 20 characters. */
export function proposeShortTitle(title: string): string {
  const matter = title.replace(/^关于/u, '').replace(/(问题)?的整改。?$/u, '');
  return matter.length <= 20 ? matter : `${matter.slice(0, 19)}…`;
}

/** Finds sentences that promise dated action (拟于, 计划于, 将于, 下一步 with a date). */
export function suggestCommitments(text: string, fallbackYear: number): ParsedIssue['suggestedCommitments'] {
  const found: ParsedIssue['suggestedCommitments'] = [];
  const pattern = /(?:拟于|计划于|将于|下一步[^。]*?于)((?:(\d{4})年)?(\d{1,2})月(?:份|(\d{1,2})日|[上中下]旬)?)[^，。；]*/gu;
  for (const match of text.matchAll(pattern)) {
    const year = match[2] ? Number(match[2]) : fallbackYear;
    const due = match[4] ? `${year}-${pad(match[3] ?? '')}-${pad(match[4])}` : `${year}-${pad(match[3] ?? '')}`;
    const suggestion: ParsedIssue['suggestedCommitments'][number] = { due, quote: match[0] };
    if (!match[2]) suggestion.dateNote = `原文未写年份，按${year}年推定`;
    found.push(suggestion);
  }
  return found;
}

function toDay(year: number | string, month: number | string, day: number | string): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Parses a whole report. Throws ImportError naming the line for input it cannot read as a report. */
export function parseReport(raw: string, options: { layout?: 'wrapped' | 'paragraphs' | undefined } = {}): ParsedReport {
  const warnings: string[] = [];
  const paragraphs = joinParagraphs(raw, options.layout);
  if (paragraphs.length === 0) throw new ImportError('文件没有文字 the file holds no text', 1);

  const sectionAt = (ordinal: string) => paragraphs.findIndex((p) => p.text.startsWith(`${ordinal}、`));
  const one = sectionAt('一');
  const two = sectionAt('二');
  const three = sectionAt('三');
  if (one < 0) throw new ImportError('section 一、(整改工作组织情况) not found', paragraphs[0]?.line);
  if (two < 0) throw new ImportError('section 二、(整改落实情况) not found', paragraphs[one]?.line);
  if (three < 0) throw new ImportError('section 三、(下一步计划) not found', paragraphs[two]?.line);
  if (!(one < two && two < three)) throw new ImportError('sections 一、二、三 are out of order', paragraphs[two]?.line);

  // Heading: issuer and title before the preface; the title ends in 通报 or 报告.
  const titleIndex = paragraphs.findIndex((p, i) => i < one && /(通报|报告|情况)$/u.test(p.text));
  if (titleIndex < 1) throw new ImportError('no heading: expected the issuing body and a title ending in 通报 before the preface', paragraphs[0]?.line);
  const issuer = paragraphs
    .slice(0, titleIndex)
    .map((p) => p.text)
    .join('');
  const title = paragraphs[titleIndex]?.text ?? '';
  const preface = paragraphs.slice(titleIndex + 1, one).map((p) => p.text);
  if (preface.length === 0) throw new ImportError('the preface before section 一、 is missing', paragraphs[one]?.line);
  const prefaceText = preface.join('');

  const period = /(\d{4})年(\d{1,2})月(\d{1,2})日至(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/u.exec(prefaceText);
  if (!period) throw new ImportError('the preface gives no inspection period (…年…月…日至…年…月…日)', paragraphs[titleIndex + 1]?.line);
  const endYear = period[4] ?? period[1] ?? '';
  const team = /([^，。]*?巡察组)对/u.exec(prefaceText)?.[1] ?? '';
  // 开展巡察“回头看”, 开展了常规巡察, 开展专项巡察: the kind is the phrase ending in 巡察 and its quoted suffix.
  const kind = /开展了?([^，。“”]{0,6}?巡察(?:“[^”]+”)?)/u.exec(prefaceText)?.[1] ?? '巡察';
  if (!team) warnings.push(`line ${paragraphs[titleIndex + 1]?.line}: no inspection team (…巡察组) found in the preface`);
  const feedbackMatch = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日，巡察组向[^，。]*反馈/u.exec(prefaceText);
  if (!feedbackMatch) throw new ImportError('the preface gives no feedback date (…月…日，巡察组向…反馈)', paragraphs[titleIndex + 1]?.line);
  const feedbackYear = feedbackMatch[1] ?? endYear;
  const inspection: Record<string, unknown> = {
    team,
    kind,
    start: toDay(period[1] ?? '', period[2] ?? '', period[3] ?? ''),
    end: toDay(endYear, period[5] ?? '', period[6] ?? ''),
    feedback: toDay(feedbackYear, feedbackMatch[2] ?? '', feedbackMatch[3] ?? ''),
  };
  if (!feedbackMatch[1]) inspection['dateNote'] = `反馈日期原文为“${feedbackMatch[2]}月${feedbackMatch[3]}日”，年份按巡察结束年份（${endYear}年）推定`;

  // Section 一: intro paragraphs, then （一）（二）… measures, each lead。text.
  const organisationHeading = paragraphs[one]?.text.replace(SECTION, '$2') ?? '';
  const organisationParagraphs = paragraphs.slice(one + 1, two);
  const firstMeasure = organisationParagraphs.findIndex((p) => SUBSECTION.test(p.text));
  if (firstMeasure < 0) throw new ImportError('section 一、 has no （一） measures', paragraphs[one]?.line);
  const organisationIntro = organisationParagraphs
    .slice(0, firstMeasure)
    .map((p) => p.text)
    .join('');
  const measures: Record<string, string>[] = [];
  for (const paragraph of organisationParagraphs.slice(firstMeasure)) {
    const match = SUBSECTION.exec(paragraph.text);
    if (match) {
      const body = match[2] ?? '';
      const cut = body.indexOf('。');
      measures.push({ ordinal: `（${match[1]}）`, lead: cut >= 0 ? body.slice(0, cut + 1) : body, text: cut >= 0 ? body.slice(cut + 1) : '' });
    } else {
      const last = measures[measures.length - 1];
      if (last) last['text'] = `${last['text']}${paragraph.text}`;
    }
  }
  measures.forEach((measure, index) => {
    if (parseChineseNumeral((measure['ordinal'] ?? '').slice(1, -1)) !== index + 1) {
      throw new ImportError(`organisation measure ${measure['ordinal']} is out of sequence`, organisationParagraphs[firstMeasure]?.line);
    }
  });

  // Section 二: （一）completed and （二）ongoing groups of numbered problems.
  const implementationHeading = paragraphs[two]?.text.replace(SECTION, '$2') ?? '';
  const implementation = paragraphs.slice(two + 1, three);
  const groupStarts = implementation.map((p, i) => (SUBSECTION.test(p.text) ? i : -1)).filter((i) => i >= 0);
  const completedStart = groupStarts.find((i) => /完成/u.test(implementation[i]?.text ?? ''));
  const ongoingStart = groupStarts.find((i) => /持续|正在/u.test(implementation[i]?.text ?? ''));
  if (completedStart === undefined) throw new ImportError('section 二、 has no （一）已整改完成的问题 group', paragraphs[two]?.line);
  if (ongoingStart === undefined) throw new ImportError('section 二、 has no （二）持续整改的问题 group', paragraphs[two]?.line);
  const issues: ParsedIssue[] = [];
  const reportYear = Number(/(\d{4})年/u.exec(paragraphs.at(-1)?.text ?? '')?.[1] ?? endYear);
  const readGroup = (status: ParsedIssue['status'], from: number, to: number) => {
    const group = implementation.slice(from + 1, to);
    const firstProblem = group.findIndex((p) => PROBLEM.test(p.text));
    if (firstProblem < 0)
      throw new ImportError(
        `the ${status === 'completed' ? '已整改完成' : '持续整改'} group has no numbered problems (N．关于…的整改)`,
        implementation[from]?.line,
      );
    const intro = group
      .slice(0, firstProblem)
      .map((p) => p.text)
      .join('');
    let expected = 1;
    for (const paragraph of group.slice(firstProblem)) {
      const match = PROBLEM.exec(paragraph.text);
      if (match) {
        const number = Number(match[1]);
        if (number !== expected) throw new ImportError(`problem numbering jumps: expected ${expected}．, found ${number}．`, paragraph.line);
        expected += 1;
        const problemTitle = (match[2] ?? '').trim();
        issues.push({
          status,
          number,
          title: problemTitle,
          shortTitle: proposeShortTitle(problemTitle),
          paragraphs: [],
          suggestedCommitments: [],
          line: paragraph.line,
        });
      } else {
        // A paragraph that opens no measure continues the measure before it: one paragraph per measure.
        const issue = issues.at(-1);
        const last = issue?.paragraphs.length ?? 0;
        if (issue && last > 0 && MEASURE_START.test(issue.paragraphs[0] ?? '') && !MEASURE_START.test(paragraph.text)) {
          issue.paragraphs[last - 1] = `${issue.paragraphs[last - 1]}${paragraph.text}`;
        } else {
          issue?.paragraphs.push(paragraph.text);
        }
      }
    }
    return { heading: implementation[from]?.text.replace(SUBSECTION, '$2') ?? '', intro };
  };
  const completed = readGroup('completed', completedStart, ongoingStart > completedStart ? ongoingStart : implementation.length);
  const ongoing = readGroup('ongoing', ongoingStart, ongoingStart > completedStart ? implementation.length : completedStart);
  for (const issue of issues) {
    if (issue.paragraphs.length === 0) throw new ImportError(`problem ${issue.number}． has no text`, issue.line);
    issue.suggestedCommitments = suggestCommitments(issue.paragraphs.join(''), reportYear);
  }

  // Section 三: plan paragraphs, then the contact paragraph, the signature and the date.
  const planHeading = paragraphs[three]?.text.replace(SECTION, '$2') ?? '';
  const rest = paragraphs.slice(three + 1);
  const dateIndex = rest.findIndex((p) => DATE_LINE.test(p.text));
  if (dateIndex < 0) throw new ImportError('no date line (YYYY年M月D日) after section 三、', paragraphs[three]?.line);
  const contactIndex = rest.findIndex((p) => /联系方式|联系电话|电子邮箱|欢迎广大/u.test(p.text));
  const planEnd = contactIndex >= 0 ? contactIndex : dateIndex;
  const plan = rest.slice(0, planEnd).map((p) => p.text);
  if (plan.length === 0) throw new ImportError('section 三、 has no plan text', paragraphs[three]?.line);
  const contactText = contactIndex >= 0 ? rest.slice(contactIndex, dateIndex).map((p) => p.text) : [];
  const signatureParagraphs = contactText.length > 1 ? contactText.slice(1) : [];
  const contactParagraph = contactText[0] ?? '';
  const dateMatch = DATE_LINE.exec(rest[dateIndex]?.text ?? '');
  const contact: Record<string, unknown> = { text: contactParagraph };
  const phone = /电话[：:]?\s*([\d-]{7,})/u.exec(contactParagraph)?.[1];
  const address = /(?:通讯|通信)?地址[：:]([^，；。]+)/u.exec(contactParagraph)?.[1];
  const postcode = /邮编[：:]?(\d{6})/u.exec(contactParagraph)?.[1];
  const email = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/u.exec(contactParagraph)?.[0];
  if (phone) contact['phone'] = phone;
  if (address) contact['address'] = address;
  if (postcode) contact['postcode'] = postcode;
  if (email) contact['email'] = email;
  if (contactIndex < 0) warnings.push(`line ${paragraphs[three]?.line}: no contact paragraph (联系方式) found after the plan`);

  // Dated meetings of section 一 for the timeline; the year is taken from the feedback where the text omits it.
  const events: Record<string, unknown>[] = [];
  for (const measure of measures) {
    const text = `${measure['lead']}${measure['text']}`;
    for (const match of text.matchAll(/(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:上午|下午)?，[^，。]*?召开([^，。]+)/gu)) {
      const event: Record<string, unknown> = {
        date: toDay(match[1] ?? feedbackYear, match[2] ?? '', match[3] ?? ''),
        label: `召开${match[4]}`,
        quote: match[0],
      };
      if (!match[1]) event['dateNote'] = `原文未写年份，按反馈年份（${feedbackYear}年）推定`;
      events.push(event);
    }
  }

  const declaredProblems = /(\d+)项(\d+)个问题/u.exec(organisationIntro + prefaceText);
  const declaredCompleted = /共计(\d+)个问题已整改完成/u.exec(completed.intro);
  const declaredOngoing = /共计(\d+)个问题正在整改/u.exec(ongoing.intro);
  if (!declaredProblems) warnings.push(`line ${paragraphs[one + 1]?.line}: no declared totals (…项…个问题) found`);
  if (!declaredCompleted) warnings.push(`line ${implementation[completedStart]?.line}: no declared count of completed problems (共计N个问题已整改完成)`);
  if (!declaredOngoing) warnings.push(`line ${implementation[ongoingStart]?.line}: no declared count of ongoing problems (共计N个问题正在整改)`);
  const countOf = (status: ParsedIssue['status']) => issues.filter((issue) => issue.status === status).length;
  // The line a total is printed on: the first paragraph of its section that states it.
  const lineOf = (from: readonly Paragraph[], pattern: RegExp, fallback: number | undefined) => from.find((p) => pattern.test(p.text))?.line ?? fallback;
  const declaredLines = {
    problems: lineOf(paragraphs.slice(0, two), /\d+项\d+个问题/u, paragraphs[one + 1]?.line),
    completed: lineOf(implementation.slice(completedStart), /共计\d+个问题已整改完成/u, implementation[completedStart]?.line),
    ongoing: lineOf(implementation.slice(ongoingStart), /共计\d+个问题正在整改/u, implementation[ongoingStart]?.line),
  };
  const checks = [
    { what: 'completed problems (已整改完成)', declared: declaredCompleted?.[1], found: countOf('completed'), line: declaredLines.completed },
    { what: 'ongoing problems (正在整改)', declared: declaredOngoing?.[1], found: countOf('ongoing'), line: declaredLines.ongoing },
    { what: 'problems in all (个问题)', declared: declaredProblems?.[2], found: issues.length, line: declaredLines.problems },
  ];
  for (const { what, declared, found, line } of checks) {
    if (declared !== undefined && Number(declared) !== found) {
      throw new ImportError(`声明数与解析数不符 the report declares ${declared} ${what} but ${found} were found`, line);
    }
  }

  const data: Record<string, unknown> = {
    title,
    issuer,
    date: toDay(dateMatch?.[1] ?? '', dateMatch?.[2] ?? '', dateMatch?.[3] ?? ''),
    inspection,
    declared: {
      items: Number(declaredProblems?.[1] ?? 0),
      problems: Number(declaredProblems?.[2] ?? issues.length),
      completed: Number(declaredCompleted?.[1] ?? countOf('completed')),
      ongoing: Number(declaredOngoing?.[1] ?? countOf('ongoing')),
    },
    preface,
    organisation: { heading: organisationHeading, intro: organisationIntro, measures },
    implementation: {
      heading: implementationHeading,
      completedHeading: completed.heading,
      completedIntro: completed.intro,
      ongoingHeading: ongoing.heading,
      ongoingIntro: ongoing.intro,
    },
    plan: { heading: planHeading, paragraphs: plan },
    contact,
    events,
  };
  const signature = signatureParagraphs.join('');
  if (signature) data['signature'] = signature;
  return { data, issues, warnings, declaredLines };
}
