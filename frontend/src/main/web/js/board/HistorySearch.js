import { api, ApiError } from '../core/api.js';
import { el } from '../core/dom.js';
import { formatDateTime } from '../core/format.js';
import { categoryLabel } from '../core/categories.js';

/**
 * Search and history on the board: incidents open or closed, found by tracking code,
 * incident number, address or text, filtered by period, quarter, category and outcome, a page
 * at a time. Choosing a result opens it in the panel (closed ones with their full timeline).
 */
const PAGE_SIZE = 20;
const OUTCOMES = ['RESOLVED', 'REFERRED', 'NO_ACTION_POSSIBLE', 'NOTHING_FOUND', 'DUPLICATE'];

export class HistorySearch {

  constructor(element, { i18n, categories, quarters, onSelect }) {
    this._element = element;
    this._i18n = i18n;
    this._categories = categories;
    this._quarters = quarters;
    this._onSelect = onSelect;
    this._page = 0;
    this._form = null;
  }

  render() {
    const t = (key) => this._i18n.t(key);
    const kept = this._form ? new FormData(this._form) : new FormData();
    const field = (id, label, control) => el('div', { className: 'search-field' }, el('label', { for: id }, t(label)), control);
    const select = (id, name, options) => el('select', { id, name }, el('option', { value: '' }, t('board.all')),
      ...options.map(([value, text]) => el('option', { value, selected: kept.get(name) === value }, text)));
    this._results = el('div', { className: 'search-results', 'aria-live': 'polite' });
    this._form = el('form', { className: 'search-form', role: 'search', onSubmit: (event) => {
      event.preventDefault();
      this._page = 0;
      this._search();
    } },
    field('search-text', 'board.search.text', el('input', { type: 'search', id: 'search-text', name: 'q', maxlength: '100', value: kept.get('q') ?? '' })),
    field('search-closed', 'board.search.state', el('select', { id: 'search-closed', name: 'closed' },
      ...[['true', 'board.search.closed'], ['false', 'board.search.open'], ['', 'board.search.any']].map(([value, key]) =>
        el('option', { value, selected: (kept.get('closed') ?? 'true') === value }, t(key))))),
    field('search-from', 'board.search.from', el('input', { type: 'date', id: 'search-from', name: 'from', value: kept.get('from') ?? '' })),
    field('search-to', 'board.search.to', el('input', { type: 'date', id: 'search-to', name: 'to', value: kept.get('to') ?? '' })),
    field('search-quarter', 'board.filterQuarter', select('search-quarter', 'quarter', this._quarters.map((quarter) => [quarter.code, quarter.name]))),
    field('search-category', 'board.search.category', select('search-category', 'category',
      this._categories.map((category) => [category.code, categoryLabel(this._categories, category.code, this._i18n.language)]))),
    field('search-outcome', 'board.outcome', select('search-outcome', 'outcome', OUTCOMES.map((outcome) => [outcome, t(`outcome.${outcome}`)]))),
    el('button', { type: 'submit', className: 'button button--small button--primary' }, t('board.search.submit')));
    this._element.replaceChildren(this._form, this._results);
  }

  async _search() {
    const t = (key, params) => this._i18n.t(key, params);
    // In the body, not the URL: what a lead types (a name, an address) stays out of every log.
    const terms = Object.fromEntries([...new FormData(this._form)].filter(([, value]) => value !== ''));
    if (terms.closed !== undefined) {
      terms.closed = terms.closed === 'true';
    }
    this._results.setAttribute('aria-busy', 'true');
    try {
      const found = await api('/api/incidents/search', { method: 'POST', body: { ...terms, page: this._page, size: PAGE_SIZE } });
      this._results.replaceChildren(
        el('p', { className: 'hint', id: 'search-count' }, t('board.search.found', { count: found.total })),
        el('ol', { className: 'queue search-list' }, found.items.map((incident) => el('li', {}, this._entry(incident)))),
        this._paging(found.total));
    }
    catch (failure) {
      const text = failure instanceof ApiError && failure.status
        ? [failure.title, ...failure.errors.map((error) => error.message)].filter(Boolean).join(': ') : t('error.network');
      this._results.replaceChildren(el('p', { className: 'notice notice--warning', role: 'alert' }, text));
    }
    this._results.removeAttribute('aria-busy');
  }

  _entry(incident) {
    const t = (key, params) => this._i18n.t(key, params);
    const when = incident.closedAt ?? incident.createdAt;
    return el('button', { type: 'button', className: `p${incident.priority}`, onClick: () => this._onSelect(incident.id) },
      el('span', { className: 'line' },
        el('strong', {}, `${categoryLabel(this._categories, incident.category, this._i18n.language)}`),
        el('span', { className: 'meta' }, `#${incident.id}`)),
      el('p', { className: 'meta' }, `${incident.quarter?.name ?? t('board.outside')} · `,
        incident.outcome ? t(`outcome.${incident.outcome}`) : t(`state.${incident.state}`),
        when ? ` · ${formatDateTime(when, this._i18n.language)}` : ''),
      incident.address ? el('p', { className: 'meta' }, incident.address) : '',
      el('p', { className: 'meta' }, (incident.trackingCodes ?? []).join(', ')));
  }

  _paging(total) {
    const t = (key, params) => this._i18n.t(key, params);
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const go = (page) => {
      this._page = page;
      this._search();
    };
    return el('nav', { className: 'paging', 'aria-label': t('board.search.pages') },
      el('button', { type: 'button', className: 'button button--small', disabled: this._page === 0, onClick: () => go(this._page - 1) }, t('board.search.previous')),
      el('span', {}, t('board.search.page', { page: this._page + 1, pages })),
      el('button', { type: 'button', className: 'button button--small', disabled: this._page + 1 >= pages, onClick: () => go(this._page + 1) }, t('board.search.next')));
  }

}
