// Drives the search page: reads ?q/status/report/issuer, runs the search, renders results batch by batch (each batch is
// verified only when it is shown) and keeps the URL in step.
import { formatSearchSummary, labels } from '#src/lib/labels.ts';
import { loadPagefind, type PagefindApi, type SearchFilters, type SearchHit, type SearchSession, startSearch } from './engine.ts';

const PAGE = 50;
const STATUS_LABELS: Record<string, string> = labels.status;

const form = document.querySelector<HTMLFormElement>('[data-search-form]');
const results = document.querySelector<HTMLElement>('[data-search-results]');
const status = document.querySelector<HTMLElement>('[data-search-status]');

if (form && results && status) {
  const base = form.dataset['pagefindBase'] ?? '/';
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  const statusSelect = form.querySelector<HTMLSelectElement>('select[name="status"]');
  const reportSelect = form.querySelector<HTMLSelectElement>('select[name="report"]');
  const issuerSelect = form.querySelector<HTMLSelectElement>('select[name="issuer"]');
  let api: Promise<PagefindApi> | null = null;
  let sequence = 0;

  const read = (): { query: string; filters: SearchFilters } => ({
    query: input?.value ?? '',
    filters: { status: statusSelect?.value || undefined, report: reportSelect?.value || undefined, issuer: issuerSelect?.value || undefined },
  });

  /** Mirrors the current choices into the address bar, so a search can be bookmarked or shared. */
  const syncUrl = (query: string, filters: SearchFilters) => {
    const url = new URL(window.location.href);
    url.search = '';
    if (query) url.searchParams.set('q', query);
    if (filters.status) url.searchParams.set('status', filters.status);
    if (filters.report) url.searchParams.set('report', filters.report);
    if (filters.issuer) url.searchParams.set('issuer', filters.issuer);
    history.replaceState(null, '', url);
  };

  const renderHit = (hit: SearchHit): HTMLLIElement => {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = hit.href;
    link.className = 'result-title';
    link.textContent = hit.kind === 'issue' && hit.number ? `${hit.number}．${hit.title}` : hit.title;
    const label = document.createElement('span');
    label.className = hit.kind === 'issue' && hit.status ? `badge badge--${hit.status}` : 'badge badge--due';
    label.textContent = hit.kind === 'issue' ? (STATUS_LABELS[hit.status ?? ''] ?? '') : labels.search.reportText;
    const excerpt = document.createElement('p');
    excerpt.className = 'result-excerpt';
    for (const part of hit.excerpt) {
      // textContent only: page text never becomes markup.
      const node = part.mark ? document.createElement('mark') : document.createTextNode(part.text);
      if (node instanceof HTMLElement) node.textContent = part.text;
      excerpt.append(node);
    }
    item.append(label, ' ', link, excerpt);
    return item;
  };

  const setBusy = (busy: boolean) => {
    results.setAttribute('aria-busy', busy ? 'true' : 'false');
    results.dataset['state'] = busy ? 'busy' : 'done';
  };

  const describe = (query: string, shown: number, exhausted: boolean): string => {
    return formatSearchSummary(query, shown, exhausted);
  };

  /** Shows the first batch of a session, with a control that verifies and shows the next one. */
  const render = async (query: string, session: SearchSession, mine: number) => {
    const first = await session.next(PAGE);
    if (mine !== sequence) return;
    results.replaceChildren();
    let shown = first.length;
    status.textContent = describe(query, shown, session.exhausted);
    if (shown === 0) return;
    const list = document.createElement('ol');
    list.append(...first.map(renderHit));
    results.append(list);
    if (session.exhausted) return;
    const more = document.createElement('button');
    more.type = 'button';
    more.dataset['searchMore'] = '';
    more.textContent = labels.search.more;
    more.addEventListener('click', async () => {
      if (more.disabled) return;
      more.disabled = true;
      setBusy(true);
      try {
        const batch = await session.next(PAGE);
        if (mine !== sequence) return;
        const firstNew = list.children.length;
        list.append(...batch.map(renderHit));
        shown += batch.length;
        status.textContent = describe(query, shown, session.exhausted);
        if (session.exhausted) more.remove();
        (list.children[firstNew]?.querySelector('a') ?? list.lastElementChild?.querySelector('a'))?.focus();
      } catch (error) {
        if (mine !== sequence) return;
        status.textContent = labels.search.failed;
        console.error(error);
      } finally {
        more.disabled = false;
        if (mine === sequence) setBusy(false);
      }
    });
    results.append(more);
  };

  const search = async () => {
    const { query, filters } = read();
    syncUrl(query, filters);
    const mine = ++sequence;
    results.dataset['query'] = query;
    if (!query.trim()) {
      results.replaceChildren();
      results.setAttribute('aria-busy', 'false');
      status.textContent = labels.search.empty;
      results.dataset['state'] = 'idle';
      return;
    }
    setBusy(true);
    status.textContent = labels.search.busy;
    try {
      api ??= loadPagefind(base);
      const session = await startSearch(await api, query, filters);
      if (mine !== sequence) return;
      await render(query, session, mine);
    } catch (error) {
      if (mine !== sequence) return;
      results.replaceChildren();
      status.textContent = labels.search.failed;
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

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void search();
  });
  statusSelect?.addEventListener('change', () => void search());
  reportSelect?.addEventListener('change', () => void search());
  issuerSelect?.addEventListener('change', () => void search());
  if (input?.value.trim()) void search();
  else results.dataset['state'] = 'idle';
}
