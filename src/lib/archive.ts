// Pure helpers for the archive's list pages and cross-links; they take entries as arguments.
import type { CitedDocument } from './documents.ts';

/** How many rows a paginated list page shows, so no page grows with the archive. */
export const LIST_PAGE_SIZE = 50;

/** Path of page `page` (1-based) of a paginated list such as documents/ or commitments/. */
export function getListPagePath(section: string, page: number): string {
  return page <= 1 ? `${section}/` : `${section}/${page}/`;
}

/** The 1-based list page on which the item at `index` (0-based) appears. */
export function getListPageOf(index: number, size: number = LIST_PAGE_SIZE): number {
  return Math.floor(index / size) + 1;
}

/** A stable 8-digit hex hash of a text (FNV-1a), for ASCII ids of Chinese keys. */
function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** A stable ASCII anchor id for a document key, since keys hold 〔〕《》 that make awkward fragments. */
export function getDocumentAnchorId(key: string): string {
  return `doc-${hashText(key)}`;
}

/** A stable ASCII key for an issuing body (发文机关), for its path in the ledger, e.g. issuer-1a2b3c4d. */
export function getIssuerKey(issuer: string): string {
  return `issuer-${hashText(issuer)}`;
}

/** Path (with anchor) of a document's entry in the paginated document index; an error for a document the index lacks. */
export function getDocumentEntryPath(key: string, documents: readonly CitedDocument[], size: number = LIST_PAGE_SIZE): string {
  const index = documents.findIndex((document) => document.key === key);
  if (index < 0) throw new Error(`getDocumentEntryPath: the document index has no document ${key} (${documents.length} documents listed)`);
  return `${getListPagePath('documents', getListPageOf(index, size))}#${getDocumentAnchorId(key)}`;
}

/** A document's display name: its title in 《》, its number, or both. */
export function formatDocumentName(document: { title: string | null; number: string | null }): string {
  if (document.title && document.number) return `《${document.title}》（${document.number}）`;
  return document.title ? `《${document.title}》` : (document.number ?? '');
}
