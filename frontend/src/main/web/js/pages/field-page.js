import { api, ApiError } from '../core/api.js';
import { $, el, formatDateTime } from '../core/dom.js';
import { BoardSocket } from '../board/BoardSocket.js';
import { startStaffPage } from './staff.js';

/**
 * The field view: the member's team, its assignments, and a button for each next step. The
 * position goes along with a step only when the member ticked "share my position": it is read
 * once, at that moment, never tracked.
 */
const NEXT_STEPS = { ASSIGNED: ['EN_ROUTE', 'ON_SITE'], EN_ROUTE: ['ON_SITE'], ON_SITE: ['DONE'] };
const SHARE_KEY = 'quartier-dispatch.share-position';

class FieldPage {

  constructor(i18n, categories) {
    this.i18n = i18n;
    this.categories = categories;
    this.document = null;
  }

  async start() {
    $('#share-position').checked = localStorage.getItem(SHARE_KEY) === 'yes';
    $('#share-position').addEventListener('change', () => localStorage.setItem(SHARE_KEY, $('#share-position').checked ? 'yes' : 'no'));
    document.addEventListener('languagechange', () => this.render());
    await this.load();
    const socket = new BoardSocket({
      onEvent: () => this.load(),
      onReload: async () => {
        await this.load();
        return currentSeq();
      },
      onStatus: (status) => {
        $('#connection').className = `connection connection--${status}`;
        $('#connection').textContent = this.i18n.t(`board.connection.${status}`);
      },
      onSignedOut: () => window.location.assign('/login?next=/field'),
    });
    socket.start(await currentSeq());
  }

  async load() {
    try {
      this.document = await api('/api/field/assignments');
      this.render();
    }
    catch (failure) {
      this.show(failure);
    }
  }

  render() {
    if (!this.document) {
      return;
    }
    const t = (key, params) => this.i18n.t(key, params);
    const team = this.document.team;
    $('#team-name').textContent = team.name;
    $('#team-status').textContent = t(`team.${team.status}`);
    const assignments = this.document.assignments;
    const busy = assignments.some((assignment) => ['ASSIGNED', 'EN_ROUTE', 'ON_SITE'].includes(assignment.state));
    $('#team-actions').replaceChildren(...(busy ? [el('p', { className: 'hint' }, t('field.statusFollowsAssignment'))]
      : ['AVAILABLE', 'BREAK', 'OFF_DUTY'].filter((status) => status !== team.status).map((status) =>
        el('button', { type: 'button', className: 'button', onClick: () => this.setStatus(status) }, t(`field.status.${status}`)))));
    if (!assignments.length) {
      $('#assignments').replaceChildren(el('li', { className: 'hint' }, t('field.none')));
      return;
    }
    $('#assignments').replaceChildren(...assignments.map((assignment) => this.card(assignment)));
  }

  card(assignment) {
    const t = (key, params) => this.i18n.t(key, params);
    const incident = assignment.incident;
    const active = ['ASSIGNED', 'EN_ROUTE', 'ON_SITE'].includes(assignment.state);
    const note = el('input', { type: 'text', id: `note-${assignment.id}`, maxlength: '500' });
    return el('li', { className: `p${incident.priority}${active ? '' : ' done'}` },
      el('h3', {}, `P${incident.priority} · ${this.category(incident.category)}`),
      el('p', { className: 'meta' }, `#${incident.id} · ${incident.quarter ?? ''} · ${t(`assignment.${assignment.state}`)}`),
      el('p', { className: 'meta' }, t('board.deadline'), ' ', incident.deadline ? formatDateTime(incident.deadline, this.i18n.language) : '–'),
      ...(incident.reports ?? []).map((report) => el('div', {},
        report.address ? el('p', { className: 'meta' }, report.address) : '',
        el('p', { className: 'description', dir: 'auto' }, report.description ?? t('board.redacted')),
        el('p', { className: 'meta' }, t(`language.${report.language}`), report.interpreterNeeded ? ` · ${t('board.interpreter')}` : ''))),
      active ? el('div', { className: 'field' }, el('label', { for: `note-${assignment.id}` }, t('field.note')), note) : '',
      active ? el('div', { className: 'actions' },
        ...(NEXT_STEPS[assignment.state] ?? []).map((state) => el('button', {
          type: 'button', className: 'button button--primary', onClick: () => this.step(assignment, state, note.value),
        }, t(`assignment.step.${state}`))),
        assignment.state !== 'ON_SITE' ? el('button', { type: 'button', className: 'button button--danger', onClick: () => this.decline(assignment) }, t('assignment.step.DECLINED')) : '') : '');
  }

  async step(assignment, state, note) {
    const position = await this.position();
    await this.send(`/api/field/assignments/${assignment.id}`, { state, version: assignment.version, note: note || null, position });
  }

  async decline(assignment) {
    const reason = window.prompt(this.i18n.t('board.declineReason'));
    if (reason) {
      await this.send(`/api/field/assignments/${assignment.id}`, { state: 'DECLINED', version: assignment.version, reason });
    }
  }

  async setStatus(status) {
    const position = await this.position();
    await this.send('/api/field/team/status', { status, position });
  }

  async send(path, body) {
    try {
      this.document = await api(path, { method: 'POST', body });
      $('#message').replaceChildren();
      this.render();
    }
    catch (failure) {
      this.show(failure);
      await this.load();
    }
  }

  /** The position, once, if the member shares it; nothing otherwise. */
  position() {
    if (!$('#share-position').checked || !navigator.geolocation) {
      return Promise.resolve(null);
    }
    return new Promise((resolve) => navigator.geolocation.getCurrentPosition(
      (found) => resolve({ lat: found.coords.latitude, lon: found.coords.longitude }),
      () => resolve(null), { timeout: 8000, maximumAge: 30000 }));
  }

  show(failure) {
    const text = (failure instanceof ApiError && failure.status) ? [failure.title, failure.detail].filter(Boolean).join(': ') : this.i18n.t('error.network');
    $('#message').replaceChildren(el('p', { className: 'notice notice--warning' }, text));
  }

  category(code) {
    const category = this.categories.find((candidate) => candidate.code === code);
    return category ? (category.labels[this.i18n.language] || category.labels.de) : code;
  }

}

/** Where the stream starts: the field view loads its list fresh, so "now" is the right place. */
async function currentSeq() {
  const position = await api('/api/field/stream-position');
  return position.seq;
}

async function start() {
  const { i18n } = await startStaffPage();
  const categories = await api('/api/categories');
  await new FieldPage(i18n, categories).start();
}

start();
