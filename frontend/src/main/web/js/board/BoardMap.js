import { QuarterMap } from '../map/QuarterMap.js';

/**
 * The board's map: quarter boundaries, incidents as markers coloured by priority and shaped by
 * state (clustered when many), and teams with their status at their last shared position.
 * Markers are styled by CSS classes only, so the page's Content-Security-Policy stays strict.
 */
const L = window.L;

export class BoardMap {

  constructor(element, config, { onSelect, label }) {
    this._map = new QuarterMap(element, config, { label });
    this._onSelect = onSelect;
    this._incidents = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40 });
    this._teams = L.layerGroup();
    this._incidentMarkers = new Map();
    this._teamMarkers = new Map();
    this._incidents.addTo(this._map.leaflet);
    this._teams.addTo(this._map.leaflet);
  }

  async showQuarters() {
    await this._map.showQuarters();
  }

  showIncidents(incidents, describe) {
    const keep = new Set(incidents.map((incident) => incident.id));
    for (const [id, marker] of this._incidentMarkers) {
      if (!keep.has(id)) {
        this._incidents.removeLayer(marker);
        this._incidentMarkers.delete(id);
      }
    }
    for (const incident of incidents) {
      this._showIncident(incident, describe(incident));
    }
  }

  showTeams(teams, describe) {
    for (const team of teams) {
      const existing = this._teamMarkers.get(team.id);
      if (team.lat == null || team.lon == null) {
        continue;
      }
      const icon = L.divIcon({ className: `team-marker status-${team.status.toLowerCase()} type-${team.teamType.toLowerCase()}`, iconSize: [18, 18] });
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

  focus(incident) {
    if (incident?.lat != null) {
      this._map.leaflet.setView([incident.lat, incident.lon], Math.max(this._map.leaflet.getZoom(), 15));
    }
  }

  invalidateSize() {
    this._map.invalidateSize();
  }

  _showIncident(incident, description) {
    const classes = [`incident-marker`, `priority-${incident.priority}`, `state-${incident.state.toLowerCase()}`];
    if (incident.overdue) {
      classes.push('overdue');
    }
    const icon = L.divIcon({ className: classes.join(' '), iconSize: [24, 24], html: '' });
    const existing = this._incidentMarkers.get(incident.id);
    if (existing) {
      existing.setLatLng([incident.lat, incident.lon]).setIcon(icon).setTooltipContent(description);
      return;
    }
    const marker = L.marker([incident.lat, incident.lon], { icon, title: description, alt: description });
    marker.bindTooltip(description);
    marker.on('click', () => this._onSelect(incident.id));
    this._incidents.addLayer(marker);
    this._incidentMarkers.set(incident.id, marker);
  }

}
