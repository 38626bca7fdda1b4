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

// Where a phrase may end inside a title: after punctuation, or before a particle or word that opens a new phrase.
const PHRASE_END = /[，、；：）”》]/u;
const PHRASE_BREAK_BEFORE = /^(?:的|和|及|与|并|等|中|上|方面|工作|问题|不够|不足|不到位|不力|不强|不严|不实|缺乏|存在|有待)/u;
/** A phrase boundary is used only if it keeps at least this many characters; else word boundaries decide. */
const MIN_PHRASE = 6;

/** Word boundaries (character offsets) of a Chinese text, with whether the words on both sides have two or more characters. */
function listWordBoundaries(text: string): { at: number; solid: boolean }[] {
  const words = [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(text)].map((part) => [...part.segment].length);
  const boundaries: { at: number; solid: boolean }[] = [];
  let at = 0;
  words.forEach((length, index) => {
    at += length;
    const next = words[index + 1];
    if (next !== undefined) boundaries.push({ at, solid: length >= 2 && next >= 2 });
  });
  return boundaries;
}

/**
 * Proposes a short title from a printed title: the problem in its own words when it has at most 20 characters;
 * otherwise the longest opening that ends on a whole phrase (at punctuation or before a particle such as 的 or 和),
 * else on a word boundary (Intl.Segmenter's Chinese words, preferring one between two words of two or more
 * characters). Never cut mid-word by design and never marked with “…”. An editor may always write a better one.
 */
export function proposeShortTitle(title: string): string {
  const matter = getPrintedProblem(title).replace(/[。.]$/u, '');
  const chars = [...matter];
  if (chars.length <= SHORT_TITLE_MAX) return matter;
  const head = (end: number) =>
    chars
      .slice(0, end)
      .join('')
      .replace(/[，、；：（“《]+$/u, '');
  for (let end = SHORT_TITLE_MAX; end >= MIN_PHRASE; end -= 1) {
    if (PHRASE_END.test(chars[end] ?? '') || PHRASE_BREAK_BEFORE.test(chars.slice(end).join(''))) return head(end);
  }
  const boundaries = listWordBoundaries(matter).filter((boundary) => boundary.at <= SHORT_TITLE_MAX);
  const best = boundaries.filter((boundary) => boundary.solid).at(-1) ?? boundaries.at(-1);
  return head(best?.at ?? SHORT_TITLE_MAX);
}
