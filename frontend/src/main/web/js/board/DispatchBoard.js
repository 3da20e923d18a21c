import { api } from '../core/api.js';
import { $, el } from '../core/dom.js';
import { categoryLabel } from '../core/categories.js';
import { teamStatusClass, teamStatusKey } from '../core/teamStatus.js';
import { BoardSocket } from './BoardSocket.js';
import { BoardStore } from './BoardStore.js';
import { BoardMap } from './BoardMap.js';
import { BoardFilters } from './BoardFilters.js';
import { IncidentPanel } from './IncidentPanel.js';
import { HistorySearch } from './HistorySearch.js';
import { HandoverView } from './HandoverView.js';
import { IncidentNews } from './IncidentNews.js';
import { QueueList } from './QueueList.js';
import { TeamAlarms } from './TeamAlarms.js';
import { beep } from './beep.js';
import { stateKey } from './incidentState.js';

/**
 * The team leads' board: a live queue, a map and an incident panel, kept current by the event
 * stream. A P1 incident draws attention: the queue entry flashes, a screen reader hears it, and
 * a tone sounds if the lead switched sound on.
 */
const ATTENTION_MILLIS = 8000;
const QUEUE_REFRESH_MILLIS = 30000;
const SOUND_KEY = 'quartier-dispatch.sound';

export class DispatchBoard {

  /** @param quarterShapes the quarters as GeoJSON (/api/quarters): the map draws them, the filters list them */
  constructor(i18n, config, categories, quarterShapes) {
    this.i18n = i18n;
    this.config = config;
    this.categories = categories;
    this.quarterShapes = quarterShapes;
    this.quarters = quarterShapes.features.map((feature) => feature.properties).sort((a, b) => a.name.localeCompare(b.name));
    this.store = new BoardStore();
    this.selected = null;
    this.attention = new Set();
    this.news = new IncidentNews($('#news'), (incidents) => {
      if (incidents.length === 1) {
        return i18n.t(incidents[0].reopened ? 'board.reopenedIncident' : 'board.newIncident', this.describeForNews(incidents[0]));
      }
      return i18n.t(incidents.some((incident) => incident.reopened) ? 'board.newOrReopenedIncidents' : 'board.newIncidents',
        { count: incidents.length });
    });
    const category = (code) => this.category(code);
    this.queue = new QueueList($('#queue'), $('#queue-count'), { i18n, category, onSelect: (id) => this.select(id) });
    this.history = new HistorySearch($('#history'), { i18n, categories, quarters: this.quarters, onSelect: (id) => this.select(id) });
    this.filters = new BoardFilters({ quarter: $('#filter-quarter'), teamType: $('#filter-team-type'), state: $('#filter-state') }, i18n, () => this.render());
  }

  /** @param firstSnapshot the snapshot, asked for already (a promise) */
  async start(firstSnapshot = api('/api/board/snapshot')) {
    this.map = new BoardMap($('#map'), this.config.map, {
      onSelect: (id) => this.select(id), label: () => this.i18n.t('board.mapLabel'), tileNotice: () => this.i18n.t('map.tilesMissing'),
      t: (key) => this.i18n.t(key),
    });
    this.panel = new IncidentPanel($('#panel'), {
      i18n: this.i18n, store: this.store, categories: this.categories,
      onClose: (id) => this.deselect(id),
      onShown: () => this.map.invalidateSize(),
    });
    this.store.addEventListener('reset', () => this.render());
    this.store.addEventListener('change', (event) => this.changed(event.detail));
    this.handover = new HandoverView(this.i18n, this.categories, () => this.store.teamTypes);
    $('#open-handover').addEventListener('click', () => this.handover.open());
    this.alarms = new TeamAlarms(this.i18n, (id) => this.select(id));
    this.store.addEventListener('reset', () => this.alarms.render([...this.store.teams.values()]));
    $('#sound').checked = localStorage.getItem(SOUND_KEY) === 'on';
    $('#sound').addEventListener('change', () => localStorage.setItem(SOUND_KEY, $('#sound').checked ? 'on' : 'off'));
    document.addEventListener('languagechange', () => {
      this.filters.fill(this.quarters, this.store.teamTypes);
      this.render();
      this.map.showLegend(this.i18n);
      this.alarms.render([...this.store.teams.values()]);
      this.history.render();
      this.panel.refresh();
    });
    this.history.render();
    this.map.showLegend(this.i18n);
    const [snapshot] = await Promise.all([firstSnapshot, this.map.showQuarters(this.quarterShapes)]);
    this.store.load(snapshot);
    this.filters.fill(this.quarters, this.store.teamTypes);
    this.map.fitTo(this.store.queue(this.filters.predicate()));
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
    setInterval(() => this.renderQueue(), QUEUE_REFRESH_MILLIS);
  }

  /** A live event: only what it changed is drawn again (the queue's visible part, one marker, the teams). */
  changed({ event, incident, team }) {
    if (team) {
      this.alarms.render([...this.store.teams.values()]);
      this.renderTeams();
      // A team freed or taken elsewhere changes what the open incident can be given.
      if (event.incidentId !== this.panel.incidentId) {
        this.panel.refreshProposals();
      }
    }
    if (incident && incident.priority === 1 && ['INCIDENT_OPENED', 'PRIORITY_CHANGED', 'INCIDENT_ESCALATED'].includes(event.type)) {
      this.drawAttention(incident, event.type === 'INCIDENT_OPENED');
    }
    else if (incident && event.type === 'INCIDENT_OPENED' && this.filters.predicate()(incident)) {
      this.news.add(incident);
    }
    else if (incident && event.data?.reopened && this.filters.predicate()(incident)) {
      // A resident said it is still a problem: back in the queue, said like a new one.
      this.news.add({ ...incident, reopened: true });
    }
    if (incident) {
      const shown = this.store.incidents.get(incident.id);
      this.map.showIncident(incident.id, shown && this.filters.predicate()(shown) ? shown : null, this.describeIncident);
      this.renderQueue();
    }
    if (event.incidentId == null || event.incidentId !== this.panel.incidentId) {
      return;
    }
    const survivor = event.data?.into ?? event.data?.incident?.mergedInto;
    if (survivor && this.panel.merging(event.incidentId)) {
      // This board's own merge: its answer moves the panel on and says it worked.
      return;
    }
    if (survivor) {
      this.select(survivor, { notice: { kind: 'warning', key: 'board.followedMerge', params: { from: event.incidentId, into: survivor } } });
    }
    else {
      this.panel.refresh();
    }
  }

  /** A P1 incident, new or raised to P1 (or escalated): shown, said and, when chosen, heard. */
  drawAttention(incident, opened) {
    this.attention.add(incident.id);
    setTimeout(() => this.attention.delete(incident.id), ATTENTION_MILLIS);
    $('#announcer').textContent = this.i18n.t(opened ? 'board.newP1' : 'board.nowP1', this.describeForNews(incident));
    if ($('#sound').checked) {
      beep();
    }
  }

  /** What an announcement says of an incident: its number, priority, category and quarter, in words. */
  describeForNews(incident) {
    return { id: incident.id, priority: incident.priority, category: this.category(incident.category), quarter: incident.quarter?.name ?? '' };
  }

  /** One incident is selected: the panel, the queue and the map all show it. */
  select(id, options = {}) {
    this.selected = id;
    const shown = this.panel.show(id, options);
    this.map.select(id);
    this.map.invalidateSize();
    this.map.focus(this.store.incidents.get(id));
    this.renderQueue();
    return shown;
  }

  /** The panel closed: the keyboard, left on nothing, goes back to the incident in the queue. */
  deselect(id = null) {
    this.selected = null;
    this.map.select(null);
    this.map.invalidateSize();
    this.renderQueue();
    if (id != null && (document.activeElement == null || document.activeElement === document.body)) {
      (document.querySelector(`#queue [data-incident="${id}"]`) ?? document.querySelector('#queue'))?.focus();
    }
  }

  render() {
    // One filtered queue for both, not one each (10,000 incidents).
    const queue = this.store.queue(this.filters.predicate());
    this.renderQueue(queue);
    this.map.showIncidents(queue, this.describeIncident);
    this.renderTeams();
  }

  renderQueue(queue = this.store.queue(this.filters.predicate())) {
    this.queue.render(queue, { selected: this.selected, attention: this.attention });
  }

  describeIncident = (incident) => `#${incident.id} P${incident.priority} ${this.category(incident.category)} · ${this.i18n.t(stateKey(incident))}`;

  renderTeams() {
    this.map.showTeams([...this.store.teams.values()], (team) => `${team.name} · ${this.i18n.t(teamStatusKey(team))}`);
    const teams = [...this.store.teams.values()].sort((a, b) => a.teamType.localeCompare(b.teamType) || a.name.localeCompare(b.name));
    $('#teams').replaceChildren(...teams.map((team) => el('li', {},
      el('span', {}, team.name), el('span', { className: `status ${teamStatusClass(team)}` }, this.i18n.t(teamStatusKey(team))))));
  }

  showConnection(status) {
    const element = $('#connection');
    element.className = `connection connection--${status}`;
    element.textContent = this.i18n.t(`board.connection.${status}`);
  }

  category(code) {
    return categoryLabel(this.categories, code, this.i18n.language);
  }

}
