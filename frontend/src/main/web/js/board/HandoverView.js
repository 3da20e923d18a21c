import { api, ApiError } from '../core/api.js';
import { el } from '../core/dom.js';
import { formatDateTime } from '../core/format.js';
import { categoryLabel } from '../core/categories.js';
import { teamTypeName } from '../core/teamTypes.js';
import { isOverdue, withoutDeadlineIfOffered } from './BoardStore.js';

/**
 * The shift handover: open incidents (most urgent first, overdue marked), the alarms of the
 * shift, where no team of a needed type is free now (coverage, per quarter and team type),
 * what changed during the shift and what was closed, for the last hours; shown in a dialog
 * the next lead reads and prints. Offers to voluntary team types show no deadline and are not
 * counted as overdue, as on the board.
 */
const SHIFT_HOURS = [4, 8, 12, 24];

export class HandoverView {

  /** @param teamTypes () => the team types as the board knows them (which are voluntary) */
  constructor(i18n, categories, teamTypes = () => []) {
    this._i18n = i18n;
    this._categories = categories;
    this._teamTypes = teamTypes;
    this._hours = 8;
    this._dialog = el('dialog', { className: 'handover', id: 'handover', 'aria-labelledby': 'handover-heading' });
    document.body.append(this._dialog);
  }

  async open() {
    this._dialog.replaceChildren(el('p', {}, this._i18n.t('board.loading')));
    if (!this._dialog.open) {
      this._dialog.showModal();
    }
    try {
      this._render(await api(`/api/incidents/handover?hours=${this._hours}`));
    }
    catch (failure) {
      const text = failure instanceof ApiError && failure.status ? failure.title : this._i18n.t('error.network');
      this._dialog.replaceChildren(el('p', { className: 'notice notice--warning', role: 'alert' }, text), this._actions());
    }
  }

  _render(received) {
    const open = received.open.map((incident) => withoutDeadlineIfOffered(incident, this._teamTypes()));
    const until = Date.parse(received.until);
    const summary = { ...received, open, overdue: open.filter((incident) => isOverdue(incident, until)).length };
    const t = (key, params) => this._i18n.t(key, params);
    const when = (iso) => formatDateTime(iso, this._i18n.language);
    const hours = el('select', { id: 'handover-hours', onChange: () => {
      this._hours = Number(hours.value);
      this.open();
    } }, SHIFT_HOURS.map((value) => el('option', { value, selected: value === this._hours }, t('board.handover.hours', { count: value }))));
    const changes = Object.entries(summary.changes).sort(([a], [b]) => a.localeCompare(b));
    this._dialog.replaceChildren(
      el('h2', { id: 'handover-heading' }, t('board.handover.heading', { since: when(summary.since), until: when(summary.until) })),
      el('p', { className: 'no-print' }, el('label', { for: 'handover-hours' }, t('board.handover.period')), ' ', hours),
      el('section', {}, el('h3', {}, t('board.handover.open', { count: summary.open.length })),
        el('p', { className: summary.overdue ? 'overdue-text' : '' }, t('board.handover.overdue', { count: summary.overdue })),
        summary.open.length ? el('table', { className: 'handover-table' },
          el('thead', {}, el('tr', {}, ['#', 'P', 'board.search.category', 'board.filterQuarter', 'board.filterState', 'board.deadline']
            .map((key) => el('th', { scope: 'col' }, key.length > 2 ? t(key) : key)))),
          el('tbody', {}, summary.open.map((incident) => el('tr', { className: isOverdue(incident, until) ? 'overdue-row' : '' },
            el('td', {}, `#${incident.id}`), el('td', {}, `P${incident.priority}`), el('td', {}, this._category(incident.category)),
            el('td', {}, incident.quarter?.name ?? t('board.outside')), el('td', {}, t(`state.${incident.state}`)),
            el('td', {}, incident.deadline ? when(incident.deadline) : '–', isOverdue(incident, until) ? ` · ${t('board.overdue')}` : ''))))) : ''),
      el('section', {}, el('h3', {}, t('board.handover.alarms', { count: summary.alarms.length })),
        el('ul', {}, summary.alarms.map((alarm) => el('li', {},
          `${when(alarm.at)} · #${alarm.incidentId} · ${t(`board.handover.alarm.${alarm.type}`)} · P${alarm.priority} ${this._category(alarm.category)}`,
          alarm.quarter ? ` · ${alarm.quarter}` : '')))),
      el('section', {}, el('h3', {}, t('board.handover.coverage')),
        summary.coverage.length ? el('table', { className: 'handover-table coverage' },
          el('thead', {}, el('tr', {}, ['board.filterQuarter', 'board.filterTeamType', 'board.handover.waiting']
            .map((key) => el('th', { scope: 'col' }, t(key))))),
          el('tbody', {}, summary.coverage.map((gap) => el('tr', {},
            el('td', {}, gap.quarter ?? t('board.outside')), el('td', {}, teamTypeName(this._i18n, gap.teamType)),
            el('td', {}, gap.incidents.map((id) => `#${id}`).join(', ')))))) : el('p', {}, t('board.handover.covered'))),
      el('section', {}, el('h3', {}, t('board.handover.changes')),
        changes.length ? el('ul', {}, changes.map(([type, count]) => el('li', {}, `${t(`board.handover.change.${type}`)}: ${count}`))) : el('p', {}, '–')),
      el('section', {}, el('h3', {}, t('board.handover.closed', { count: summary.closed.length })),
        el('ul', {}, summary.closed.map((incident) => el('li', {},
          `#${incident.id} · ${this._category(incident.category)} · ${t(`outcome.${incident.outcome}`)} · ${when(incident.closedAt)}`)))),
      this._actions());
  }

  _actions() {
    const t = (key) => this._i18n.t(key);
    return el('div', { className: 'dialog-actions no-print' },
      el('button', { type: 'button', className: 'button', onClick: () => window.print() }, t('board.handover.print')),
      el('button', { type: 'button', className: 'button button--primary', onClick: () => this._dialog.close() }, t('board.handover.close')));
  }

  _category(code) {
    return categoryLabel(this._categories, code, this._i18n.language);
  }

}
