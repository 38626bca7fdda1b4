// Site paths, and the one place the base path is read (as in Starlight's utils/base.ts). Vite replaces
// import.meta.env.BASE_URL in pages, client scripts and tests alike ('/' under Vitest); plain Node has no env.

function stripLeadingSlash(path: string): string {
  return path.replace(/^\/+/u, '');
}

function stripTrailingSlash(path: string): string {
  return path.replace(/\/+$/u, '');
}

/** The configured base without its trailing slash: '' at the root, '/archive' under a sub-path. */
const base = stripTrailingSlash(import.meta.env?.BASE_URL ?? '/');

/** A base path as given (BASE_PATH, Astro's config.base, a built page's data-deck-base) in the form /x/y/, or /. */
export function normalizeBase(given = '/'): string {
  const inner = stripTrailingSlash(stripLeadingSlash(given));
  return inner ? `/${inner}/` : '/';
}

/** The public address of a site path when the site is published at `siteUrl` (its origin) under `basePath`. */
export function getPublicUrl(siteUrl: string, basePath: string, sitePath: string): string {
  return new URL(stripLeadingSlash(sitePath), new URL(normalizeBase(basePath), siteUrl)).href;
}

/** A root-relative URL path with the site's base prefixed: 'reports/x/' → '/archive/reports/x/'; '' → the base itself, with its slash. */
export function pathWithBase(path: string): string {
  const inner = stripLeadingSlash(path);
  return inner ? `${base}/${inner}` : `${base}/`;
}

/** Path of a report's page inside the site. */
export function getReportPath(reportId: string): string {
  return `reports/${reportId}/`;
}

/** Path of a problem's page inside the site. */
export function getIssuePath(reportId: string, slug: string): string {
  return `reports/${reportId}/issues/${slug}/`;
}

/** Path of a report's deck inside the site. */
export function getDeckPath(reportId: string): string {
  return `reports/${reportId}/deck/`;
}

/** Path of a report's brief deck (the brief form of its deck) inside the site. */
export function getBriefDeckPath(reportId: string): string {
  return `${getDeckPath(reportId)}brief/`;
}

/** Path of a deck across reports (slides/decks/<name>.yaml) inside the site. */
export function getCrossDeckPath(name: string): string {
  return `decks/${name}/`;
}

/** The id of a problem's slide in its report's deck, so …/deck/#/<id> opens it. */
export function getDeckSlideId(slug: string): string {
  return `issue-${slug}`;
}

/** Path of a problem's slide inside the site. */
export function getDeckSlidePath(reportId: string, slug: string): string {
  return `${getDeckPath(reportId)}#/${getDeckSlideId(slug)}`;
}

/** Path of the search page inside the site. */
export function getSearchPath(): string {
  return 'search/';
}

/** Path of the ledger inside the site: all problems, or narrowed to one issuer (by its key) or one report. */
export function getLedgerPath(narrow: { issuerKey?: string; reportId?: string } = {}): string {
  if (narrow.reportId) return `ledger/report/${narrow.reportId}/`;
  if (narrow.issuerKey) return `ledger/issuer/${narrow.issuerKey}/`;
  return 'ledger/';
}

/** Path of a report's source document inside the site: beside the report's page. */
export function getReportSourcePath(reportId: string, fileName: string): string {
  return `${getReportPath(reportId)}${fileName}`;
}
