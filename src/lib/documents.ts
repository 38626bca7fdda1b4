import type { IssueEntry } from './entries.ts';
import { getBodyText } from './measures.ts';
import { listReportIssues } from './order.ts';

/** A document the report cites: a 《title》, a document number such as 苏科规〔2022〕1号, or both together. */
export interface CitedDocument {
  /** Stable key for anchors and de-duplication. */
  key: string;
  /** The title without its 《》, when cited by title. */
  title: string | null;
  /** The document number (文号), when given. */
  number: string | null;
  /** Ids of the problems citing it, in report order. */
  citedBy: string[];
}

const TITLE = /《([^《》]+)》/gu;
const NUMBER = /([\u4e00-\u9fa5]+)(〔\d{4}〕\d+号)/gu;

/** A document number's issuer prefix is short (苏科规, 国办发); a longer run of Chinese before it is prose. */
function trimNumberPrefix(prefix: string): string {
  return prefix.length <= 4 ? prefix : prefix.slice(-3);
}

/** Finds the documents one text cites; a number in （…） right after a title belongs to that title. */
export function findCitations(text: string): { title: string | null; number: string | null }[] {
  const found: { title: string | null; number: string | null; at: number; end: number }[] = [];
  for (const match of text.matchAll(TITLE)) {
    const end = (match.index ?? 0) + match[0].length;
    const after = /^（([^（）]*?〔\d{4}〕\d+号)）/u.exec(text.slice(end));
    found.push({ title: match[1] ?? null, number: after?.[1] ?? null, at: match.index ?? 0, end: end + (after?.[0].length ?? 0) });
  }
  for (const match of text.matchAll(NUMBER)) {
    const prefix = trimNumberPrefix(match[1] ?? '');
    const at = (match.index ?? 0) + (match[1] ?? '').length - prefix.length;
    if (!found.some((citation) => at >= citation.at && at < citation.end)) {
      found.push({ title: null, number: `${prefix}${match[2]}`, at, end: at + prefix.length + (match[2] ?? '').length });
    }
  }
  return found.sort((a, b) => a.at - b.at).map(({ title, number }) => ({ title, number }));
}

/** A key that identifies a document whether it is cited by title, number or both. */
export function getDocumentKey(citation: { title: string | null; number: string | null }): string {
  return citation.number ?? `《${citation.title ?? ''}》`;
}

/** Every document the given problems cite, each with the problems citing it, ordered by first citation. A title cited once with its number and once without is one document. */
export function listCitedDocuments(issues: readonly IssueEntry[]): CitedDocument[] {
  const reportIds = [...new Set(issues.map((issue) => issue.data.report))];
  const ordered = reportIds.flatMap((reportId) => listReportIssues(reportId, issues));
  const citations = ordered.map((issue) => ({ issue, found: findCitations(getBodyText(issue.body)) }));
  const numberOfTitle = new Map<string, string>();
  for (const { found } of citations) {
    for (const citation of found) if (citation.title && citation.number) numberOfTitle.set(citation.title, citation.number);
  }
  const byKey = new Map<string, CitedDocument>();
  for (const { issue, found } of citations) {
    for (const citation of found) {
      const number = citation.number ?? (citation.title ? (numberOfTitle.get(citation.title) ?? null) : null);
      const key = getDocumentKey({ title: citation.title, number });
      const document = byKey.get(key) ?? { key, title: citation.title, number, citedBy: [] };
      document.title ??= citation.title;
      if (!document.citedBy.includes(issue.id)) document.citedBy.push(issue.id);
      byKey.set(key, document);
    }
  }
  return [...byKey.values()];
}

/**
 * The documents one problem cites, in the order it cites them. Given the archive's index (listCitedDocuments), each
 * takes its key there: a title cited bare takes the entry the index filed it under, with the number cited elsewhere.
 */
export function listIssueDocuments(
  issue: IssueEntry,
  documents: readonly CitedDocument[] = [],
): { key: string; title: string | null; number: string | null }[] {
  const seen = new Set<string>();
  const keys = new Set(documents.map((document) => document.key));
  const indexKeyOf = (key: string, title: string | null) =>
    keys.has(key) || !title ? key : (documents.find((document) => document.title === title && document.citedBy.includes(issue.id))?.key ?? key);
  return findCitations(getBodyText(issue.body))
    .map((citation) => ({ key: indexKeyOf(getDocumentKey(citation), citation.title), ...citation }))
    .filter((citation) => {
      if (seen.has(citation.key)) return false;
      seen.add(citation.key);
      return true;
    });
}
