import { api } from '../core/api.js';
import { $, el } from '../core/dom.js';
import { FormErrors, takeOverSubmit } from '../core/forms.js';
import { showProblem } from '../admin/problems.js';
import { startStaffPage } from './staff.js';

/**
 * Anonymised statistics for a period: figures and tables, counts below the server's minimum
 * shown as "fewer than n", and the underlying table as CSV for further analysis.
 */
class StatsPage {

  constructor(i18n, categories) {
    this.i18n = i18n;
    this.categories = categories;
    this.summary = null;
    this.errors = new FormErrors($('#period'), $('#period-errors'), i18n);
  }

  async start() {
    takeOverSubmit($('#period'), () => this.load());
    for (const id of ['#from', '#to']) {
      $(id).addEventListener('change', () => this._linkCsv());
    }
    document.addEventListener('languagechange', () => this._render());
    await this.load();
  }

  _query() {
    const query = new URLSearchParams();
    for (const name of ['from', 'to']) {
      if ($(`#${name}`).value) {
        query.set(name, $(`#${name}`).value);
      }
    }
    return query;
  }

  _linkCsv() {
    $('#csv').href = `/api/stats/reports.csv?${this._query()}`;
  }

  async load() {
    try {
      this.summary = await api(`/api/stats/summary?${this._query()}`);
      this.errors.clear();
      $('#from').value = this.summary.from;
      $('#to').value = this.summary.to;
      this._linkCsv();
      this._render();
    }
    catch (failure) {
      showProblem(this.errors, failure, this.i18n);
    }
  }

  _count(value) {
    return (value === null || value === undefined) ? this.i18n.t('stats.fewerThan', { n: this.summary.minimumCount }) : value.toLocaleString(this.i18n.language);
  }

  _category(code) {
    const category = this.categories.find((entry) => entry.code === code);
    return category ? (category.labels[this.i18n.language] ?? category.labels.en) : code;
  }

  _table(id, headings, rows, maximum) {
    const header = el('thead', {}, el('tr', {}, headings.map((heading, index) => el('th', { scope: 'col', className: index ? 'number' : false }, heading))));
    const body = el('tbody', {}, rows.map(([label, ...values]) => el('tr', {}, el('th', { scope: 'row' }, label),
      values.map((value, index) => el('td', { className: 'number' }, this._count(value),
        index === 0 && maximum && value ? [' ', el('span', { className: 'bar', 'aria-hidden': 'true', dataset: { share: value / maximum } })] : null)))));
    $(id).replaceChildren(header, body);
    for (const bar of $(id).querySelectorAll('.bar')) {
      bar.style.width = `${Math.max(2, Math.round(Number(bar.dataset.share) * 8))}rem`;
    }
  }

  _render() {
    if (!this.summary) {
      return;
    }
    const t = (key, params) => this.i18n.t(key, params);
    const s = this.summary;
    $('#stats-note').textContent = t('stats.note', { n: s.minimumCount });
    $('#figures').replaceChildren(
      el('li', {}, el('strong', {}, this._count(s.reports)), t('stats.reports')),
      el('li', {}, el('strong', {}, this._count(s.incidents)), t('stats.incidents')),
      el('li', {}, el('strong', {}, this._count(s.closed)), t('stats.closed')));
    const maxOf = (values) => Math.max(1, ...values.filter((value) => value !== null));
    this._table('#by-category', [t('stats.category'), t('stats.incidents'), t('stats.medianHours')],
      s.byCategory.map((row) => [this._category(row.category), row.incidents, row.medianHoursToClose ?? null]), maxOf(s.byCategory.map((row) => row.incidents)));
    for (const cell of $('#by-category').querySelectorAll('tbody tr td:nth-child(3)')) {
      if (cell.textContent === t('stats.fewerThan', { n: s.minimumCount })) {
        cell.textContent = '–';
      }
    }
    this._table('#by-quarter', [t('stats.quarter'), t('stats.reports')],
      s.byQuarter.map((row) => [row.name ?? t('stats.outside'), row.reports]), maxOf(s.byQuarter.map((row) => row.reports)));
    this._table('#by-month', [t('stats.month'), t('stats.reports')], s.byMonth.map((row) => [row.month, row.reports]), maxOf(s.byMonth.map((row) => row.reports)));
    this._table('#by-outcome', [t('stats.outcome'), t('stats.incidents')],
      [...Object.entries(s.byOutcome).map(([outcome, n]) => [t(`outcome.${outcome}`), n]), ...Object.entries(s.byPriority).map(([priority, n]) => [priority, n])]);
    this._table('#by-channel', [t('stats.channel'), t('stats.reports')], Object.entries(s.byChannel).map(([channel, n]) => [t(`channel.${channel}`), n]));
    this._table('#by-language', [t('stats.language'), t('stats.reports')], Object.entries(s.byLanguage).map(([language, n]) => [t(`language.${language}`), n]));
  }

}

async function start() {
  const { i18n } = await startStaffPage();
  const categories = await api('/api/categories');
  await new StatsPage(i18n, categories).start();
  document.body.dataset.ready = 'true';
}

start();
