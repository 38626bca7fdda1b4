// A problem's printed title and the forms derived from it: the problem in the report's words for slides,
// and the short title the importer proposes.

const PREFIX = /^关于/u;
const SUFFIX = /(?:问题)?的整改[。.]?$/u;

/** The problem as printed, without the frame “关于……（问题）的整改。”, e.g. 自主创新广场缺乏代表性高新技术企业入驻. */
export function getPrintedProblem(title: string): string {
  const matter = title.trim().replace(PREFIX, '').replace(SUFFIX, '').trim();
  return matter.length > 0 ? matter : title.trim();
}

/** The longest short title the schema allows (issue.shortTitle). */
export const SHORT_TITLE_MAX = 20;

// Where a phrase may end inside a title: after punctuation, or before a particle or verb that opens a new phrase.
const PHRASE_END = /[，、；：）”》]/u;
const PHRASE_BREAK_BEFORE = /^(?:的|和|及|与|并|等|中|上|方面|工作|问题|不够|不足|不到位|不力|不强|不严|不实|缺乏|存在|有待)/u;

/**
 * Proposes a short title from a printed title: the problem in its own words when it has at most 20 characters;
 * otherwise the longest opening that ends on a whole phrase (at punctuation or before a particle such as 的),
 * never cut mid-word and never marked with “…”. An editor may always write a better one.
 */
export function proposeShortTitle(title: string): string {
  const matter = getPrintedProblem(title).replace(/[。.]$/u, '');
  const chars = [...matter];
  if (chars.length <= SHORT_TITLE_MAX) return matter;
  for (let end = SHORT_TITLE_MAX; end >= 4; end -= 1) {
    const head = chars.slice(0, end).join('');
    const next = chars.slice(end).join('');
    if (PHRASE_END.test(chars[end] ?? '') || PHRASE_BREAK_BEFORE.test(next)) return head.replace(/[，、；：（“《]+$/u, '');
  }
  // No phrase boundary in reach: the first clause before any punctuation, still whole words of the title.
  return chars.slice(0, SHORT_TITLE_MAX).join('').split(/[，、；：]/u)[0] ?? chars.slice(0, SHORT_TITLE_MAX).join('');
}
