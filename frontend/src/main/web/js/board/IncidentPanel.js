import { api, ApiError } from '../core/api.js';
import { el, formatDateTime } from '../core/dom.js';

/**
 * The panel of one incident on the board: what happened (its reports), why these teams
 * (the routing explanation), what has been done (timeline, notes), and what a team lead can do
 * now (assign from proposals, follow up, decide, change priority, merge, note). Every action
 * sends the version the lead saw; a lost race is shown with the current state.
 */
export class IncidentPanel {

  constructor(element, { i18n, store, categories }) {
    this._element = element;
    this._i18n = i18n;
    this._store = store;
    this._categories = categories;
    this._detail = null;
    this._id = null;
    this._message = null;
  }

  get incidentId() {
    return this._id;
  }

  async show(id) {
    this._id = id;
    this._message = null;
    await this.refresh();
    this._element.querySelector('h2')?.focus();
  }

  close() {
    this._id = null;
    this._detail = null;
    this._element.hidden = true;
  }

  async refresh() {
    if (this._id == null) {
      return;
    }
    try {
      const [detail, proposals] = await Promise.all([api(`/api/incidents/${this._id}`), api(`/api/incidents/${this._id}/proposals`)]);
      this._detail = detail;
      this._proposals = proposals;
    }
    catch (failure) {
      this._message = { kind: 'warning', text: this._problem(failure) };
    }
    this._render();
  }

  // Rendering -------------------------------------------------------------------------------

  _render() {
    const t = (key, params) => this._i18n.t(key, params);
    this._element.hidden = false;
    if (!this._detail) {
      this._element.replaceChildren(el('p', { className: 'notice notice--warning' }, this._message?.text ?? ''));
      return;
    }
    const incident = this._detail.incident;
    const active = ['OPEN', 'DISPATCHED', 'ON_SITE'].includes(incident.state);
    this._element.replaceChildren(
      el('div', { className: 'panel-head' },
        el('h2', { tabindex: '-1', id: 'panel-heading' }, `#${incident.id} · ${this._category(incident.category)}`),
        el('button', { type: 'button', className: 'button button--small', onClick: () => this.close() }, t('board.closePanel'))),
      el('p', { className: 'badges' },
        el('span', { className: `badge priority-${incident.priority}` }, `P${incident.priority}`), ' ',
        el('span', { className: 'badge' }, t(`state.${incident.state}`)), ' ',
        incident.overdue ? el('span', { className: 'badge overdue' }, t('board.overdue')) : '', ' ',
        incident.hotspot ? el('span', { className: 'badge hotspot' }, t('board.hotspot')) : ''),
      el('p', {}, [incident.quarter?.name ?? t('board.outside'), ' · ', t('board.deadline'), ' ',
        incident.deadline ? formatDateTime(incident.deadline, this._i18n.language) : '–']),
      this._message ? el('p', { className: `notice notice--${this._message.kind}`, role: 'alert' }, this._message.text) : '',
      this._section('board.why', el('p', { className: 'explanation' }, this._detail.routing.explanation ?? '–')),
      active ? this._section('board.teams', this._assignments(), this._proposalList()) : this._section('board.teams', this._assignments()),
      active ? this._section('board.decide', this._decisions(incident)) : '',
      active ? this._section('board.priority', this._priorityForm(incident)) : '',
      active ? this._section('board.merge', this._mergeForm(incident)) : '',
      this._section('board.reports', el('ol', { className: 'reports' }, this._detail.reports.map((report) => this._report(report)))),
      this._section('board.notes', this._notes()),
      this._section('board.timeline', this._timeline()));
  }

  _section(titleKey, ...content) {
    return el('section', { className: 'panel-section' }, el('h3', {}, this._i18n.t(titleKey)), ...content);
  }

  _assignments() {
    const t = (key, params) => this._i18n.t(key, params);
    const assignments = this._detail.assignments;
    if (!assignments.length) {
      return el('p', { className: 'hint' }, t('board.noTeamYet'));
    }
    return el('ul', { className: 'assignments' }, assignments.map((assignment) => el('li', {},
      el('strong', {}, assignment.team), ` (${assignment.teamType}) · ${t(`assignment.${assignment.state}`)}`,
      assignment.declineReason ? ` · ${assignment.declineReason}` : '',
      ...this._assignmentSteps(assignment))));
  }

  _assignmentSteps(assignment) {
    const next = { ASSIGNED: ['EN_ROUTE', 'ON_SITE', 'DECLINED'], EN_ROUTE: ['ON_SITE', 'DECLINED'], ON_SITE: ['DONE'] }[assignment.state] ?? [];
    return next.map((state) => el('button', {
      type: 'button', className: 'button button--small',
      onClick: () => this._moveAssignment(assignment, state),
    }, this._i18n.t(`assignment.step.${state}`)));
  }

  _proposalList() {
    const t = (key, params) => this._i18n.t(key, params);
    if (!this._proposals.length) {
      return el('p', { className: 'hint' }, t('board.noProposals'));
    }
    return el('div', {}, el('h4', {}, t('board.proposals')), el('ul', { className: 'proposals' }, this._proposals.map((team) => el('li', {},
      el('button', { type: 'button', className: 'button button--small button--primary', onClick: () => this._assign(team.teamId) }, t('board.assign')), ' ',
      el('strong', {}, team.name), ` · ${team.teamType}`,
      team.distanceMeters != null ? ` · ${(team.distanceMeters / 1000).toFixed(1)} km` : '',
      ` · ${team.languages.join(', ')}`,
      team.coversQuarter ? '' : ` · ${t('board.notItsQuarter')}`))));
  }

  _decisions(incident) {
    const t = (key) => this._i18n.t(key);
    const referredTo = el('input', { type: 'text', id: 'referred-to', maxlength: '200' });
    const canResolve = incident.state !== 'OPEN';
    return el('div', { className: 'decisions' },
      canResolve ? el('button', { type: 'button', className: 'button', onClick: () => this._decide('RESOLVED') }, t('board.resolve')) : '',
      el('button', { type: 'button', className: 'button', onClick: () => this._decide('CLOSED') }, t('board.closeNoAction')),
      el('div', { className: 'field inline' },
        el('label', { for: 'referred-to' }, t('board.referredTo')), referredTo,
        el('button', { type: 'button', className: 'button', onClick: () => this._decide('REFERRED', referredTo.value) }, t('board.refer'))));
  }

  _priorityForm(incident) {
    const t = (key) => this._i18n.t(key);
    const select = el('select', { id: 'priority' }, [1, 2, 3, 4].map((value) => el('option', { value, selected: value === incident.priority }, `P${value}`)));
    const reason = el('input', { type: 'text', id: 'priority-reason', maxlength: '500' });
    return el('form', { className: 'inline-form', onSubmit: (event) => {
      event.preventDefault();
      this._changePriority(Number(select.value), reason.value);
    } },
    el('label', { for: 'priority' }, t('board.newPriority')), select,
    el('label', { for: 'priority-reason' }, t('board.reason')), reason,
    el('button', { type: 'submit', className: 'button button--small' }, t('board.change')));
  }

  _mergeForm(incident) {
    const t = (key) => this._i18n.t(key);
    const candidates = this._store.queue((other) => other.id !== incident.id && other.category === incident.category)
      .map((other) => ({ other, distance: distanceMeters(incident, other) }))
      .filter((candidate) => candidate.distance < 500)
      .sort((a, b) => a.distance - b.distance);
    if (!candidates.length) {
      return el('p', { className: 'hint' }, t('board.noDuplicates'));
    }
    const select = el('select', { id: 'merge-into' }, candidates.map(({ other, distance }) =>
      el('option', { value: other.id }, `#${other.id} · ${Math.round(distance)} m · ${t(`state.${other.state}`)}`)));
    return el('form', { className: 'inline-form', onSubmit: (event) => {
      event.preventDefault();
      this._merge(Number(select.value));
    } },
    el('label', { for: 'merge-into' }, t('board.mergeInto')), select,
    el('button', { type: 'submit', className: 'button button--small' }, t('board.mergeAction')));
  }

  _report(report) {
    const t = (key) => this._i18n.t(key);
    const contact = el('div', { className: 'contact' });
    if (report.hasContact) {
      const purpose = el('select', { 'aria-label': t('board.contactPurpose') },
        ['CALLBACK', 'CLARIFY', 'OUTCOME'].map((value) => el('option', { value }, t(`purpose.${value}`))));
      contact.append(purpose, el('button', { type: 'button', className: 'button button--small', onClick: () => this._showContact(report.id, purpose.value, contact) }, t('board.showContact')));
    }
    return el('li', {},
      el('p', { className: 'meta' }, `${formatDateTime(report.submittedAt, this._i18n.language)} · ${t(`channel.${report.channel}`)} · ${t(`language.${report.language}`)}`,
        report.interpreterNeeded ? ` · ${t('board.interpreter')}` : ''),
      report.address ? el('p', { className: 'meta' }, report.address) : '',
      el('p', { className: 'description', dir: 'auto' }, report.description ?? t('board.redacted')),
      contact);
  }

  _notes() {
    const t = (key) => this._i18n.t(key);
    const text = el('textarea', { id: 'note-text', maxlength: '2000', rows: '2', dir: 'auto' });
    return el('div', {},
      el('ul', { className: 'notes' }, this._detail.notes.map((note) => el('li', {},
        el('p', { className: 'meta' }, `${formatDateTime(note.at, this._i18n.language)} · ${note.author}`),
        el('p', { dir: 'auto' }, note.text ?? t('board.redacted'))))),
      el('form', { onSubmit: (event) => {
        event.preventDefault();
        this._addNote(text.value);
      } },
      el('label', { for: 'note-text' }, t('board.addNote')), text,
      el('button', { type: 'submit', className: 'button button--small' }, t('board.save'))));
  }

  _timeline() {
    return el('ol', { className: 'timeline' }, this._detail.timeline.map((entry) => el('li', {},
      el('span', { className: 'meta' }, formatDateTime(entry.at, this._i18n.language)), ' ',
      this._i18n.t(`event.${entry.type}`), entry.team ? ` · ${entry.team}` : '', ` · ${entry.actor}`)));
  }

  // Actions -----------------------------------------------------------------------------------

  _version() {
    return this._detail.incident.version;
  }

  async _assign(teamId) {
    await this._act(`/api/incidents/${this._id}/assignments`, { teamId, version: this._version() });
  }

  async _moveAssignment(assignment, state) {
    let reason = null;
    if (state === 'DECLINED') {
      reason = window.prompt(this._i18n.t('board.declineReason'));
      if (!reason) {
        return;
      }
    }
    await this._act(`/api/incidents/${this._id}/assignments/${assignment.id}`, { state, version: assignment.version, reason });
  }

  async _decide(state, referredTo = null) {
    await this._act(`/api/incidents/${this._id}/decision`, { state, version: this._version(), referredTo });
  }

  async _changePriority(priority, reason) {
    await this._act(`/api/incidents/${this._id}/priority`, { priority, reason, version: this._version() });
  }

  async _merge(into) {
    const merged = await this._act(`/api/incidents/${this._id}/merge`, { into, version: this._version() });
    if (merged) {
      await this.show(into);
    }
  }

  async _addNote(text) {
    await this._act(`/api/incidents/${this._id}/notes`, { text });
  }

  async _showContact(reportId, purpose, container) {
    try {
      const contact = await api(`/api/incidents/reports/${reportId}/contact?purpose=${purpose}`);
      container.replaceChildren(el('dl', { className: 'summary-list' },
        ['name', 'phone', 'email'].filter((field) => contact[field]).flatMap((field) =>
          [el('dt', {}, this._i18n.t(`board.contact.${field}`)), el('dd', {}, contact[field])])),
      el('p', { className: 'hint' }, this._i18n.t('board.contactAudited')));
    }
    catch (failure) {
      container.replaceChildren(el('p', { className: 'notice notice--warning' }, this._problem(failure)));
    }
  }

  async _act(path, body) {
    try {
      this._detail = await api(path, { method: 'POST', body });
      this._proposals = await api(`/api/incidents/${this._detail.incident.id}/proposals`);
      this._message = { kind: 'success', text: this._i18n.t('board.done') };
      this._render();
      return true;
    }
    catch (failure) {
      this._message = { kind: 'warning', text: this._problem(failure) };
      await this.refresh();
      return false;
    }
  }

  _problem(failure) {
    if (failure instanceof ApiError && failure.status) {
      const fields = failure.errors.map((error) => error.message).join(' ');
      return [failure.title, failure.detail, fields].filter(Boolean).join(': ');
    }
    return this._i18n.t('error.network');
  }

  _category(code) {
    const category = this._categories.find((candidate) => candidate.code === code);
    return category ? (category.labels[this._i18n.language] || category.labels.de) : code;
  }

}

/** Straight-line distance in metres, good enough to suggest duplicates. */
export function distanceMeters(a, b) {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371000 * Math.asin(Math.sqrt(h));
}
