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
const NUMBER = /[\u4e00-\u9fa5]{1,8}〔\d{4}〕\d+号/gu;

/** Finds the documents one text cites; a number in （…） right after a title belongs to that title. */
export function findCitations(text: string): { title: string | null; number: string | null }[] {
  const found: { title: string | null; number: string | null; at: number; end: number }[] = [];
  for (const match of text.matchAll(TITLE)) {
    const end = (match.index ?? 0) + match[0].length;
    const after = /^（([^（）]*?〔\d{4}〕\d+号)）/u.exec(text.slice(end));
    found.push({ title: match[1] ?? null, number: after?.[1] ?? null, at: match.index ?? 0, end: end + (after?.[0].length ?? 0) });
  }
  for (const match of text.matchAll(NUMBER)) {
    const at = match.index ?? 0;
    if (!found.some((citation) => at >= citation.at && at < citation.end)) {
      found.push({ title: null, number: match[0], at, end: at + match[0].length });
    }
  }
  return found.sort((a, b) => a.at - b.at).map(({ title, number }) => ({ title, number }));
}

/** A key that identifies a document whether it is cited by title, number or both. */
export function getDocumentKey(citation: { title: string | null; number: string | null }): string {
  return citation.number ?? `《${citation.title ?? ''}》`;
}

/** Every document the given problems cite, each with the problems citing it, ordered by first citation. */
export function listCitedDocuments(issues: readonly IssueEntry[]): CitedDocument[] {
  const byKey = new Map<string, CitedDocument>();
  const reportIds = [...new Set(issues.map((issue) => issue.data.report))];
  const ordered = reportIds.flatMap((reportId) => listReportIssues(reportId, issues));
  for (const issue of ordered) {
    for (const citation of findCitations(getBodyText(issue.body))) {
      const key = getDocumentKey(citation);
      const document = byKey.get(key) ?? { key, title: citation.title, number: citation.number, citedBy: [] };
      document.title ??= citation.title;
      if (!document.citedBy.includes(issue.id)) document.citedBy.push(issue.id);
      byKey.set(key, document);
    }
  }
  return [...byKey.values()];
}

/** The documents one problem cites, in the order it cites them. */
export function listIssueDocuments(issue: IssueEntry): { key: string; title: string | null; number: string | null }[] {
  const seen = new Set<string>();
  return findCitations(getBodyText(issue.body))
    .map((citation) => ({ key: getDocumentKey(citation), ...citation }))
    .filter((citation) => (seen.has(citation.key) ? false : (seen.add(citation.key), true)));
}
