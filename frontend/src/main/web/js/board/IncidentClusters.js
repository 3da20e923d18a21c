import { el } from '../core/dom.js';

const L = window.L;
const Supercluster = window.Supercluster;

/** Markers nearer each other than this, in screen pixels, are drawn as one cluster. */
const CLUSTER_RADIUS = 40;
/** Leaflet's tiles are 256 px wide: the index measures its radius in the same pixels. */
const TILE_SIZE = 256;
/** A margin beyond the visible map is drawn too, so that a short pan shows no gap. */
const DRAWN_MARGIN = 0.25;

/**
 * The board's incidents on the map, in clusters where they crowd. A spatial index (Supercluster)
 * is built when the set of incidents changes, and only what is in view is drawn: clusters, and
 * markers for the incidents that stand alone, each made the first time it is shown.
 * Leaflet.markercluster, used before, made a marker for each of 10,000 incidents and clustered
 * them at every zoom level before the first was drawn: 0.5 s of the board's first load on the
 * benchmark's machine (ops/bench/README.md).
 *
 * A cluster's number is how many incidents it holds; its ring, the most urgent priority among
 * them. Selected, a cluster zooms in until it splits; incidents on one spot, which no zoom
 * splits, are offered as a list instead. The selected incident is kept out of the index and
 * drawn on its own layer, above the others.
 */
export class IncidentClusters {

  /**
   * @param leaflet the Leaflet map
   * @param onSelect called with an incident's id when its marker (or list entry) is chosen
   */
  constructor(leaflet, onSelect) {
    this._leaflet = leaflet;
    this._onSelect = onSelect;
    this._i18n = null;
    this._describe = (incident) => `#${incident.id}`;
    this._points = new Map();
    this._markers = new Map();
    this._clusters = new Map();
    this._index = null;
    this._reindexPending = false;
    this._selectedId = null;
    this._shown = new Set();
    this._layer = L.featureGroup();
    this._selectedLayer = L.featureGroup();
    for (const group of [this._layer, this._selectedLayer]) {
      group.on('click', ({ layer }) => (layer.clusterId === undefined ? onSelect(layer.incidentId) : this._open(layer)));
      group.on('mouseover', ({ layer }) => this._tooltip(layer));
      group.addTo(leaflet);
    }
    leaflet.on('moveend resize', () => this._draw());
  }

  /** The language of the clusters' titles and the lists: called again when it changes. */
  setLanguage(i18n) {
    this._i18n = i18n;
    this._clusters.clear();
    this._redraw();
  }

  /** All incidents to show (the snapshot or a new filter): indexed and drawn at once. */
  showAll(incidents, describe) {
    this._describe = describe;
    this._points = new Map();
    for (const incident of incidents) {
      if (incident.lat != null && incident.lon != null) {
        this._points.set(incident.id, indexed(incident));
      }
    }
    for (const id of [...this._markers.keys()]) {
      if (!this._points.has(id)) {
        this._forget(id);
      }
    }
    this._reindex();
    this._redraw();
  }

  /**
   * One incident changed (a live event), or is no longer shown (incident null). A change of look
   * or text updates its marker, if it has one; one of place or priority, or an incident more or
   * less, changes the clusters: the index is built again once before the next frame, however
   * many events arrive until then.
   */
  showOne(id, incident, describe) {
    this._describe = describe;
    const before = this._points.get(id);
    if (!incident || incident.lat == null || incident.lon == null) {
      if (before) {
        this._points.delete(id);
        this._forget(id);
        this._reindexSoon();
      }
      return;
    }
    const after = samePlace(before?.incident, incident) ? { incident, feature: before.feature } : indexed(incident);
    this._points.set(id, after);
    if (after.feature === before?.feature) {
      const marker = this._markers.get(id);
      if (marker) {
        this._update(marker, after);
      }
      return;
    }
    this._reindexSoon();
  }

  /** Takes one incident (or none) out of the clusters and rings it. */
  select(id) {
    if (id === this._selectedId) {
      return;
    }
    const previous = this._markers.get(this._selectedId);
    const clustersChange = this._points.has(this._selectedId) || this._points.has(id);
    this._selectedId = id;
    const stillShown = previous && this._points.get(previous.incidentId);
    if (previous) {
      this._selectedLayer.removeLayer(previous);
      previous.setZIndexOffset(0);
    }
    if (stillShown) {
      this._update(previous, stillShown);
    }
    if (clustersChange) {
      this._reindex();
    }
    this._redraw();
  }

  _reindexSoon() {
    if (!this._reindexPending) {
      this._reindexPending = true;
      requestAnimationFrame(() => {
        this._reindexPending = false;
        this._reindex();
        this._redraw();
      });
    }
  }

  _reindex() {
    const features = [];
    for (const [id, shown] of this._points) {
      if (id !== this._selectedId) {
        features.push(shown.feature);
      }
    }
    this._index = new Supercluster({
      radius: CLUSTER_RADIUS, extent: TILE_SIZE,
      minZoom: this._leaflet.getMinZoom(), maxZoom: this._leaflet.getMaxZoom(),
      map: (properties) => ({ top: properties.priority }),
      reduce: (accumulated, properties) => {
        accumulated.top = Math.min(accumulated.top, properties.top);
      },
    });
    this._index.load(features);
  }

  _redraw() {
    this._drawSelected();
    this._draw();
  }

  /** The selected incident's marker on its own layer, left alone when it is there (focus, tooltip). */
  _drawSelected() {
    const selected = this._points.get(this._selectedId);
    const marker = selected ? this._marker(selected) : null;
    for (const layer of this._selectedLayer.getLayers()) {
      if (layer !== marker) {
        this._selectedLayer.removeLayer(layer);
      }
    }
    if (marker && !this._selectedLayer.hasLayer(marker)) {
      marker.setZIndexOffset(1000);
      this._layer.removeLayer(marker);
      this._shown.delete(marker);
      this._selectedLayer.addLayer(marker);
    }
  }

  /** What is in view now: layers no longer in it are taken away, new ones added. */
  _draw() {
    if (!this._index) {
      return;
    }
    const bounds = this._leaflet.getBounds().pad(DRAWN_MARGIN);
    const zoom = Math.round(this._leaflet.getZoom());
    const next = new Set();
    const box = [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()];
    for (const feature of this._index.getClusters(box, zoom)) {
      const shown = feature.properties.cluster ? null : this._points.get(feature.properties.id);
      if (feature.properties.cluster || shown) {
        next.add(shown ? this._marker(shown) : this._cluster(feature));
      }
    }
    for (const layer of this._shown) {
      if (!next.has(layer)) {
        this._layer.removeLayer(layer);
      }
    }
    for (const layer of next) {
      if (!this._shown.has(layer)) {
        this._layer.addLayer(layer);
      }
    }
    this._shown = next;
    // Only the clusters in view are kept: the next draw (another zoom, another index) makes or
    // finds again what it needs.
    for (const [key, marker] of this._clusters) {
      if (!next.has(marker)) {
        this._clusters.delete(key);
      }
    }
  }

  /** An incident no longer shown: its marker goes, wherever it is drawn. */
  _forget(id) {
    const marker = this._markers.get(id);
    if (marker) {
      this._markers.delete(id);
      this._layer.removeLayer(marker);
      this._selectedLayer.removeLayer(marker);
      this._shown.delete(marker);
    }
  }

  _marker(shown) {
    const { id, lat, lon } = shown.incident;
    let marker = this._markers.get(id);
    if (!marker) {
      marker = L.marker([lat, lon], { icon: icon(this._look(shown)) });
      marker.incidentId = id;
      this._markers.set(id, marker);
    }
    this._update(marker, shown);
    return marker;
  }

  /** Changes a marker's place, look and text where they differ from what it shows. */
  _update(marker, shown) {
    const look = this._look(shown);
    const description = this._describe(shown.incident);
    const { lat, lon } = shown.incident;
    const position = marker.getLatLng();
    if (position.lat !== lat || position.lng !== lon) {
      marker.setLatLng([lat, lon]);
    }
    if (marker.look !== look) {
      marker.look = look;
      marker.setIcon(icon(look));
    }
    if (marker.description !== description) {
      marker.description = description;
      marker.options.title = description;
      marker.getElement()?.setAttribute('title', description);
      marker.getTooltip()?.setContent(description);
    }
  }

  _look(shown) {
    const incident = shown.incident;
    return `incident-marker priority-${incident.priority} state-${incident.state.toLowerCase()}`
      + `${incident.overdue ? ' overdue' : ''}${incident.id === this._selectedId ? ' selected' : ''}`;
  }

  /**
   * A cluster's marker. Markers are found again by what they show, not by the index's cluster
   * id: the same cluster after a live event (a new index) keeps its marker, and with it the
   * keyboard focus it may have.
   */
  _cluster(feature) {
    const { cluster_id: id, point_count: count, top } = feature.properties;
    const [lon, lat] = feature.geometry.coordinates;
    const key = `${Math.round(this._leaflet.getZoom())}/${lat}/${lon}/${count}/${top}`;
    let marker = this._clusters.get(key);
    if (!marker) {
      const [size, pixels] = count < 10 ? ['small', 30] : count < 100 ? ['medium', 36] : ['large', 42];
      const title = this._i18n?.t('board.cluster', { count, priority: top }) ?? String(count);
      marker = L.marker([lat, lon], {
        title,
        icon: L.divIcon({
          className: `marker-cluster marker-cluster-${size} priority-${top}`,
          html: `<span>${count}</span>`,
          iconSize: [pixels, pixels],
        }),
      });
      this._clusters.set(key, marker);
    }
    marker.clusterId = id;
    return marker;
  }

  /** A cluster chosen: closer, until it splits; on one spot, a list of its incidents. */
  _open(cluster) {
    const zoom = this._index.getClusterExpansionZoom(cluster.clusterId);
    if (zoom <= this._leaflet.getMaxZoom()) {
      this._leaflet.setView(cluster.getLatLng(), zoom);
      return;
    }
    const choices = this._index.getLeaves(cluster.clusterId, Infinity)
      .map((leaf) => this._points.get(leaf.properties.id))
      .filter(Boolean)
      .map((shown) => shown.incident)
      .sort((a, b) => a.priority - b.priority || a.id - b.id)
      .map((incident) => el('li', {}, el('button', {
        type: 'button', className: 'button button--quiet',
        onClick: () => {
          this._leaflet.closePopup();
          this._onSelect(incident.id);
        },
      }, this._describe(incident))));
    const list = el('ul', { className: 'cluster-choice', 'aria-label': this._i18n?.t('board.clusterChoice') ?? '' }, choices);
    // Leaflet closes a popup on Escape only while the map itself has the focus.
    list.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        this._leaflet.closePopup();
        (cluster.getElement() ?? this._leaflet.getContainer()).focus();
      }
    });
    const popup = L.popup({ maxHeight: 260 }).setLatLng(cluster.getLatLng()).setContent(list).openOn(this._leaflet);
    // Leaflet names its close button in English.
    popup.getElement()?.querySelector('.leaflet-popup-close-button')
      ?.setAttribute('aria-label', this._i18n?.t('board.clusterClose') ?? '×');
    list.querySelector('button')?.focus();
  }

  /** An incident marker's tooltip, made when it is first pointed at. */
  _tooltip(marker) {
    if (marker.description && !marker.getTooltip()) {
      marker.bindTooltip(marker.description).openTooltip();
    }
  }

}

/** An incident with the point the index holds for it (its place and priority). */
function indexed(incident) {
  return {
    incident,
    feature: {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [incident.lon, incident.lat] },
      properties: { id: incident.id, priority: incident.priority },
    },
  };
}

/** Whether the index's point for an incident still holds (same place, same priority). */
function samePlace(before, after) {
  return Boolean(before) && before.lat === after.lat && before.lon === after.lon && before.priority === after.priority;
}

/** Markers that look alike share their icon (10,000 incidents, a few dozen looks). */
const icons = new Map();

function icon(className) {
  let shared = icons.get(className);
  if (!shared) {
    shared = L.divIcon({ className, iconSize: [24, 24], html: '' });
    icons.set(className, shared);
  }
  return shared;
}
