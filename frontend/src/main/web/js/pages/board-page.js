import { api } from '../core/api.js';
import { $, el } from '../core/dom.js';
import { BoardSocket } from '../board/BoardSocket.js';
import { BoardStore, isOverdue } from '../board/BoardStore.js';
import { BoardMap } from '../board/BoardMap.js';
import { IncidentPanel } from '../board/IncidentPanel.js';
import { startStaffPage } from './staff.js';

/**
 * The team leads' board: a live queue, a map and an incident panel, kept current by the event
 * stream. A P1 incident draws attention: the queue entry flashes, a screen reader hears it, and
 * a tone sounds if the lead switched sound on.
 */
class BoardPage {

  constructor(i18n, me, config, categories, quarters) {
    this.i18n = i18n;
    this.me = me;
    this.config = config;
    this.categories = categories;
    this.quarters = quarters;
    this.store = new BoardStore();
    this.selected = null;
    this.attention = new Set();
  }

  async start() {
    this.map = new BoardMap($('#map'), this.config.map, { onSelect: (id) => this.select(id), label: this.i18n.t('board.mapLabel') });
    this.panel = new IncidentPanel($('#panel'), { i18n: this.i18n, store: this.store, categories: this.categories });
    this.store.addEventListener('reset', () => this.render());
    this.store.addEventListener('change', (event) => this.changed(event.detail));
    $('#sound').checked = localStorage.getItem('quartier-dispatch.sound') === 'on';
    $('#sound').addEventListener('change', () => localStorage.setItem('quartier-dispatch.sound', $('#sound').checked ? 'on' : 'off'));
    for (const id of ['#filter-quarter', '#filter-team-type', '#filter-state']) {
      $(id).addEventListener('change', () => this.render());
    }
    document.addEventListener('languagechange', () => {
      this.fillFilters();
      this.render();
      this.panel.refresh();
    });
    await this.map.showQuarters();
    const snapshot = await api('/api/board/snapshot');
    this.store.load(snapshot);
    this.fillFilters();
    this.socket = new BoardSocket({
      onEvent: (event) => this.store.apply(event),
      onReload: async () => {
        const fresh = await api('/api/board/snapshot');
        this.store.load(fresh);
        return fresh.seq;
      },
      onStatus: (status) => this.showConnection(status),
      onSignedOut: () => window.location.assign('/login?next=/board'),
    });
    this.socket.start(snapshot.seq);
    setInterval(() => this.renderQueue(), 30000);
  }

  changed({ event, incident }) {
    if (incident && incident.priority === 1 && ['INCIDENT_OPENED', 'PRIORITY_CHANGED', 'INCIDENT_ESCALATED'].includes(event.type)) {
      this.drawAttention(incident);
    }
    this.render();
    if (event.incidentId != null && event.incidentId === this.panel.incidentId) {
      this.panel.refresh();
    }
  }

  drawAttention(incident) {
    this.attention.add(incident.id);
    setTimeout(() => this.attention.delete(incident.id), 8000);
    $('#announcer').textContent = this.i18n.t('board.newP1', { id: incident.id, category: this.category(incident.category), quarter: incident.quarter?.name ?? '' });
    if ($('#sound').checked) {
      beep();
    }
  }

  select(id) {
    this.selected = id;
    this.panel.show(id);
    this.map.focus(this.store.incidents.get(id));
    this.renderQueue();
  }

  render() {
    this.renderQueue();
    const visible = this.store.queue((incident) => this.matches(incident));
    this.map.showIncidents(visible, (incident) => `#${incident.id} P${incident.priority} ${this.category(incident.category)} · ${this.i18n.t(`state.${incident.state}`)}`);
    this.map.showTeams([...this.store.teams.values()], (team) => `${team.name} · ${this.i18n.t(`team.${team.status}`)}`);
    this.renderTeams();
  }

  renderQueue() {
    const t = (key, params) => this.i18n.t(key, params);
    const queue = this.store.queue((incident) => this.matches(incident));
    $('#queue-count').textContent = String(queue.length);
    $('#queue').replaceChildren(...queue.map((incident) => {
      const overdue = isOverdue(incident);
      const button = el('button', {
        type: 'button',
        className: `p${incident.priority}${this.attention.has(incident.id) ? ' attention' : ''}`,
        'aria-current': incident.id === this.selected ? 'true' : null,
        onClick: () => this.select(incident.id),
      },
      el('span', { className: 'line' },
        el('strong', {}, `P${incident.priority} · ${this.category(incident.category)}`),
        el('span', { className: 'meta' }, `#${incident.id}`)),
      el('p', { className: 'meta' }, `${incident.quarter?.name ?? t('board.outside')} · ${t(`state.${incident.state}`)}`,
        incident.reports > 1 ? ` · ${t('board.reportsCount', { count: incident.reports })}` : ''),
      el('p', { className: overdue ? 'meta overdue-text' : 'meta' }, this.due(incident, overdue)),
      el('p', { className: 'meta' }, incident.teamTypes.map((type) => el('span', { className: 'chip' }, type)),
        incident.hotspot ? el('span', { className: 'chip' }, t('board.hotspot')) : ''));
      return el('li', {}, button);
    }));
  }

  renderTeams() {
    const teams = [...this.store.teams.values()].sort((a, b) => a.teamType.localeCompare(b.teamType) || a.name.localeCompare(b.name));
    $('#teams').replaceChildren(...teams.map((team) => el('li', {},
      el('span', {}, team.name), el('span', { className: `status status-${team.status.toLowerCase()}` }, this.i18n.t(`team.${team.status}`)))));
  }

  due(incident, overdue) {
    if (!incident.deadline) {
      return '';
    }
    const minutes = Math.round((Date.parse(incident.deadline) - Date.now()) / 60000);
    const span = duration(Math.abs(minutes), this.i18n);
    return overdue ? this.i18n.t('board.overdueBy', { span }) : this.i18n.t('board.dueIn', { span });
  }

  matches(incident) {
    const quarter = $('#filter-quarter').value;
    const teamType = $('#filter-team-type').value;
    const state = $('#filter-state').value;
    return (!quarter || incident.quarter?.code === quarter) && (!teamType || incident.teamTypes.includes(teamType))
      && (!state || incident.state === state);
  }

  fillFilters() {
    const t = (key) => this.i18n.t(key);
    const keep = (select, options) => {
      const value = select.value;
      select.replaceChildren(...options);
      select.value = value;
    };
    keep($('#filter-quarter'), [el('option', { value: '' }, t('board.all')),
      ...this.quarters.map((quarter) => el('option', { value: quarter.code }, quarter.name))]);
    keep($('#filter-team-type'), [el('option', { value: '' }, t('board.all')),
      ...this.store.teamTypes.map((type) => el('option', { value: type.code }, type[this.i18n.language] ?? type.en))]);
    keep($('#filter-state'), [el('option', { value: '' }, t('board.all')),
      ...['OPEN', 'DISPATCHED', 'ON_SITE'].map((state) => el('option', { value: state }, t(`state.${state}`)))]);
  }

  showConnection(status) {
    const element = $('#connection');
    element.className = `connection connection--${status}`;
    element.textContent = this.i18n.t(`board.connection.${status}`);
  }

  category(code) {
    const category = this.categories.find((candidate) => candidate.code === code);
    return category ? (category.labels[this.i18n.language] || category.labels.de) : code;
  }

}

/** "25 min", "3 h", "2 d": how far a deadline is, at a glance. */
function duration(minutes, i18n) {
  if (minutes < 90) {
    return i18n.t('board.minutes', { n: minutes });
  }
  if (minutes < 48 * 60) {
    return i18n.t('board.hours', { n: Math.round(minutes / 60) });
  }
  return i18n.t('board.days', { n: Math.round(minutes / 1440) });
}

/** A short, clear tone (no audio file: nothing to load, nothing for the CSP to allow). */
function beep() {
  const context = new AudioContext();
  const tone = context.createOscillator();
  const gain = context.createGain();
  tone.frequency.value = 880;
  gain.gain.value = 0.2;
  tone.connect(gain).connect(context.destination);
  tone.start();
  tone.stop(context.currentTime + 0.4);
}

async function start() {
  const { i18n, me } = await startStaffPage();
  const [config, categories, quarters] = await Promise.all([api('/api/config'), api('/api/categories'), api('/api/quarters')]);
  const quarterList = quarters.features.map((feature) => feature.properties).sort((a, b) => a.name.localeCompare(b.name));
  await new BoardPage(i18n, me, config, categories, quarterList).start();
}

start();
