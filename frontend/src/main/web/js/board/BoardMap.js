import { el } from '../core/dom.js';
import { QuarterMap } from '../map/QuarterMap.js';

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

export class BoardMap {

  constructor(element, config, { onSelect, label }) {
    // A city's board needs no view wider than its region: each zoom level less is one level of
    // clusters less to compute for 10,000 markers.
    this._map = new QuarterMap(element, config, { label, minZoom: Math.max(0, config.zoom - CITY_ZOOM_OUT) });
    this._incidents = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40 });
    this._teams = L.layerGroup();
    this._selectedLayer = L.featureGroup();
    this._incidentMarkers = new Map();
    this._teamMarkers = new Map();
    this._icons = new Map();
    this._selectedId = null;
    // One handler per group, not one per marker (a cluster's click is a 'clusterclick': it zooms
    // in); a marker's tooltip is made only when it is pointed at.
    for (const group of [this._incidents, this._selectedLayer]) {
      group.on('click', ({ layer }) => onSelect(layer.incidentId));
      group.on('mouseover', ({ layer }) => this._tooltip(layer));
      group.addTo(this._map.leaflet);
    }
    this._teams.addTo(this._map.leaflet);
  }

  /** Highlights one incident (or none): out of its cluster, ringed, above the others. */
  select(id) {
    const previous = this._incidentMarkers.get(this._selectedId);
    this._selectedId = id;
    if (previous) {
      this._place(previous, false);
    }
    const marker = this._incidentMarkers.get(id);
    if (marker) {
      this._place(marker, true);
    }
  }

  _place(marker, selected) {
    this._incidents.removeLayer(marker);
    this._selectedLayer.removeLayer(marker);
    marker.setZIndexOffset(selected ? 1000 : 0);
    (selected ? this._selectedLayer : this._incidents).addLayer(marker);
    marker.getElement()?.classList.toggle('selected', selected);
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
          item('team-marker status-available', 'board.legend.team')));
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    this._legend.addTo(this._map.leaflet);
  }

  async showQuarters(quarters) {
    await this._map.showQuarters(quarters);
  }

  showIncidents(incidents, describe) {
    const keep = new Set(incidents.map((incident) => incident.id));
    for (const [id, marker] of this._incidentMarkers) {
      if (!keep.has(id)) {
        this._incidents.removeLayer(marker);
        this._selectedLayer.removeLayer(marker);
        this._incidentMarkers.delete(id);
      }
    }
    const added = [];
    for (const incident of incidents) {
      const marker = this._showIncident(incident, describe(incident));
      if (marker) {
        added.push(marker);
      }
    }
    // Many at once (the snapshot) are clustered in one go, not one after the other, and without a
    // 'layeradd' event each: nothing listens for it.
    this._incidents.addLayers(added.filter((marker) => marker !== this._incidentMarkers.get(this._selectedId)), true);
  }

  /**
   * One incident changed (a live event): its marker is updated, added, or taken away when the
   * incident is closed or no longer passes the filters (incident null).
   */
  showIncident(id, incident, describe) {
    if (!incident) {
      const marker = this._incidentMarkers.get(id);
      if (marker) {
        this._incidents.removeLayer(marker);
        this._selectedLayer.removeLayer(marker);
        this._incidentMarkers.delete(id);
      }
      return;
    }
    const added = this._showIncident(incident, describe(incident));
    if (added && id !== this._selectedId) {
      this._incidents.addLayer(added);
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

  /**
   * Updates an incident's marker, only if something it shows has changed (a live event changes
   * one incident; the other 9,999 markers stay as they are). A new marker is returned, to be
   * added to the clusters by the caller.
   */
  _showIncident(incident, description) {
    const classes = [`incident-marker`, `priority-${incident.priority}`, `state-${incident.state.toLowerCase()}`];
    if (incident.overdue) {
      classes.push('overdue');
    }
    const selected = incident.id === this._selectedId;
    if (selected) {
      classes.push('selected');
    }
    const shown = `${classes.join(' ')}|${incident.lat}|${incident.lon}|${description}`;
    const existing = this._incidentMarkers.get(incident.id);
    if (existing?.shown === shown) {
      return null;
    }
    const icon = this._icon(classes.join(' '));
    if (existing) {
      existing.shown = shown;
      existing.description = description;
      existing.options.title = description;
      existing.options.alt = description;
      existing.setLatLng([incident.lat, incident.lon]).setIcon(icon);
      existing.getTooltip()?.setContent(description);
      return null;
    }
    const marker = L.marker([incident.lat, incident.lon], { icon, title: description, alt: description });
    marker.shown = shown;
    marker.description = description;
    marker.incidentId = incident.id;
    this._incidentMarkers.set(incident.id, marker);
    if (selected) {
      this._place(marker, true);
    }
    return marker;
  }

  /** Markers that look alike share their icon (10,000 markers, a few dozen looks). */
  _icon(className) {
    let icon = this._icons.get(className);
    if (!icon) {
      icon = L.divIcon({ className, iconSize: [24, 24], html: '' });
      this._icons.set(className, icon);
    }
    return icon;
  }

  /** The marker's tooltip, made when it is first pointed at. */
  _tooltip(marker) {
    if (marker.description && !marker.getTooltip()) {
      marker.bindTooltip(marker.description).openTooltip();
    }
  }

}

