// Drives the search page: reads ?q/status/report/issuer/sort, runs the search, renders results batch by batch (each
// batch's records are fetched only when it is shown) and keeps the URL in step.
import { formatSearchSummary, searchScriptLabels, statusLabels } from '#src/lib/labels.ts';
import { loadSearchIndex, type SearchFilters, type SearchHit, type SearchIndex, type SearchOrder, type SearchSession, startSearch } from './engine.ts';
import type { ExcerptPart } from './match.ts';
import type { SearchShard } from './record.ts';

/** The first batch is small (as many as Pagefind's own UI shows), so the first results show after few fetches; "more" then adds larger batches. */
const FIRST_BATCH = 5;
const MORE_BATCH = 50;
const STATUS_LABELS: Record<string, string> = statusLabels;

const form = document.querySelector<HTMLFormElement>('[data-search-form]');
const results = document.querySelector<HTMLElement>('[data-search-results]');
const status = document.querySelector<HTMLElement>('[data-search-status]');

if (form && results && status) {
  const base = form.dataset['pagefindBase'] ?? '/';
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  const statusSelect = form.querySelector<HTMLSelectElement>('select[name="status"]');
  const reportSelect = form.querySelector<HTMLSelectElement>('select[name="report"]');
  const issuerSelect = form.querySelector<HTMLSelectElement>('select[name="issuer"]');
  const sortSelect = form.querySelector<HTMLSelectElement>('select[name="sort"]');
  let index: Promise<SearchIndex> | null = null;
  let sequence = 0;

  const read = (): { query: string; filters: SearchFilters; order: SearchOrder } => ({
    query: input?.value ?? '',
    filters: { status: statusSelect?.value || undefined, report: reportSelect?.value || undefined, issuer: issuerSelect?.value || undefined },
    order: sortSelect?.value === 'date' ? 'date' : 'relevance',
  });

  /** Mirrors the current choices into the address bar, so a search can be bookmarked or shared. */
  const syncUrl = (query: string, filters: SearchFilters, order: SearchOrder) => {
    const url = new URL(window.location.href);
    url.search = '';
    if (query) url.searchParams.set('q', query);
    if (filters.status) url.searchParams.set('status', filters.status);
    if (filters.report) url.searchParams.set('report', filters.report);
    if (filters.issuer) url.searchParams.set('issuer', filters.issuer);
    if (order === 'date') url.searchParams.set('sort', 'date');
    history.replaceState(null, '', url);
  };

  /** Appends text with its matches in <mark>, as text nodes only: page text never becomes markup. */
  const appendParts = (parent: HTMLElement, parts: readonly ExcerptPart[]) => {
    for (const part of parts) {
      if (!part.mark) parent.append(part.text);
      else {
        const mark = document.createElement('mark');
        mark.textContent = part.text;
        parent.append(mark);
      }
    }
  };

  const renderHit = (hit: SearchHit): HTMLLIElement => {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = hit.href;
    link.className = 'result-title';
    if (hit.kind === 'issue' && hit.number) link.append(`${hit.number}．`);
    appendParts(link, hit.titleParts);
    const label = document.createElement('span');
    label.className = hit.kind === 'issue' && hit.status ? `badge badge--${hit.status}` : 'badge badge--due';
    label.textContent = hit.kind === 'issue' ? (STATUS_LABELS[hit.status ?? ''] ?? '') : searchScriptLabels.reportText;
    const excerpt = document.createElement('p');
    excerpt.className = 'result-excerpt';
    appendParts(excerpt, hit.excerpt);
    item.append(label, ' ', link, excerpt);
    return item;
  };

  const setBusy = (busy: boolean) => {
    results.setAttribute('aria-busy', busy ? 'true' : 'false');
    results.dataset['state'] = busy ? 'busy' : 'done';
  };

  const describe = (query: string, shown: number, session: SearchSession): string =>
    formatSearchSummary(query, shown, session.exhausted, session.total, session.exact);

  /** Shows the first batch of a session, with a control that verifies and shows the next one. */
  const render = async (query: string, session: SearchSession, mine: number) => {
    const first = await session.next(FIRST_BATCH);
    if (mine !== sequence) return;
    results.replaceChildren();
    let shown = first.length;
    status.textContent = describe(query, shown, session);
    if (shown === 0) return;
    const list = document.createElement('ol');
    list.append(...first.map(renderHit));
    results.append(list);
    if (session.exhausted) return;
    const more = document.createElement('button');
    more.type = 'button';
    more.dataset['searchMore'] = '';
    more.textContent = searchScriptLabels.more;
    more.addEventListener('click', async () => {
      if (more.disabled) return;
      more.disabled = true;
      setBusy(true);
      try {
        const batch = await session.next(MORE_BATCH);
        if (mine !== sequence) return;
        const firstNew = list.children.length;
        list.append(...batch.map(renderHit));
        shown += batch.length;
        status.textContent = describe(query, shown, session);
        if (session.exhausted) more.remove();
        (list.children[firstNew]?.querySelector('a') ?? list.lastElementChild?.querySelector('a'))?.focus();
      } catch (error) {
        if (mine !== sequence) return;
        status.textContent = searchScriptLabels.failed;
        console.error(error);
      } finally {
        more.disabled = false;
        if (mine === sequence) setBusy(false);
      }
    });
    results.append(more);
  };

  /** Loads the index the page was pointed at (data-search-shards and data-pagefind-tag on Pagefind's script link). */
  const loadIndex = (): Promise<SearchIndex> => {
    const link = document.querySelector<HTMLElement>('link[data-search-shards]');
    const shards = JSON.parse(link?.dataset['searchShards'] ?? '[]') as SearchShard[];
    return loadSearchIndex(base, shards, link?.dataset['pagefindTag']);
  };

  const search = async () => {
    const { query, filters, order } = read();
    syncUrl(query, filters, order);
    const mine = ++sequence;
    results.dataset['query'] = query;
    if (!query.trim()) {
      results.replaceChildren();
      results.setAttribute('aria-busy', 'false');
      status.textContent = searchScriptLabels.empty;
      results.dataset['state'] = 'idle';
      return;
    }
    setBusy(true);
    status.textContent = searchScriptLabels.busy;
    try {
      index ??= loadIndex();
      const session = await startSearch(await index, query, filters, order);
      if (mine !== sequence) return;
      await render(query, session, mine);
    } catch (error) {
      if (mine !== sequence) return;
      results.replaceChildren();
      status.textContent = searchScriptLabels.failed;
      console.error(error);
    }
    if (mine === sequence) setBusy(false);
  };

  const params = new URLSearchParams(window.location.search);
  if (input) input.value = params.get('q') ?? '';
  const setSelect = (select: HTMLSelectElement | null, value: string | null) => {
    if (select && value && [...select.options].some((option) => option.value === value)) select.value = value;
  };
  setSelect(statusSelect, params.get('status'));
  setSelect(reportSelect, params.get('report'));
  setSelect(issuerSelect, params.get('issuer'));
  setSelect(sortSelect, params.get('sort'));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void search();
  });
  statusSelect?.addEventListener('change', () => void search());
  reportSelect?.addEventListener('change', () => void search());
  issuerSelect?.addEventListener('change', () => void search());
  sortSelect?.addEventListener('change', () => void search());
  if (input?.value.trim()) void search();
  else results.dataset['state'] = 'idle';
}
