// Formats benchmark results as a Markdown table with each target's pass/miss beside the figure.

export const TARGETS = {
  buildSeconds: { limit: 90, minProblems: 5000, text: '< 90 s at 5,000 problems' },
  problemPageGzip: { limit: 30 * 1024, text: '< 30 KB (gzip)' },
  searchTransferred: { limit: 200 * 1024, text: '< 200 KB transferred' },
  searchColdMs: { limit: 300, text: '< 300 ms cold' },
  deckGzip: { limit: 70 * 1024, text: '< 70 KB gzip' },
};

export const kb = (bytes) =>
  bytes === null || bytes === undefined ? 'n/a' : bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
export const ms = (value) => (value === null || value === undefined ? 'n/a' : `${Math.round(value)} ms`);
export const seconds = (value) => (value === null || value === undefined ? 'n/a' : `${value.toFixed(1)} s`);
const verdict = (value, limit) => (value <= limit ? '✅ pass' : '❌ miss');
const na = (reason) =>
  `n/a (${String(reason ?? 'not measured')
    .split('\n')[0]
    .replace(/\|/gu, '/')
    .slice(0, 90)})`;

/** Checks every target against a size's results: { key: 'pass' | 'miss' | null }. */
export function judge(result) {
  const out = {};
  const build = result.build;
  out.buildSeconds = build?.ok && result.problems >= TARGETS.buildSeconds.minProblems ? (build.seconds < TARGETS.buildSeconds.limit ? 'pass' : 'miss') : null;
  out.problemPageGzip = result.problemPage?.ok ? (result.problemPage.gzip < TARGETS.problemPageGzip.limit ? 'pass' : 'miss') : null;
  out.searchTransferred = result.search?.ok ? (result.search.transferred < TARGETS.searchTransferred.limit ? 'pass' : 'miss') : null;
  out.searchColdMs = result.search?.ok ? (result.search.coldMs < TARGETS.searchColdMs.limit ? 'pass' : 'miss') : null;
  out.deckGzip = result.deck?.ok ? (result.deck.gzip < TARGETS.deckGzip.limit ? 'pass' : 'miss') : null;
  return out;
}

/** One table row: a label, a cell per size, the target. */
function row(label, results, cell, target = '') {
  return `| ${label} | ${results.map((result) => cell(result)).join(' | ')} | ${target} |`;
}

/** The Markdown table of all sizes. */
export function formatTable(results) {
  const head = `| Measure | ${results.map((r) => `${r.problems.toLocaleString('en')} problems (${r.reports} report${r.reports === 1 ? '' : 's'}, ${r.source})`).join(' | ')} | Target |`;
  const rule = `|---|${results.map(() => '---:').join('|')}|---|`;
  const withBuild = (result, fn) => (result.build?.ok ? fn(result) : na(result.build?.error ?? result.skipped));
  const lines = [
    head,
    rule,
    row(
      'Full build (site + decks + search index)',
      results,
      (r) =>
        withBuild(r, () => {
          const text = seconds(r.build.seconds);
          return r.problems >= TARGETS.buildSeconds.minProblems ? `${text} ${verdict(r.build.seconds, TARGETS.buildSeconds.limit - 1e-9)}` : text;
        }),
      TARGETS.buildSeconds.text,
    ),
    row('Peak RSS, largest process (GNU time)', results, (r) => withBuild(r, () => (r.build.maxRssBytes ? kb(r.build.maxRssBytes) : na('no GNU time')))),
    row('Peak RSS, whole process tree (/proc)', results, (r) => withBuild(r, () => kb(r.build.treePeakBytes))),
    row('Built site: pages / size', results, (r) => withBuild(r, () => `${r.dist.pages.toLocaleString('en')} / ${kb(r.dist.bytes)}`)),
    row(
      'Problem page before search, gzip (raw)',
      results,
      (r) =>
        r.problemPage?.ok
          ? `${kb(r.problemPage.gzip)} (${kb(r.problemPage.raw)}) ${verdict(r.problemPage.gzip, TARGETS.problemPageGzip.limit - 1)}`
          : na(r.problemPage?.error ?? r.build?.error),
      TARGETS.problemPageGzip.text,
    ),
    row('… of which HTML / CSS / JS, gzip', results, (r) =>
      r.problemPage?.ok ? `${kb(r.problemPage.html.gzip)} / ${kb(r.problemPage.css.gzip)} / ${kb(r.problemPage.js.gzip)}` : 'n/a',
    ),
    row(
      'First search: transferred (requests)',
      results,
      (r) =>
        r.search?.ok
          ? `${kb(r.search.transferred)} (${r.search.requests}) ${verdict(r.search.transferred, TARGETS.searchTransferred.limit - 1)}`
          : na(r.search?.error ?? r.build?.error),
      TARGETS.searchTransferred.text,
    ),
    row(
      'First search: cold latency',
      results,
      (r) => (r.search?.ok ? `${ms(r.search.coldMs)} ${verdict(r.search.coldMs, TARGETS.searchColdMs.limit - 1e-9)}` : 'n/a'),
      TARGETS.searchColdMs.text,
    ),
    row('First search: navigation → results', results, (r) => (r.search?.ok ? ms(r.search.coldFromNavigationMs) : 'n/a')),
    row('Warm search latency (extra transferred)', results, (r) =>
      r.search?.ok ? (r.search.warmMs === null ? na('warm search did not finish') : `${ms(r.search.warmMs)} (${kb(r.search.warmTransferred)})`) : 'n/a',
    ),
    row('Search hits shown (cold / warm)', results, (r) => (r.search?.ok ? `${r.search.results} / ${r.search.warmResults ?? 'n/a'}` : 'n/a')),
    row(
      'Deck JS+CSS, gzip (raw), fonts apart',
      results,
      (r) => (r.deck?.ok ? `${kb(r.deck.gzip)} (${kb(r.deck.raw)}) ${verdict(r.deck.gzip, TARGETS.deckGzip.limit - 1)}` : na(r.deck?.error ?? r.build?.error)),
      TARGETS.deckGzip.text,
    ),
    row('Deck fonts, raw', results, (r) => (r.deck?.ok ? kb(r.deck.fonts.raw) : 'n/a')),
    row('Deck: time to first slide (to data-deck-ready)', results, (r) =>
      r.deck?.ok ? (r.deck.firstSlideMs === null ? na(r.deck.error) : `${ms(r.deck.firstSlideMs)} (${ms(r.deck.readyMs)})`) : 'n/a',
    ),
    row('Deck PDF export (one deck, browser start included)', results, (r) =>
      r.pdf?.ok ? `${seconds(r.pdf.seconds)} (${kb(r.pdf.bytes)})` : na(r.pdf?.error ?? 'not measured at this size'),
    ),
  ];
  return lines.join('\n');
}
