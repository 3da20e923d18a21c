import { $, el } from '../core/dom.js';
import { dateLocale } from '../core/format.js';
import { groupedBars, legend, timeLines } from './charts.js';
import { tableCaption } from './tableCaption.js';

const DAY = 86400;

/** Every Monday from the week of `from` to the week of `to` (ISO dates), as seconds. */
export function mondays(from, to) {
  const start = new Date(`${from}T00:00:00Z`);
  start.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 6) % 7));
  const end = new Date(`${to}T00:00:00Z`).getTime() / 1000;
  const weeks = [];
  for (let week = start.getTime() / 1000; week <= end; week += 7 * DAY) {
    weeks.push(week);
  }
  return weeks;
}

/**
 * Reports per week and category as { weeks, categories, values }: values[c][w] is the count,
 * null where it is suppressed and 0 where no report came in. Categories in the order of
 * their totals, largest first.
 */
export function weeklySeries(summary) {
  const weeks = mondays(summary.from, summary.to);
  const index = new Map(weeks.map((week, position) => [new Date(week * 1000).toISOString().slice(0, 10), position]));
  const totals = new Map();
  for (const row of summary.byWeek) {
    totals.set(row.category, (totals.get(row.category) ?? 0) + (row.reports ?? 0));
  }
  const categories = [...totals.keys()].sort((a, b) => totals.get(b) - totals.get(a) || a.localeCompare(b));
  const values = categories.map(() => weeks.map(() => 0));
  for (const row of summary.byWeek) {
    const position = index.get(row.week);
    if (position !== undefined) {
      values[categories.indexOf(row.category)][position] = row.reports;
    }
  }
  return { weeks, categories, values };
}

/**
 * The page's charts, each next to a table with its figures: the chart is an image whose name
 * says so, the table is what a screen reader (or a printout) reads.
 */
export class StatsCharts {

  constructor(i18n, { category, count }) {
    this.i18n = i18n;
    this.category = category;
    this.count = count;
  }

  render(summary) {
    this._weekly(summary);
    this._times(summary);
    this._outcomes(summary);
  }

  _number(value) {
    return Number(value).toLocaleString(this.i18n.language, { maximumFractionDigits: 1 });
  }

  _weekly(summary) {
    const t = (key, params) => this.i18n.t(key, params);
    const { weeks, categories, values } = weeklySeries(summary);
    const names = categories.map((code) => this.category(code));
    const date = (seconds) => new Date(seconds * 1000).toLocaleDateString(dateLocale(this.i18n.language), { day: '2-digit', month: '2-digit', timeZone: 'UTC' });
    $('#weekly-chart').setAttribute('aria-label', t('stats.weeklyChartLabel'));
    timeLines($('#weekly-chart'), { times: weeks, series: names.map((name, c) => ({ name, values: values[c] })), formatDate: date, formatNumber: (value) => this._number(value) });
    legend($('#weekly-legend'), names, { lines: true });
    const header = el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('stats.week')),
      names.map((name) => el('th', { scope: 'col', className: 'number' }, name))));
    const body = el('tbody', {}, weeks.map((week, w) => el('tr', {},
      el('th', { scope: 'row' }, t('stats.weekOf', { date: new Date(week * 1000).toLocaleDateString(dateLocale(this.i18n.language), { timeZone: 'UTC' }) })),
      categories.map((code, c) => el('td', { className: 'number' }, this.count(values[c][w]))))));
    $('#by-week').replaceChildren(tableCaption($('#by-week')), header, body);
  }

  _times(summary) {
    const t = (key, params) => this.i18n.t(key, params);
    const rows = [...summary.byCategory, { ...(summary.times ?? {}), category: null }];
    const labels = rows.map((row) => (row.category ? this.category(row.category) : t('stats.allCategories')));
    const pair = [t('stats.median'), t('stats.p90')];
    $('#response-chart').setAttribute('aria-label', t('stats.responseChartLabel'));
    $('#resolution-chart').setAttribute('aria-label', t('stats.resolutionChartLabel'));
    groupedBars($('#response-chart'), { labels, formatNumber: (value) => this._number(value),
      series: [{ name: pair[0], values: rows.map((row) => row.medianMinutesToSite ?? null) }, { name: pair[1], values: rows.map((row) => row.p90MinutesToSite ?? null) }] });
    groupedBars($('#resolution-chart'), { labels, formatNumber: (value) => this._number(value),
      series: [{ name: pair[0], values: rows.map((row) => row.medianHoursToClose ?? null) }, { name: pair[1], values: rows.map((row) => row.p90HoursToClose ?? null) }] });
    legend($('#response-legend'), pair);
    legend($('#resolution-legend'), pair);
    // Below the minimum every time is withheld: an empty chart beside "too few" says nothing.
    const known = (...keys) => rows.some((row) => keys.some((key) => row[key] !== null && row[key] !== undefined));
    $('#response-chart').parentElement.hidden = !known('medianMinutesToSite', 'p90MinutesToSite');
    $('#resolution-chart').parentElement.hidden = !known('medianHoursToClose', 'p90HoursToClose');
    const all = summary.times ?? {};
    $('#times-note').textContent = (all.medianMinutesToSite ?? null) === null ? t('stats.timesTooFew', { n: summary.minimumCount })
      : t('stats.timesSummary', { median: this._number(all.medianMinutesToSite), p90: this._number(all.p90MinutesToSite),
        share: this._share(all.withinTarget), hours: this._number(all.medianHoursToClose ?? 0) });
    const columns = ['stats.category', 'stats.incidents', 'stats.reachedOnSite', 'stats.responseMedian', 'stats.responseP90', 'stats.withinTarget', 'stats.closed', 'stats.resolutionMedian', 'stats.resolutionP90'];
    const header = el('thead', {}, el('tr', {}, columns.map((key, index) => el('th', { scope: 'col', className: index ? 'number' : false }, t(key)))));
    const dash = (value) => (value === null || value === undefined ? '–' : this._number(value));
    const body = el('tbody', {}, rows.map((row, index) => el('tr', {}, el('th', { scope: 'row' }, labels[index]),
      [this.count(row.incidents), this.count(row.reachedOnSite), dash(row.medianMinutesToSite), dash(row.p90MinutesToSite),
        row.withinTarget === null || row.withinTarget === undefined ? '–' : this._share(row.withinTarget),
        this.count(row.closed), dash(row.medianHoursToClose), dash(row.p90HoursToClose)]
        .map((text) => el('td', { className: 'number' }, text)))));
    $('#by-category').replaceChildren(header, body);
  }

  _share(value) {
    return Number(value).toLocaleString(this.i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  }

  _outcomes(summary) {
    const t = (key) => this.i18n.t(key);
    const entries = Object.entries(summary.byOutcome).sort(([a], [b]) => a.localeCompare(b));
    $('#outcome-chart').hidden = !entries.length;
    $('#outcome-chart').setAttribute('aria-label', t('stats.outcomeChartLabel'));
    groupedBars($('#outcome-chart'), { labels: entries.map(([outcome]) => t(`outcome.${outcome}`)), formatNumber: (value) => this._number(value), counts: true,
      series: [{ name: t('stats.incidents'), values: entries.map(([, n]) => n) }] });
  }

}
