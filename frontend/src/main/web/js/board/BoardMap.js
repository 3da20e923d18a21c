import { el } from '../core/dom.js';
import { teamStatusClass } from '../core/teamStatus.js';
import { QuarterMap } from '../map/QuarterMap.js';
import { IncidentClusters } from './IncidentClusters.js';

/**
 * The board's map: quarter boundaries, incidents as markers coloured by priority and shaped by
 * state (clustered when many), and teams with their status at their last shared position.
 * The selected incident is taken out of the clusters and ringed, so it is always visible; a
 * legend says what colours and shapes mean. The map follows its container's size (the panel
 * opening narrows it). Markers are styled by CSS classes only, so the page's
 * Content-Security-Policy stays strict.
 */
const L = window.L;
const CITY_ZOOM_OUT = 3;
// One incident alone is shown at street level, not at the closest zoom.
const FIT_MAX_ZOOM = 16;

export class BoardMap {

  constructor(element, config, { onSelect, label, tileNotice, t }) {
    // A city's board needs no view wider than its region: each zoom level less is one level of
    // clusters less to index for 10,000 incidents.
    this._map = new QuarterMap(element, config, { label, tileNotice, t, minZoom: Math.max(0, config.zoom - CITY_ZOOM_OUT) });
    this._incidents = new IncidentClusters(this._map.leaflet, onSelect);
    this._teams = L.layerGroup();
    this._teamMarkers = new Map();
    this._teams.addTo(this._map.leaflet);
  }

  /** Highlights one incident (or none): out of its cluster, ringed, above the others. */
  select(id) {
    this._incidents.select(id);
  }

  /** The legend: what the markers' colours and shapes mean, in the page's language. */
  showLegend(i18n) {
    const t = (key) => i18n.t(key);
    const item = (className, key) => el('li', {}, el('span', { className: `legend-symbol ${className}`, 'aria-hidden': 'true' }), t(key));
    this._legend?.remove();
    this._legend = L.control({ position: 'bottomleft' });
    this._legend.onAdd = () => {
      const box = el('details', { className: 'map-legend', open: this._map.leaflet.getSize().y >= 700 }, el('summary', {}, t('board.legend.title')),
        el('ul', {},
          item('incident-marker priority-1', 'board.legend.p1'), item('incident-marker priority-2', 'board.legend.p2'),
          item('incident-marker priority-3', 'board.legend.p3'), item('incident-marker priority-4', 'board.legend.p4'),
          item('incident-marker priority-4 state-open', 'board.legend.open'),
          item('incident-marker priority-4 state-dispatched', 'board.legend.dispatched'),
          item('incident-marker priority-4 state-on_site', 'board.legend.onSite'),
          item('incident-marker priority-4 overdue', 'board.legend.overdue'),
          item('incident-marker priority-4 selected', 'board.legend.selected'),
          item('marker-cluster priority-1', 'board.legend.cluster'),
          item('team-marker status-available', 'board.legend.team')));
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    this._legend.addTo(this._map.leaflet);
    this._incidents.setLanguage(i18n);
  }

  async showQuarters(quarters) {
    await this._map.showQuarters(quarters);
  }

  /** The incidents to show (the snapshot, or all that pass a new filter). */
  showIncidents(incidents, describe) {
    this._incidents.showAll(incidents, describe);
  }

  /**
   * One incident changed (a live event): its marker is updated, added, or taken away when the
   * incident is closed or no longer passes the filters (incident null).
   */
  showIncident(id, incident, describe) {
    this._incidents.showOne(id, incident, describe);
  }

  showTeams(teams, describe) {
    for (const team of teams) {
      const existing = this._teamMarkers.get(team.id);
      if (team.lat == null || team.lon == null) {
        continue;
      }
      const icon = L.divIcon({ className: `team-marker ${teamStatusClass(team)} type-${team.teamType.toLowerCase()}`, iconSize: [18, 18] });
      if (existing) {
        existing.setLatLng([team.lat, team.lon]).setIcon(icon).setTooltipContent(describe(team));
      }
      else {
        const marker = L.marker([team.lat, team.lon], { icon, keyboard: false }).bindTooltip(describe(team));
        marker.addTo(this._teams);
        this._teamMarkers.set(team.id, marker);
      }
    }
  }

  /**
   * Shows where the incidents are (the board's first view): the configured city view is a guess
   * that leaves a desk zooming and panning before the first dispatch. Without incidents with a
   * place it stays as it is.
   */
  fitTo(incidents) {
    const points = incidents.filter((incident) => incident.lat != null && incident.lon != null)
      .map((incident) => [incident.lat, incident.lon]);
    if (points.length > 0) {
      this._map.leaflet.fitBounds(L.latLngBounds(points).pad(0.1), { maxZoom: FIT_MAX_ZOOM, animate: false });
    }
  }

  /**
   * Looks at the incident at once. An animated pan would move the map by pixels counted before it
   * began: were the panel closed meanwhile (the map wider), the map would end beside the incident.
   */
  focus(incident) {
    if (incident?.lat != null) {
      this._map.leaflet.setView([incident.lat, incident.lon], Math.max(this._map.leaflet.getZoom(), 15), { animate: false });
    }
  }

  invalidateSize() {
    this._map.invalidateSize();
  }

}
