// The text of a .docx, one paragraph per line, with Word's automatic list numbers written out: clerks' templates
// draw 一、 and （一） with a multilevel list, so the numbers live in numbering.xml, not in the paragraph text.
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';
import { formatChineseNumeral } from '#src/lib/sections.ts';

/** A node of fast-xml-parser's ordered output: one tag name → its children, plus ':@' → attributes. */
type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, parseTagValue: false });

const tagOf = (node: XmlNode) => Object.keys(node).find((key) => key !== ':@') ?? '';
const childrenOf = (node: XmlNode | undefined): XmlNode[] => (node ? ((node[tagOf(node)] as XmlNode[] | undefined) ?? []) : []);
const attr = (node: XmlNode | undefined, name: string) => node?.[':@']?.[name];
const find = (nodes: readonly XmlNode[], tag: string) => nodes.find((node) => tagOf(node) === tag);
const findAll = (nodes: readonly XmlNode[], tag: string) => nodes.filter((node) => tagOf(node) === tag);
const valOf = (nodes: readonly XmlNode[], tag: string) => attr(find(nodes, tag), 'w:val');

/** One level of a list: how its number is drawn. */
interface ListLevel {
  start: number;
  format: string;
  text: string;
  suffix: string;
  legal: boolean;
}

interface Numbering {
  /** abstractNumId → level → definition. */
  abstract: Map<string, Map<number, ListLevel>>;
  /** numId → its abstract list and the levels it restarts at. */
  nums: Map<string, { abstractId: string; starts: Map<number, number> }>;
}

const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';

function toRoman(value: number): string {
  const table: [number, string][] = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let rest = value;
  let out = '';
  for (const [amount, letters] of table) {
    while (rest >= amount) {
      out += letters;
      rest -= amount;
    }
  }
  return out;
}

const toLetters = (value: number) => String.fromCharCode(96 + (((value - 1) % 26) + 1)).repeat(Math.floor((value - 1) / 26) + 1);

/** Draws a counter in one of Word's number formats (ST_NumberFormat); unknown formats fall back to decimal. */
export function formatListNumber(value: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'japaneseCounting':
    case 'koreanCounting':
      return value >= 1 && value <= 99 ? formatChineseNumeral(value) : String(value);
    case 'ideographDigital':
      return String(value).replace(/\d/gu, (digit) => '〇一二三四五六七八九'[Number(digit)] ?? digit);
    case 'chineseLegalSimplified':
      if (value < 1 || value > 99) return String(value);
      return [...formatChineseNumeral(value)].map((char) => (char === '十' ? '拾' : (LEGAL_DIGITS['一二三四五六七八九'.indexOf(char) + 1] ?? char))).join('');
    case 'ideographTraditional':
      return HEAVENLY_STEMS[value - 1] ?? String(value);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(value).replace(/\d/gu, (digit) => String.fromCharCode(0xff10 + Number(digit)));
    case 'decimalZero':
      return String(value).padStart(2, '0');
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return value >= 1 && value <= 20 ? String.fromCodePoint(0x2460 + value - 1) : String(value);
    case 'decimalEnclosedParen':
      return `(${value})`;
    case 'lowerLetter':
      return toLetters(value);
    case 'upperLetter':
      return toLetters(value).toUpperCase();
    case 'lowerRoman':
      return toRoman(value);
    case 'upperRoman':
      return toRoman(value).toUpperCase();
    case 'none':
      return '';
    default:
      return String(value);
  }
}

function readNumbering(xml: string | undefined): Numbering {
  const numbering: Numbering = { abstract: new Map(), nums: new Map() };
  if (!xml) return numbering;
  const root = childrenOf(find(parser.parse(xml) as XmlNode[], 'w:numbering'));
  for (const abstractNum of findAll(root, 'w:abstractNum')) {
    const levels = new Map<number, ListLevel>();
    for (const level of findAll(childrenOf(abstractNum), 'w:lvl')) {
      const parts = childrenOf(level);
      levels.set(Number(attr(level, 'w:ilvl') ?? 0), {
        start: Number(valOf(parts, 'w:start') ?? 1),
        format: valOf(parts, 'w:numFmt') ?? 'decimal',
        text: valOf(parts, 'w:lvlText') ?? '',
        suffix: valOf(parts, 'w:suff') ?? 'tab',
        legal: find(parts, 'w:isLgl') !== undefined,
      });
    }
    numbering.abstract.set(attr(abstractNum, 'w:abstractNumId') ?? '', levels);
  }
  for (const num of findAll(root, 'w:num')) {
    const parts = childrenOf(num);
    const starts = new Map<number, number>();
    for (const override of findAll(parts, 'w:lvlOverride')) {
      const start = valOf(childrenOf(override), 'w:startOverride');
      if (start !== undefined) starts.set(Number(attr(override, 'w:ilvl') ?? 0), Number(start));
    }
    numbering.nums.set(attr(num, 'w:numId') ?? '', { abstractId: valOf(parts, 'w:abstractNumId') ?? '', starts });
  }
  return numbering;
}

/** The list a style puts its paragraphs in (through w:basedOn), by style id. */
function readStyleLists(xml: string | undefined): Map<string, { numId?: string; ilvl?: string; basedOn?: string }> {
  const styles = new Map<string, { numId?: string; ilvl?: string; basedOn?: string }>();
  if (!xml) return styles;
  for (const style of findAll(childrenOf(find(parser.parse(xml) as XmlNode[], 'w:styles')), 'w:style')) {
    const parts = childrenOf(style);
    const numPr = childrenOf(find(childrenOf(find(parts, 'w:pPr')), 'w:numPr'));
    const entry: { numId?: string; ilvl?: string; basedOn?: string } = {};
    const numId = valOf(numPr, 'w:numId');
    const ilvl = valOf(numPr, 'w:ilvl');
    const basedOn = valOf(parts, 'w:basedOn');
    if (numId !== undefined) entry.numId = numId;
    if (ilvl !== undefined) entry.ilvl = ilvl;
    if (basedOn !== undefined) entry.basedOn = basedOn;
    styles.set(attr(style, 'w:styleId') ?? '', entry);
  }
  return styles;
}

/** The visible text of a run container (a paragraph, hyperlink, inserted text…), deleted text left out. */
function readRunText(nodes: readonly XmlNode[]): string {
  let text = '';
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === '#text') continue;
    if (tag === 'w:t')
      text += childrenOf(node)
        .map((child) => String(child['#text'] ?? ''))
        .join('');
    else if (tag === 'w:tab') text += '\t';
    else if (tag === 'w:br' || tag === 'w:cr') text += attr(node, 'w:type') === 'page' ? '' : '\n';
    else if (tag === 'w:noBreakHyphen') text += '-';
    else if (tag === 'w:del' || tag === 'w:pPr' || tag === 'w:rPr' || tag === 'w:instrText' || tag === 'w:delText') continue;
    else text += readRunText(childrenOf(node));
  }
  return text;
}

/** The most a part of a .docx may inflate to: a long report's document.xml is a few MB; a zip bomb is gigabytes. */
export const MAX_PART_BYTES = 64 * 1024 * 1024;

/** A part of the archive as text, inflated piece by piece and abandoned once it grows past MAX_PART_BYTES. */
function readPart(zip: JSZip, name: string): Promise<string | undefined> {
  const entry = zip.file(name);
  if (!entry) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stream = entry.nodeStream('nodebuffer');
    stream
      .on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_PART_BYTES) {
          stream.pause();
          stream.removeAllListeners('data');
          reject(new Error(`${name} inflates to more than ${MAX_PART_BYTES / 1024 / 1024} MB: not a report (a zip bomb?)`));
          return;
        }
        chunks.push(chunk);
      })
      .on('error', reject)
      .on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

/** Extracts the text of a .docx: one line per paragraph (tables included, in order), list numbers written out. */
export async function extractDocxText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const document = await readPart(zip, 'word/document.xml');
  if (!document) throw new Error('word/document.xml missing: not a Word document');
  const numbering = readNumbering(await readPart(zip, 'word/numbering.xml'));
  const styles = readStyleLists(await readPart(zip, 'word/styles.xml'));
  const counters = new Map<string, number[]>();
  const startedNums = new Set<string>();

  const listOf = (pPr: readonly XmlNode[]): { numId: string; ilvl: number } | undefined => {
    const numPr = childrenOf(find(pPr, 'w:numPr'));
    let numId = valOf(numPr, 'w:numId');
    let ilvl = valOf(numPr, 'w:ilvl');
    // A heading style may carry the list; its own ilvl counts where the paragraph gives none.
    for (let style = valOf(pPr, 'w:pStyle'), depth = 0; style !== undefined && depth < 10 && (numId === undefined || ilvl === undefined); depth += 1) {
      const entry = styles.get(style);
      numId ??= entry?.numId;
      ilvl ??= entry?.ilvl;
      style = entry?.basedOn;
    }
    if (numId === undefined || numId === '0') return undefined;
    return { numId, ilvl: Number(ilvl ?? 0) };
  };

  const numberFor = (numId: string, ilvl: number): string => {
    const num = numbering.nums.get(numId);
    const levels = num ? numbering.abstract.get(num.abstractId) : undefined;
    const level = levels?.get(ilvl);
    if (!num || !levels || !level) return '';
    const counter = counters.get(num.abstractId) ?? [];
    if (!startedNums.has(numId)) {
      // A w:num with startOverride restarts the list from that level; one without continues the abstract list.
      const restart = Math.min(...num.starts.keys());
      if (Number.isFinite(restart)) counter.length = Math.min(counter.length, restart);
      startedNums.add(numId);
    }
    const startOf = (at: number) => num.starts.get(at) ?? levels.get(at)?.start ?? 1;
    // A level used before its parents counts them as started: LibreOffice writes a list restarted at （一） as a
    // second list whose level 0 then reads 二、, as Word and LibreOffice both draw it.
    for (let parent = 0; parent < ilvl; parent += 1) counter[parent] ??= startOf(parent);
    counter[ilvl] = (counter[ilvl] ?? startOf(ilvl) - 1) + 1;
    // Deeper levels start again under a new number (Word's default w:lvlRestart).
    counter.length = ilvl + 1;
    counters.set(num.abstractId, counter);
    const label = level.text.replace(/%(\d)/gu, (_whole, digit: string) => {
      const at = Number(digit) - 1;
      const definition = levels.get(at);
      const value = counter[at] ?? startOf(at);
      return formatListNumber(value, level.legal ? 'decimal' : (definition?.format ?? 'decimal'));
    });
    return label + (level.suffix === 'space' ? ' ' : '');
  };

  const lines: string[] = [];
  const walk = (nodes: readonly XmlNode[]) => {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === 'w:p') {
        const parts = childrenOf(node);
        const text = readRunText(parts);
        const list = listOf(childrenOf(find(parts, 'w:pPr')));
        // An empty numbered paragraph draws no number in Word's output either way; skipping keeps the count right.
        const number = list && text.trim().length > 0 ? numberFor(list.numId, list.ilvl) : '';
        lines.push(`${number}${text}`);
      } else if (tag !== '#text' && tag !== 'w:sectPr') {
        walk(childrenOf(node));
      }
    }
  };
  walk(childrenOf(find(childrenOf(find(parser.parse(document) as XmlNode[], 'w:document')), 'w:body')));
  // One paragraph per line, separated by blank lines, as Word's own plain-text export does.
  return lines.map((line) => line.replace(/\n/gu, ' ')).join('\n\n');
}
