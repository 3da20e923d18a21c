import { api } from '../core/api.js';
import { categoryLabel } from '../core/categories.js';
import { $, el } from '../core/dom.js';
import { formatMonth } from '../core/format.js';
import { takeOverSubmit } from '../core/forms.js';
import { FormErrors } from '../core/FormErrors.js';
import { tableCaption } from './tableCaption.js';
import { showProblem } from '../admin/problems.js';
import { showReferralStatistics } from '../referral/ReferralStats.js';
import { legend } from './charts.js';
import { StatsCharts } from './StatsCharts.js';
import { StatsMaps } from './StatsMaps.js';
import { staffLanguageName } from '../core/languageNames.js';

/** How many of the grid's cells, the busiest first, the table under the map lists. */
const GRID_TABLE_ROWS = 10;

/**
 * Anonymised statistics for a period: figures, charts (each next to a table with its
 * numbers), maps per quarter and on a hexagon grid, counts below the server's minimum shown
 * as "< n", and the underlying table as CSV for further analysis.
 */
export class StatsPage {

  constructor(i18n, categories, mapConfig) {
    this.i18n = i18n;
    this.categories = categories;
    this.summary = null;
    this.grid = null;
    this.errors = new FormErrors($('#period'), $('#period-errors'), i18n);
    this.charts = new StatsCharts(i18n, { category: (code) => this._category(code), count: (value) => this._count(value) });
    this.maps = new StatsMaps(mapConfig, $('#quarter-map'), $('#grid-map'), {
      // Functions: said again in the new language when it is switched.
      quarterLabel: () => i18n.t('stats.quarterMapLabel'), gridLabel: () => i18n.t('stats.gridMapLabel'),
      tileNotice: () => i18n.t('map.tilesMissing'),
      t: (key) => i18n.t(key),
    });
  }

  async start() {
    takeOverSubmit($('#period'), () => this.load());
    for (const id of ['#from', '#to']) {
      $(id).addEventListener('change', () => this._linkCsv());
    }
    document.addEventListener('languagechange', () => {
      this._linkCsv();
      this._render();
      this._renderMaps();
    });
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

  /** A plain link sends the browser's languages, not the page's: the page's goes along. */
  _linkCsv() {
    const query = this._query();
    query.set('lang', this.i18n.language);
    $('#csv').href = `/api/stats/reports.csv?${query}`;
  }

  async load() {
    // A period that ends before it starts is said at its field without asking the server.
    const [from, to] = [$('#from').value, $('#to').value];
    if (from && to && from > to) {
      this._withdrawFigures();
      this.errors.show([{ field: 'from', key: 'stats.fromAfterTo' }]);
      return;
    }
    try {
      [this.summary, this.grid] = await Promise.all([api(`/api/stats/summary?${this._query()}`), api(`/api/stats/grid?${this._query()}`)]);
      this.errors.clear();
      $('#result').hidden = false;
      $('#csv').hidden = false;
      $('#from').value = this.summary.from;
      $('#to').value = this.summary.to;
      this._linkCsv();
      this._render();
      await this._renderMaps();
      await showReferralStatistics($('#referral-stats'), this._query(), this.i18n);
    }
    catch (failure) {
      this._withdrawFigures();
      showProblem(this.errors, failure);
    }
  }

  /**
   * Figures of an earlier period under an error would be read as the answer to the new one;
   * the table's link would fetch the period refused.
   */
  _withdrawFigures() {
    $('#result').hidden = true;
    $('#csv').hidden = true;
  }

  _count(value) {
    return (value === null || value === undefined) ? this.i18n.t('stats.fewerThan', { n: this.summary.minimumCount }) : value.toLocaleString(this.i18n.language);
  }

  _category(code) {
    return categoryLabel(this.categories, code, this.i18n.language);
  }

  _table(id, headings, rows, maximum) {
    const header = el('thead', {}, el('tr', {}, headings.map((heading, index) => el('th', { scope: 'col', className: index ? 'number' : false }, heading))));
    const body = el('tbody', {}, rows.map(([label, ...values]) => el('tr', {}, el('th', { scope: 'row' }, label),
      values.map((value, index) => el('td', { className: 'number' }, this._count(value),
        index === 0 && maximum && value ? [' ', el('span', { className: 'bar', 'aria-hidden': 'true', dataset: { share: value / maximum } })] : null)))));
    $(id).replaceChildren(tableCaption($(id)), header, body);
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
    this.charts.render(s);
    this._table('#by-quarter', [t('stats.quarter'), t('stats.reports')],
      s.byQuarter.map((row) => [row.name ?? t('stats.outside'), row.reports]), maxOf(s.byQuarter.map((row) => row.reports)));
    this._table('#by-month', [t('stats.month'), t('stats.reports')], s.byMonth.map((row) => [formatMonth(row.month, this.i18n.language), row.reports]), maxOf(s.byMonth.map((row) => row.reports)));
    // One table for both: each row says which it is ("Priorität P2" beside "erledigt").
    this._table('#by-outcome', [t('stats.outcomeOrPriority'), t('stats.incidents')],
      [...Object.entries(s.byOutcome).map(([outcome, n]) => [t(`outcome.${outcome}`), n]),
        ...Object.entries(s.byPriority).map(([priority, n]) => [t('stats.priorityRow', { priority }), n])]);
    this._table('#by-channel', [t('stats.channel'), t('stats.reports')], Object.entries(s.byChannel).map(([channel, n]) => [t(`channel.${channel}`), n]));
    this._table('#by-language', [t('stats.language'), t('stats.reports')], Object.entries(s.byLanguage).map(([language, n]) => [staffLanguageName(language, this.i18n.language, t), n]));
  }

  async _renderMaps() {
    const t = (key, params) => this.i18n.t(key, params);
    $('#quarter-map').setAttribute('aria-label', t('stats.quarterMapLabel'));
    $('#grid-map').setAttribute('aria-label', t('stats.gridMapLabel'));
    const quarters = await this.maps.showQuarters(this.summary.byQuarter, this.summary.minimumCount);
    this._mapLegend('#quarter-legend', quarters, t('stats.fewerThan', { n: this.summary.minimumCount }));
    this._mapLegend('#grid-legend', this.maps.showGrid(this.grid));
    $('#grid-summary').textContent = t(this.grid.features.length ? 'stats.gridSummary' : 'stats.gridEmpty', {
      count: this.grid.features.length, edge: this.grid.cellEdgeMetres * 2, n: this.grid.minimumCount,
      max: this._count(Math.max(0, ...this.grid.features.map((feature) => feature.properties.reports))),
      hidden: this._count(this.grid.reportsInHiddenCells),
    });
    // The map's text alternative: the busiest cells and the quarter each lies in.
    const busiest = this.grid.features.slice(0, GRID_TABLE_ROWS).map((feature) => [feature.properties.quarter ?? t('stats.outside'), feature.properties.reports]);
    this._table('#grid-cells', [t('stats.gridCellQuarter'), t('stats.reports')], busiest);
  }

  /** A map's legend: a swatch per class of counts, and one for suppressed quarters. */
  _mapLegend(selector, limits, suppressed = null) {
    const range = (limit) => (limit.from === limit.to ? this._count(limit.from) : this.i18n.t('stats.range', { from: this._count(limit.from), to: this._count(limit.to) }));
    legend($(selector), limits.map(range));
    $(selector).querySelectorAll('.swatch').forEach((swatch, index) => swatch.style.setProperty('--swatch', limits[index].colour));
    if (suppressed) {
      $(selector).append(el('li', {}, el('span', { className: 'swatch swatch--hollow', 'aria-hidden': 'true' }), suppressed));
    }
  }

}
