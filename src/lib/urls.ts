/** Joins the site's base path and a path inside the site, e.g. ('/sub/', 'reports/x/') → '/sub/reports/x/'. */
export function withBase(base: string, path: string): string {
  const head = base.endsWith('/') ? base : `${base}/`;
  return `${head}${path.replace(/^\/+/u, '')}`;
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

/** The id of a problem's slide in its report's deck, so …/deck/#/<id> opens it. */
export function getDeckSlideId(slug: string): string {
  return `issue-${slug}`;
}

/** Path of a problem's slide inside the site. */
export function getDeckSlidePath(reportId: string, slug: string): string {
  return `${getDeckPath(reportId)}#/${getDeckSlideId(slug)}`;
}

/** Path of the ledger inside the site: all problems, or narrowed to one issuer (by its key) or one report. */
export function getLedgerPath(narrow: { issuerKey?: string; reportId?: string } = {}): string {
  if (narrow.reportId) return `ledger/report/${narrow.reportId}/`;
  if (narrow.issuerKey) return `ledger/issuer/${narrow.issuerKey}/`;
  return 'ledger/';
}
