// Text normalisation in one place: the data layer, the search (index and client), the importer and the tests
// all compare text by these rules.

const HAN = '\\p{Script=Han}';
const CJK_PUNCT = '\\u3000-\\u303f\\uff00-\\uffef\\u2018-\\u201f\\u2026\\u2014';
const CJK = `${HAN}${CJK_PUNCT}`;
/** Zero-width characters: spaces, joiners, word joiner and BOM. Invisible, so never part of what text says. */
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/gu;
const ONE_ZERO_WIDTH = /^[\u200b-\u200d\u2060\ufeff]$/u;
const ONE_SPACE = /^\s$/u;
const ONE_PUNCT = /^[\p{P}\p{S}]$/u;
/** Punctuation that carries meaning in figures (4035.4, 12%), so matching keeps it. */
const ONE_KEPT = /^[.%]$/u;

/** Whether a single character is a zero-width character. */
export function isZeroWidth(char: string): boolean {
  return ONE_ZERO_WIDTH.test(char);
}

/** Removes every zero-width character. */
export function stripZeroWidth(text: string): string {
  return text.replace(ZERO_WIDTH, '');
}

/** Removes every whitespace and zero-width character: how the source and the collection are compared. */
export function stripWhitespace(text: string): string {
  return stripZeroWidth(text).replace(/\s+/gu, '');
}

/**
 * Removes the spaces a PDF extraction puts beside Chinese text (2021年 7月, 苏 E2C606, 意见 建议),
 * keeping a space between two Chinese phrases only inside “…” quotes, where the source prints one.
 */
export function compactChineseSpacing(text: string): string {
  const parts = text.split(/(“[^“”]*”)/u);
  return parts
    .map((part, index) => {
      const quoted = index % 2 === 1;
      let out = part.replace(/\s+/gu, ' ');
      out = out.replace(new RegExp(`(?<=[${CJK_PUNCT}]) | (?=[${CJK_PUNCT}])`, 'gu'), '');
      out = out.replace(new RegExp(`(?<=[${HAN}]) (?=[^${CJK}])|(?<=[^${CJK}]) (?=[${HAN}])`, 'gu'), '');
      if (!quoted) out = out.replace(new RegExp(`(?<=[${HAN}]) (?=[${HAN}])`, 'gu'), '');
      return out;
    })
    .join('')
    .trim();
}

/** Whether matching ignores a character: whitespace, zero-width characters and punctuation other than . and %. */
export function isIgnoredForMatch(char: string): boolean {
  return isZeroWidth(char) || ONE_SPACE.test(char) || (ONE_PUNCT.test(char) && !ONE_KEPT.test(char));
}

/** Normalises text for matching a search query: no whitespace, zero-width characters or punctuation, lower case. */
export function normalizeForMatch(text: string): string {
  let out = '';
  for (const char of text) if (!isIgnoredForMatch(char)) out += char;
  return out.toLowerCase();
}

const MDX_SPECIAL = /[\\{}<>*_[\]#`~|]/gu;

/** Escapes characters that MDX would read as syntax, so prose stays prose. */
export function escapeMdx(text: string): string {
  return text.replace(MDX_SPECIAL, (char) => `\\${char}`);
}

/** Splits text into sentences ending in 。！？； (the closing mark stays with its sentence). */
export function splitSentences(text: string): string[] {
  return (text.match(/[^。！？；]+[。！？；]?[”’）」]?/gu) ?? []).map((s) => s.trim()).filter((s) => s.length > 0);
}

/** A title as compared across reports: without whitespace, zero-width characters or punctuation. */
export function normalizeTitle(text: string): string {
  return stripWhitespace(text).replace(/[\p{P}\p{S}]/gu, '');
}
