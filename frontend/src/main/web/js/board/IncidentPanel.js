import { api, ApiError } from '../core/api.js';
import { el } from '../core/dom.js';
import { formatDateTime, formatList } from '../core/format.js';
import { distanceMeters, formatDistance } from '../core/geo.js';
import { categoryLabel } from '../core/categories.js';
import { problemText } from '../admin/problems.js';
import { incidentReferrals } from '../referral/IncidentReferrals.js';
import { incidentPhotos } from './IncidentPhotos.js';
import { incidentPublicMessages } from './PublicMessages.js';
import { CloseDialog } from './CloseDialog.js';
import { stateKey } from './incidentState.js';
import { actorText, stepText } from './timelineSteps.js';
import { teamTypeName } from '../core/teamTypes.js';
import { explainRoutingFor } from './routingExplanation.js';
import { staffLanguageName } from '../core/languageNames.js';
import { askReason } from '../core/ReasonDialog.js';
import { teamStatusKey } from '../core/teamStatus.js';
import { busySpeakers } from './busySpeakers.js';

/**
 * The panel of one incident on the board: what happened (its reports), why these teams
 * (the routing explanation), what has been done (timeline, notes), and what a team lead can do
 * now (assign from proposals, follow up, decide, change priority, merge, note).
 *
 * One incident is selected at a time. Each selection starts a new generation: an answer that
 * arrives for an earlier selection (or an older version) is dropped, so the panel never shows
 * one incident's data under another's heading. While a selection loads, no action is offered.
 * Every action takes the id and version of the incident as rendered, so it acts on exactly
 * what the lead sees; a lost race is shown with the current state.
 */
export class IncidentPanel {

  constructor(element, { i18n, store, categories, onClose = () => {}, onShown = () => {} }) {
    this._element = element;
    this._i18n = i18n;
    this._store = store;
    this._categories = categories;
    this._onClose = onClose;
    this._onShown = onShown;
    this._closeDialog = new CloseDialog(i18n);
    this._detail = null;
    this._proposals = [];
    this._id = null;
    this._merging = null;
    this._generation = 0;
    this._busy = false;
    this._message = null;
    this._acted = false;
    this._origin = null;
    this._failedField = null;
    // Escape closes the panel, unless a control inside handled it (a list, a dialog).
    element.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !event.defaultPrevented && !element.hidden) {
        event.preventDefault();
        this.close();
      }
    });
  }

  /** The selected incident's id, or null. */
  get incidentId() {
    return this._id;
  }

  /** Whether this panel's own merge of the incident is on its way (its answer says how it went). */
  merging(id) {
    return this._merging != null && this._merging === id;
  }

  /** Selects an incident: the panel shows it alone from now on. */
  async show(id, { notice = null } = {}) {
    const generation = ++this._generation;
    this._id = id;
    this._detail = null;
    this._proposals = [];
    this._busy = false;
    this._message = notice;
    this._renderLoading();
    await this._load(generation);
    if (generation === this._generation) {
      this._element.querySelector('h2')?.focus();
    }
  }

  close() {
    const id = this._id;
    this._generation++;
    this._id = null;
    this._detail = null;
    this._element.hidden = true;
    this._element.replaceChildren();
    this._onClose(id);
  }

  /** Reads the selected incident again (after a live event for it). */
  async refresh() {
    if (this._id != null) {
      await this._load(this._generation);
    }
  }

  /**
   * A team became available or busy: the open panel's proposals follow. Distances alone do not
   * draw it again (teams move all the time, and a redraw takes the keyboard from its button).
   */
  async refreshProposals() {
    const [id, generation] = [this._id, this._generation];
    if (id == null || !this._detail || this._busy) {
      return;
    }
    const proposals = await api(`/api/incidents/${id}/proposals`).catch(() => null);
    const teams = (list) => list.map((team) => team.teamId).join(',');
    if (proposals && this._isCurrent(generation, id) && !this._busy
        && (teams(proposals) !== teams(this._proposals) || this._busySpeakersText(proposals) !== this._shownBusySpeakers)) {
      this._proposals = proposals;
      this._render();
    }
  }

  async _load(generation) {
    const id = this._id;
    try {
      const [detail, proposals] = await Promise.all([api(`/api/incidents/${id}`), api(`/api/incidents/${id}/proposals`)]);
      if (this._isCurrent(generation, id) && !this._isOlder(detail)) {
        this._detail = detail;
        this._proposals = proposals;
      }
    }
    catch (failure) {
      if (this._isCurrent(generation, id)) {
        this._message = { kind: 'warning', text: this._problem(failure) };
      }
    }
    // A live event that changed nothing the panel shows draws nothing again: a re-drawn panel
    // would take the keyboard focus, and a click under way, from the button they were on.
    if (this._isCurrent(generation, id) && this._renderKey() !== this._rendered) {
      this._render();
    }
  }

  /**
   * What the panel says, in the language shown: its own words by key (after the label of the
   * field they are about), the server's as they came.
   */
  _messageText() {
    const message = this._message;
    if (!message?.key) {
      return message?.text ?? '';
    }
    const label = message.field && this._element.querySelector(`label[for="${CSS.escape(message.field)}"]`)?.textContent;
    return [label, this._i18n.t(message.key, message.params ?? {})].filter(Boolean).join(': ');
  }

  /** Everything a render shows, as text: the same again needs no new render. */
  _renderKey() {
    const shown = this._detail ? this._store.asShown(this._detail.incident) : null;
    return JSON.stringify([this._i18n.language, this._message, this._detail, this._proposals, shown]);
  }

  _isCurrent(generation, id) {
    return generation === this._generation && id === this._id;
  }

  /** An answer older than what is shown (answers can overtake each other). */
  _isOlder(detail) {
    return this._detail != null && detail.incident.version < this._detail.incident.version;
  }

  // Rendering -------------------------------------------------------------------------------

  _renderLoading() {
    this._rendered = null;
    const wasHidden = this._element.hidden;
    this._element.hidden = false;
    this._element.dataset.incidentId = this._id;
    this._element.dataset.version = '';
    this._element.setAttribute('aria-busy', 'true');
    this._element.replaceChildren(this._head(`#${this._id}`),
      this._message ? el('p', { className: `notice notice--${this._message.kind}`, role: 'status' }, this._messageText()) : '',
      el('p', { className: 'hint' }, this._i18n.t('board.loading')));
    if (wasHidden) {
      this._onShown();
    }
  }

  _head(title) {
    return el('div', { className: 'panel-head' },
      el('h2', { tabindex: '-1', id: 'panel-heading' }, title),
      el('button', { type: 'button', className: 'button button--small button--quiet', id: 'close-panel', onClick: () => this.close() }, '✕ ', this._i18n.t('board.closePanel')));
  }

  _render() {
    this._rendered = this._renderKey();
    const t = (key, params) => this._i18n.t(key, params);
    const wasHidden = this._element.hidden;
    this._element.hidden = false;
    this._element.removeAttribute('aria-busy');
    if (!this._detail) {
      this._element.replaceChildren(this._head(`#${this._id}`), el('p', { className: 'notice notice--warning' }, this._messageText()));
      return;
    }
    const typed = this._typedValues();
    // After an action, or while it is on its way, where the lead acted from (a live event may
    // have moved the keyboard since); else where the keyboard is now.
    const focused = ((this._acted || this._busy) && this._origin !== null) ? this._origin
      : this._element.contains(document.activeElement) ? document.activeElement.id : null;
    const incident = this._store.asShown(this._detail.incident);
    const active = ['OPEN', 'DISPATCHED', 'ON_SITE'].includes(incident.state);
    // A merged incident's case goes on in the one it was merged into: what is added goes there.
    const merged = this._detail.mergedInto != null;
    this._element.dataset.incidentId = incident.id;
    this._element.dataset.version = incident.version;
    this._element.replaceChildren(
      this._head(`#${incident.id} · ${this._category(incident.category)}`),
      el('p', { className: 'badges' },
        el('span', { className: `badge priority-${incident.priority}` }, `P${incident.priority}`), ' ',
        el('span', { className: 'badge' }, t(stateKey({ ...incident, assignments: this._detail.assignments }))), ' ',
        incident.overdue ? el('span', { className: 'badge overdue' }, t('board.overdue')) : '', ' ',
        incident.hotspot ? el('span', { className: 'badge hotspot' }, t('board.hotspot')) : ''),
      el('p', {}, [incident.quarter?.name ?? t('board.outside'), ' · ', t('board.deadline'), ' ',
        incident.deadline ? formatDateTime(incident.deadline, this._i18n.language) : '–']),
      this._message ? el('p', { className: `notice notice--${this._message.kind}`, role: 'alert', id: 'panel-message', tabindex: '-1' }) : '',
      active ? '' : this._ending(incident),
      this._section('board.why', el('p', { className: 'explanation' }, this._explanation())),
      active ? this._section('board.teams', this._assignments(incident), this._proposalList(incident), this._busySpeakersHint()) : this._section('board.teams', this._assignments(incident)),
      active ? this._section('board.decide', this._decisions(incident)) : '',
      active ? this._section('board.priority', this._priorityForm(incident)) : '',
      active ? this._section('board.merge', this._mergeForm(incident)) : '',
      this._section('board.reports', el('ol', { className: 'reports' }, this._detail.reports.map((report) => this._report(report)))),
      this._section('board.photos', incidentPhotos(incident.id, this._i18n)),
      this._section('board.notes', this._notes(incident, !merged)),
      this._section('board.publicMessages', incidentPublicMessages(incident.id, this._i18n,
        { writable: !merged, readerLanguages: this._detail.reports.map((report) => report.language) })),
      this._section('board.referrals', incidentReferrals(incident.id, this._i18n, { writable: !merged, language: this._detail.reports[0]?.language })),
      this._section('board.timeline', this._timeline()));
    // Written once the panel is drawn: a field's label is named as it now reads.
    const said = this._element.querySelector('#panel-message');
    if (said) {
      said.textContent = this._messageText();
    }
    this._restoreTypedValues(typed);
    this._restoreFocus(focused);
    if (wasHidden) {
      this._onShown();
    }
  }

  /**
   * A re-drawn panel keeps the keyboard where it was: on the same control if it is still
   * there, else (its button went with the step it offered) on the message that says what
   * happened, else on the heading, but never back at the top of the page.
   */
  _restoreFocus(id) {
    // An action answered, or still on its way (a live event about it may come first).
    const acted = this._acted || this._busy;
    this._acted = false;
    if (!this._busy) {
      // Kept while the action is on its way: its answer's redraw still starts from there.
      this._origin = null;
    }
    const failed = this._failedField && this._element.querySelector(`#${CSS.escape(this._failedField)}`);
    this._failedField = null;
    if (failed && this._message) {
      // Refused for what the lead typed: the field says so (once: not also above), and the
      // keyboard goes there.
      this._element.querySelector('#panel-message')?.remove();
      failed.setAttribute('aria-invalid', 'true');
      failed.setAttribute('aria-describedby', 'panel-field-error');
      failed.after(el('p', { className: 'field-error', id: 'panel-field-error' }, this._messageText()));
      failed.focus();
      return;
    }
    if (id === null) {
      return;
    }
    const message = acted && this._element.querySelector('#panel-message');
    if (message && this._message?.kind === 'warning') {
      // Refused: the control acted from is still there, but what went wrong is said above.
      message.focus();
      return;
    }
    const same = id && this._element.querySelector(`#${CSS.escape(id)}`);
    if (same && !same.disabled) {
      same.focus({ preventScroll: true });
      return;
    }
    // The message only when it is news: after a live event it would announce an old one. It
    // is brought into view; the heading, when the control went with a live event, is not.
    if (message) {
      message.focus();
      return;
    }
    // After the lead's own action the heading is brought into view with the keyboard (the
    // panel had been scrolled down to the control that went); after a live event it is not.
    this._element.querySelector('h2')?.focus({ preventScroll: !acted });
  }

  /**
   * What the lead was typing or choosing, kept across a re-render caused by a live event:
   * texts, and the choices changed from what was drawn (an untouched priority shows the
   * incident's current one, which another lead may just have changed).
   */
  _typedValues() {
    const texts = [...this._element.querySelectorAll('input[type=text][id], input[type=tel][id], textarea[id]')]
      .filter((field) => field.value).map((field) => [field.id, 'value', field.value]);
    const choices = [...this._element.querySelectorAll('select[id]')]
      .filter((select) => [...select.options].find((option) => option.defaultSelected)?.value !== select.value)
      .map((select) => [select.id, 'value', select.value]);
    const ticks = [...this._element.querySelectorAll('input[type=checkbox][id]')]
      .filter((box) => box.checked !== box.defaultChecked).map((box) => [box.id, 'checked', box.checked]);
    return [...texts, ...choices, ...ticks];
  }

  _restoreTypedValues(typed) {
    for (const [id, property, value] of typed) {
      const field = this._element.querySelector(`#${CSS.escape(id)}`);
      if (field && (field.tagName !== 'SELECT' || [...field.options].some((option) => option.value === value))) {
        field[property] = value;
        if (property === 'checked') {
          field.dispatchEvent(new Event('change'));
        }
      }
    }
  }

  /** How a closed incident ended, and (for a short while) a way for its lead to take it back. */
  _ending(incident) {
    const t = (key, params) => this._i18n.t(key, params);
    const detail = this._detail;
    const until = detail.undoableUntil ? Date.parse(detail.undoableUntil) : 0;
    const undo = until > Date.now() ? el('button', {
      type: 'button', className: 'button button--small', id: 'undo-decision',
      onClick: () => this._act(incident, `/api/incidents/${incident.id}/decision/undo`, { version: incident.version }),
    }, t('board.undo')) : '';
    if (undo) {
      setTimeout(() => undo.remove(), until - Date.now());
    }
    if (detail.mergedInto != null) {
      const into = String(detail.mergedInto);
      return el('div', { className: 'ending notice' },
        el('p', {}, t('board.mergedCase', { into }),
          detail.closedAt ? ` · ${formatDateTime(detail.closedAt, this._i18n.language)}` : ''),
        el('button', { type: 'button', className: 'button button--small', id: 'open-merge-target',
          onClick: () => this.show(detail.mergedInto) }, t('board.openMergeTarget', { into })));
    }
    return el('div', { className: 'ending notice' },
      el('p', {}, detail.outcome ? t(`outcome.${detail.outcome}`) : t(`state.${incident.state}`),
        detail.outcomeReason ? ` · ${detail.outcomeReason}` : '',
        detail.referredTo ? ` · ${detail.referredTo}` : '',
        detail.closedAt ? ` · ${formatDateTime(detail.closedAt, this._i18n.language)}` : ''),
      undo);
  }

  /** Why these teams: from the routing's parts in the lead's language; older incidents keep their sentence. */
  _explanation() {
    const routing = this._detail.routing;
    if (!routing.parts) {
      return routing.explanation ?? '–';
    }
    return explainRoutingFor(routing.parts, this._i18n, (code) => this._category(code));
  }

  _section(titleKey, ...content) {
    return el('section', { className: 'panel-section' }, el('h3', {}, this._i18n.t(titleKey)), ...content);
  }

  _assignments(incident) {
    const t = (key, params) => this._i18n.t(key, params);
    const assignments = this._detail.assignments;
    if (!assignments.length) {
      return el('p', { className: 'hint' }, t('board.noTeamYet'));
    }
    return el('ul', { className: 'assignments' }, assignments.map((assignment) => el('li', {},
      el('strong', {}, assignment.team), ` (${teamTypeName(this._i18n, assignment.teamType)}) · ${t(`assignment.${assignment.state}`)}`,
      assignment.declineReason ? ` · ${assignment.declineReason}` : '',
      ...this._assignmentSteps(incident, assignment))));
  }

  _assignmentSteps(incident, assignment) {
    const next = { ASSIGNED: ['EN_ROUTE', 'ON_SITE', 'DECLINED'], EN_ROUTE: ['ON_SITE', 'DECLINED'], ON_SITE: ['DONE'] }[assignment.state] ?? [];
    // Named with the team: a screen reader's list of buttons has one "Vor Ort" per team.
    return next.map((state) => el('button', {
      type: 'button', className: 'button button--small', id: `assignment-${assignment.id}-${state}`,
      'aria-label': `${this._i18n.t(`assignment.step.${state}`)}: ${assignment.team}`,
      onClick: () => this._moveAssignment(incident, assignment, state),
    }, this._i18n.t(`assignment.step.${state}`)));
  }

  _proposalList(incident) {
    const t = (key, params) => this._i18n.t(key, params);
    if (!this._proposals.length) {
      return el('p', { className: 'hint' }, t('board.noProposals'));
    }
    return el('div', {}, el('h4', {}, t('board.proposals')), el('ul', { className: 'proposals' }, this._proposals.map((team) => el('li', {},
      el('button', { type: 'button', className: 'button button--small button--primary', id: `assign-team-${team.teamId}`, 'aria-label': `${t('board.assign')}: ${team.name}`, onClick: () => this._act(incident, `/api/incidents/${incident.id}/assignments`, { teamId: team.teamId, version: incident.version }) }, t('board.assign')), ' ',
      el('strong', {}, team.name), ` · ${teamTypeName(this._i18n, team.teamType)}`,
      team.distanceMeters != null ? ` · ${formatDistance(team.distanceMeters, this._i18n.language)}` : '',
      team.languages.length ? ` · ${team.languages.map((code) => staffLanguageName(code, this._i18n.language, t)).join(', ')}` : '',
      team.coversQuarter ? '' : ` · ${t('board.notItsQuarter')}`,
      team.speaksReportersLanguages === false ? ` · ${t('board.notTheirLanguage')}` : ''))));
  }

  /** Who else speaks the reporters' language, when no proposed team does (busySpeakers). */
  _busySpeakersHint() {
    this._shownBusySpeakers = this._busySpeakersText(this._proposals);
    return this._shownBusySpeakers ? el('p', { className: 'hint', id: 'busy-speakers' }, this._shownBusySpeakers) : '';
  }

  _busySpeakersText(proposals) {
    const t = (key, params) => this._i18n.t(key, params);
    const language = this._i18n.language;
    const found = busySpeakers([...this._store.teams.values()], this._detail.incident, this._detail.reports, proposals,
      this._detail.assignments);
    return found.teams.length ? t('board.busySpeakers', {
      languages: formatList(found.languages.map((code) => staffLanguageName(code, language, t)), language),
      teams: formatList(found.teams.map((team) => `${team.name} (${t(teamStatusKey(team))})`), language),
    }) : '';
  }

  _decisions(incident) {
    const t = (key) => this._i18n.t(key);
    const referredTo = el('input', { type: 'text', id: 'referred-to', maxlength: '200' });
    const canResolve = incident.state !== 'OPEN';
    return el('div', { className: 'decisions' },
      canResolve ? el('button', { type: 'button', className: 'button', id: 'resolve', onClick: () => this._decide(incident, { outcome: 'RESOLVED' }) }, t('board.resolve')) : '',
      el('button', { type: 'button', className: 'button button--danger', id: 'close-no-action', onClick: () => this._closeWithoutAction(incident) }, t('board.closeNoAction')),
      el('div', { className: 'field inline' },
        el('label', { for: 'referred-to' }, t('board.referredTo')), referredTo,
        el('button', { type: 'button', className: 'button', id: 'refer', onClick: () => this._decide(incident, { outcome: 'REFERRED', referredTo: referredTo.value }, 'referred-to') }, t('board.refer'))));
  }

  _priorityForm(incident) {
    const t = (key) => this._i18n.t(key);
    const select = el('select', { id: 'priority' }, [1, 2, 3, 4].map((value) => el('option', { value, selected: value === incident.priority }, `P${value}`)));
    const reason = el('input', { type: 'text', id: 'priority-reason', maxlength: '500' });
    return el('form', { className: 'inline-form', onSubmit: (event) => {
      event.preventDefault();
      this._act(incident, `/api/incidents/${incident.id}/priority`, { priority: Number(select.value), reason: reason.value, version: incident.version }, 'priority-reason');
    } },
    el('label', { for: 'priority' }, t('board.newPriority')), select,
    el('label', { for: 'priority-reason' }, t('board.reason')), reason,
    el('button', { type: 'submit', className: 'button button--small', id: 'change-priority' }, t('board.change')));
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
      this._merge(incident, Number(select.value));
    } },
    el('label', { for: 'merge-into' }, t('board.mergeInto')), select,
    el('button', { type: 'submit', className: 'button button--small', id: 'merge' }, t('board.mergeAction')));
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
      el('p', { className: 'meta' }, `${formatDateTime(report.submittedAt, this._i18n.language)} · ${t(`channel.${report.channel}`)}${report.source ? ` (${report.source})` : ''} · ${staffLanguageName(report.language, this._i18n.language, t)}`,
        report.interpreterNeeded ? ` · ${t('board.interpreter')}` : ''),
      report.address ? el('p', { className: 'meta' }, report.address) : '',
      el('p', { className: 'description', dir: 'auto' }, report.description ?? t('board.redacted')),
      contact);
  }

  _notes(incident, writable) {
    const t = (key) => this._i18n.t(key);
    const text = el('textarea', { id: 'note-text', maxlength: '2000', rows: '2', dir: 'auto' });
    return el('div', {},
      el('ul', { className: 'notes' }, this._detail.notes.map((note) => el('li', {},
        el('p', { className: 'meta' }, `${formatDateTime(note.at, this._i18n.language)} · ${note.author}`,
          note.kind === 'FIELD' ? ` · ${t('board.fieldNote')}` : ''),
        el('p', { dir: 'auto' }, note.text ?? t('board.redacted'))))),
      !writable ? '' : el('form', { onSubmit: (event) => {
        event.preventDefault();
        this._act(incident, `/api/incidents/${incident.id}/notes`, { text: text.value }, 'note-text');
      } },
      el('label', { for: 'note-text' }, t('board.addNote')), text,
      el('button', { type: 'submit', className: 'button button--small', id: 'save-note' }, t('board.save'))));
  }

  _timeline() {
    const t = (key, params) => this._i18n.t(key, params);
    return el('ol', { className: 'timeline' }, this._detail.timeline.map((entry) => el('li', {},
      el('span', { className: 'meta' }, formatDateTime(entry.at, this._i18n.language)), ' ',
      el('span', { className: 'step' }, stepText(entry, t)),
      // A field step that waited on the phone without network: when it was taken.
      entry.details?.takenAt ? ` (${t('board.takenOffline', { time: formatDateTime(entry.details.takenAt, this._i18n.language) })})` : '',
      ' · ',
      el('span', { className: 'actor' }, actorText(entry, t)),
      entry.note ? el('q', { className: 'timeline-note', dir: 'auto' }, entry.note) : '')));
  }

  // Actions -----------------------------------------------------------------------------------

  async _moveAssignment(incident, assignment, state) {
    let reason = null;
    if (state === 'DECLINED') {
      reason = await askReason(this._i18n, { question: this._i18n.t('board.declineReason'), confirm: this._i18n.t('assignment.step.DECLINED') });
      if (!reason) {
        return;
      }
    }
    await this._act(incident, `/api/incidents/${incident.id}/assignments/${assignment.id}`, { state, version: assignment.version, reason });
  }

  async _decide(incident, decision, typedField = null) {
    await this._act(incident, `/api/incidents/${incident.id}/decision`, { ...decision, version: incident.version }, typedField);
  }

  /** Asks for the reason and a confirmation first; the decision can be taken back shortly. */
  async _closeWithoutAction(incident) {
    const answer = await this._closeDialog.ask(incident);
    // The dialog gives the keyboard back to its button, which a live event may have drawn
    // anew meanwhile: back to the one on the page now.
    (this._element.querySelector('#close-no-action') ?? this._element.querySelector('h2'))?.focus({ preventScroll: true });
    if (answer && this._shows(incident)) {
      await this._decide(incident, answer);
    }
  }

  async _merge(incident, into) {
    this._merging = incident.id;
    let merged;
    try {
      merged = await this._act(incident, `/api/incidents/${incident.id}/merge`, { into, version: incident.version });
    }
    finally {
      this._merging = null;
    }
    if (merged && this._id === incident.id) {
      await this.show(into, { notice: { kind: 'success', key: 'board.mergedInto', params: { from: incident.id, into } } });
    }
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

  /** Whether the panel still shows this incident (the selection may have moved on). */
  _shows(incident) {
    return this._id === incident.id;
  }

  /**
   * Sends one action about the incident as rendered. One action at a time; an answer that
   * arrives after the lead selected another incident is not shown (the board hears of the
   * change through its events). `typedField` is the id of the text field the action sent:
   * once done, it is emptied, so that the same note is not offered to be saved twice.
   */
  async _act(incident, path, body, typedField = null) {
    if (!this._shows(incident)) {
      return false;
    }
    if (this._busy) {
      this._sayBusy();
      return false;
    }
    const typed = typedField && this._element.querySelector(`#${CSS.escape(typedField)}`);
    if (typed && !typed.value.trim()) {
      // Every text the panel sends is required: left empty, it is said at its field by the
      // panel, and no request goes out for the server to refuse.
      this._message = { kind: 'warning', key: 'error.required', field: typedField };
      this._failedField = typedField;
      this._acted = true;
      this._render();
      return false;
    }
    const generation = this._generation;
    this._busy = true;
    this._origin = this._element.contains(document.activeElement) ? document.activeElement.id : null;
    this._element.setAttribute('aria-busy', 'true');
    try {
      const detail = await api(path, { method: 'POST', body });
      // Done: the text sent leaves its field, whether or not this answer is the one drawn.
      const sent = typedField && generation === this._generation && this._element.querySelector(`#${typedField}`);
      if (sent) {
        sent.value = '';
      }
      const proposals = await api(`/api/incidents/${detail.incident.id}/proposals`);
      if (generation === this._generation && detail.incident.id === this._id && !this._isOlder(detail)) {
        this._detail = detail;
        this._proposals = proposals;
        this._message = { kind: 'success', key: 'board.done' };
        this._acted = true;
        this._render();
      }
      return true;
    }
    catch (failure) {
      if (generation === this._generation) {
        // The field the server names, where the panel has it (the priority chosen), else the
        // one typed in.
        const named = (failure instanceof ApiError) && failure.errors
          .map((error) => error.field).find((field) => field && this._element.querySelector(`#${CSS.escape(field)}`));
        const field = named || typedField;
        this._message = { kind: 'warning', text: this._problem(failure, field) };
        this._failedField = (failure instanceof ApiError && failure.errors.length) ? field : null;
        this._acted = true;
        await this.refresh();
      }
      return false;
    }
    finally {
      if (generation === this._generation) {
        this._busy = false;
        this._origin = null;
        this._element.removeAttribute('aria-busy');
      }
    }
  }

  /** A press while the previous action is on its way: said, not dropped without a word. */
  _sayBusy() {
    let note = this._element.querySelector('#panel-busy');
    if (!note) {
      note = el('p', { className: 'notice', id: 'panel-busy', role: 'status' });
      this._element.querySelector('.panel-head')?.after(note);
    }
    note.textContent = this._i18n.t('board.stillBusy');
  }

  /** What went wrong in one sentence or two; a field error named after its field's label. */
  _problem(failure, typedField = null) {
    const label = typedField && this._element.querySelector(`label[for="${typedField}"]`)?.textContent;
    return problemText(failure, this._i18n, label || null);
  }

  _category(code) {
    return categoryLabel(this._categories, code, this._i18n.language);
  }

}
