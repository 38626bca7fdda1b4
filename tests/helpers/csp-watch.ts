// Watches a browser context for Content Security Policy violations, page errors and requests to other origins,
// on every page it opens (popups and frames included).
import type { BrowserContext } from 'playwright-core';

/** What a watched context saw; the arrays fill while the context lives. */
export interface Watch {
  /** securitypolicyviolation events ("directive blockedURI @ page") and console messages about the CSP. */
  violations: string[];
  /** Uncaught errors in any page. */
  errors: string[];
  /** Requests whose URL is not allowed by `isOwn`. */
  foreign: string[];
  /** Every request URL, in order. */
  requests: string[];
  /** Console messages of every page (type: text). */
  console: string[];
}

/**
 * Starts watching `context`. Violations are caught twice: by a `securitypolicyviolation` listener installed
 * before any page script (reported through a binding, so nothing is lost on navigation) and by Chromium's own
 * console report, which also covers documents written by document.write() (that call drops earlier listeners).
 */
export async function watchContext(context: BrowserContext, isOwn: (url: string) => boolean): Promise<Watch> {
  const watch: Watch = { violations: [], errors: [], foreign: [], requests: [], console: [] };
  await context.exposeBinding('__reportCspViolation', (source, text: string) => {
    watch.violations.push(`${text} @ ${source.frame.url()}`);
  });
  await context.addInitScript(() => {
    const report = (event: SecurityPolicyViolationEvent) =>
      (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation(
        `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} (${event.sourceFile}:${event.lineNumber})`,
      );
    document.addEventListener('securitypolicyviolation', report, true);
  });
  context.on('console', (message) => {
    const text = message.text();
    watch.console.push(`${message.type()}: ${text}`);
    if (/Content Security Policy/iu.test(text)) watch.violations.push(`console: ${text}`);
  });
  context.on('weberror', (error) => watch.errors.push(String(error.error())));
  context.on('request', (request) => {
    const url = request.url();
    watch.requests.push(url);
    if (!isOwn(url)) watch.foreign.push(url);
  });
  return watch;
}

/** An isOwn for a site served from `origin` (data: URIs are the page's own bytes). */
export function sameOrigin(origin: string): (url: string) => boolean {
  return (url) => url.startsWith(`${origin}/`) || url === origin || url.startsWith('data:') || url === 'about:blank';
}
