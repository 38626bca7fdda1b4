// A problem's status in the words a report states it: a group heading (已整改完成的问题), a field line
// (整改状态：完成) or a closing phrase of its body (目前，该问题已整改完成). Three values: completed (已完成整改,
// 已整改到位, 完成), ongoing (正在整改, 阶段性完成, 基本完成, 持续推进) and long-term (需长期坚持, 长期坚持, 常态推进).
import { MEASURE_START, STATUS_LINE } from '#src/import/patterns.ts';
import type { IssueStatus } from '#src/schemas/issue.ts';

/** The status a short phrase names (the value of a 整改状态 line, a group heading), or undefined. */
export function classifyStatusWords(words: string): IssueStatus | undefined {
  if (/长期|常态/u.test(words)) return 'longTerm';
  if (/阶段性|基本|持续|正在|未完成|尚未|推进中|整改中|进行中/u.test(words)) return 'ongoing';
  if (/完成|到位|办结|销号|完毕|已整改|已解决/u.test(words)) return 'completed';
  return undefined;
}

/** The status a group heading states (（一）已整改完成的问题, （三）需长期坚持的问题), or undefined for other headings. */
export function readGroupStatus(heading: string): IssueStatus | undefined {
  const text = heading.replace(/[（(][^）)]*[）)]$/u, '');
  if (text.length > 24 || /[。，；]/u.test(text)) return undefined;
  // A status group names its problems (…的问题, …事项) by how far their rectification has come.
  if (!/(?:问题|事项|任务|情况)$/u.test(text)) return undefined;
  if (/^(?:关于|在)/u.test(text)) return undefined;
  if (!/完成|到位|持续|正在|长期|常态|未完成|推进|办结|销号|整改中/u.test(text)) return undefined;
  return classifyStatusWords(text);
}

/** A 整改状态：完成 line (or the opening of a paragraph): its words and status, and the text after it. */
export function readStatusLine(text: string): { words: string; status: IssueStatus; rest: string } | undefined {
  const match = STATUS_LINE.exec(text);
  // 整改情况：一是… opens measures, not a status.
  if (!match || MEASURE_START.test(match[2] ?? '')) return undefined;
  const status = classifyStatusWords(match[2] ?? '');
  if (!status) return undefined;
  return { words: match[1] ?? '', status, rest: text.slice(match[0].length).trim() };
}

/** A status stated by a closing phrase: the status, the words (verbatim, within one paragraph) and the paragraph. */
export interface PhraseStatus {
  status: IssueStatus;
  words: string;
  /** Index of the paragraph (within the body given) that holds the words. */
  paragraph: number;
}

// Each phrase with the status it states; `marked` phrases also occur as plain verbs in measures (持续推进…建设),
// so they count only in a sentence that speaks of the problem's state (该问题, 目前, 截至目前).
const PHRASES: readonly { status: IssueStatus; pattern: RegExp; marked?: true }[] = [
  {
    status: 'longTerm',
    pattern:
      /需(?:要)?长期坚持|长期坚持[、，,]\s*常态(?:化)?推进|常态(?:化)?推进|属于?长期(?:整改|坚持|推进)(?:的)?(?:事项|问题|任务)?|需(?:要)?长期(?:推进|整改)/gu,
  },
  { status: 'longTerm', pattern: /长期坚持/gu, marked: true },
  {
    status: 'ongoing',
    pattern:
      /正在(?:推进|持续)?整改|整改(?:工作)?(?:正在|仍在)推进|仍在整改|(?:正在|仍在)推进(?:中|整改)?|整改中|阶段性(?:完成|成效|进展)|基本(?:整改)?(?:完成|到位)|尚未(?:全部|完全)?(?:完成|到位)|未(?:全部)?完成整改/gu,
  },
  { status: 'ongoing', pattern: /持续推进|持续整改/gu, marked: true },
  {
    status: 'completed',
    pattern:
      /已(?:全面|全部|彻底)?(?:完成整改|整改完成|整改到位|整改完毕|整改落实到位|办结|销号|完成|解决)|整改(?:工作)?(?:已)?(?:全面|全部)?(?:完成|到位|完毕)|(?:完成|通过)(?:整改)?(?:验收|销号)/gu,
  },
];

const STRONG_MARK = /该问题|此问题|本问题|该项问题|此项问题|该项工作|上述问题|问题已|整改状态/u;
const MARK = /目前|截至|截止|至此|现已|当前|已于/u;
const FUTURE = /^(?:下一步|下步|今后|接下来|同时，?(?:将|我)|将)/u;

/** The sentences of a paragraph with their offsets. */
function listSentences(text: string): { text: string; at: number }[] {
  const sentences: { text: string; at: number }[] = [];
  const pattern = /[^。！？；]+[。！？；]?[”’）」]?/gu;
  for (const match of text.matchAll(pattern)) sentences.push({ text: match[0], at: match.index });
  return sentences;
}

/**
 * Finds the closing phrase that states a problem's status in its body (the last paragraphs, where reports close a
 * problem: 目前，该问题已整改完成 / 该问题正在整改 / 取得阶段性成效，持续推进). A sentence that speaks of the problem's
 * state (该问题, 目前) outweighs one that does not, a later one an earlier one, and a sentence of what is still to be
 * done (下一步，将…) states no status. Returns undefined where the body states none.
 */
export function findClosingPhrase(body: readonly string[]): PhraseStatus | undefined {
  let best: (PhraseStatus & { weight: number; order: number }) | undefined;
  let order = 0;
  // The closing paragraph, and the one before it where the last is a 下一步 paragraph or a short remark.
  const from = Math.max(0, body.length - 2);
  for (let paragraph = from; paragraph < body.length; paragraph += 1) {
    const text = body[paragraph] ?? '';
    const sentences = listSentences(text);
    sentences.forEach((sentence, position) => {
      order += 1;
      if (FUTURE.test(sentence.text.trim())) return;
      const last = paragraph === body.length - 1 && position === sentences.length - 1;
      const weight = STRONG_MARK.test(sentence.text) ? 3 : MARK.test(sentence.text) ? 2 : last ? 1 : 0;
      if (weight === 0) return;
      // Within one sentence a long-term or ongoing phrase outweighs a completed one (已基本整改完成 is ongoing).
      const found: { status: IssueStatus; index: number; length: number }[] = [];
      for (const { status, pattern, marked } of PHRASES) {
        if (marked && weight < 2) continue;
        for (const match of sentence.text.matchAll(pattern)) found.push({ status, index: match.index, length: match[0].length });
      }
      if (found.length === 0) return;
      const rank = (status: IssueStatus) => (status === 'longTerm' ? 3 : status === 'ongoing' ? 2 : 1);
      let status = found.reduce((top, entry) => (rank(entry.status) > rank(top) ? entry.status : top), found[0]?.status ?? 'completed');
      // A weak long-term phrase beside a completed one (已整改完成，并将长期坚持) is a promise, not the status.
      if (status === 'longTerm' && found.some((entry) => entry.status === 'completed') && !/需(?:要)?长期|常态/u.test(sentence.text)) status = 'completed';
      const same = found.filter((entry) => entry.status === status).sort((a, b) => a.index - b.index);
      const firstMatch = same[0];
      const lastMatch = same.at(-1);
      if (!firstMatch || !lastMatch) return;
      const words = quoteClause(sentence.text, firstMatch.index, lastMatch.index + lastMatch.length);
      if (!best || weight > best.weight || (weight === best.weight && order > best.order)) {
        best = { status, words, paragraph, weight, order };
      }
    });
  }
  if (!best) return undefined;
  return { status: best.status, words: best.words, paragraph: best.paragraph };
}

/**
 * The clauses that hold the phrases from `from` to `to`: from the clause of the first (and a short clause before it
 * such as 目前，) to the end of the clause of the last, e.g. 目前，该问题已整改完成 or 该项工作取得阶段性成效，持续推进.
 */
function quoteClause(sentence: string, from: number, to: number): string {
  const head = sentence.slice(0, from);
  const commas = [...head.matchAll(/[，,、]/gu)].map((match) => match.index);
  let start = (commas.at(-1) ?? -1) + 1;
  const before = commas.at(-2) ?? -1;
  if (start > 0 && start - 1 - (before + 1) <= 6) start = before + 1;
  const tail = sentence.slice(to);
  const stop = tail.search(/[，。；！？,;]/u);
  const end = to + (stop >= 0 ? stop : tail.length);
  return sentence
    .slice(start, end)
    .replace(/[”’）」]+$/u, '')
    .trim();
}
