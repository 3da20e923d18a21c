import { QuarterMap } from '../map/QuarterMap.js';

/**
 * Two maps of where reports came from: per quarter (the quarter polygons shaded by their
 * count) and on the server's hexagon grid (only cells with at least the minimum count come
 * back, so every drawn cell stands for that many reports). Quarters with a suppressed count
 * are outlined, not shaded. Each map has a legend in text; the quarter table and a sentence
 * about the grid carry the same figures for those who do not see the map.
 *
 * Leaflet is loaded as a classic script (WebJar) and used through window.L.
 */
const L = window.L;

/** Light to dark blue: each class is told apart by lightness, not hue alone. */
export const SHADES = ['#dbe9f6', '#a9cce8', '#6baed6', '#2f7fc1', '#0b4f8f'];
const SUPPRESSED = { color: '#4f5b66', weight: 1.5, dashArray: '4 3', fillColor: '#ffffff', fillOpacity: 0.4 };

/**
 * Class limits for counts: up to five classes of equal width from the minimum up, so that
 * the lowest class starts where publishing starts. No counts, no classes.
 */
export function classes(values, minimum) {
  const shown = values.filter((value) => value !== null && value !== undefined);
  if (shown.length === 0) {
    return [];
  }
  const max = Math.max(minimum, ...shown);
  const count = Math.min(SHADES.length, Math.max(1, max - minimum + 1));
  const width = (max - minimum + 1) / count;
  return Array.from({ length: count }, (unused, index) => ({
    from: Math.round(minimum + index * width),
    to: index === count - 1 ? max : Math.round(minimum + (index + 1) * width) - 1,
    colour: SHADES[Math.round(index * (SHADES.length - 1) / Math.max(1, count - 1))],
  }));
}

export function shadeOf(value, limits) {
  return (limits.find((limit) => value <= limit.to) ?? limits[limits.length - 1]).colour;
}

export class StatsMaps {

  constructor(config, quartersElement, gridElement, { quarterLabel, gridLabel, tileNotice, t }) {
    this._quarterMap = new QuarterMap(quartersElement, config, { label: quarterLabel, tileNotice, t });
    this._gridMap = new QuarterMap(gridElement, config, { label: gridLabel, tileNotice, t });
    this._quarterLayer = null;
    this._gridLayer = null;
    this._shapes = null;
  }

  /** Shades the quarters by their count (byQuarter of the summary); answers the classes. */
  async showQuarters(byQuarter, minimum) {
    this._shapes ??= await (await fetch('/api/quarters', { headers: { Accept: 'application/geo+json' } })).json();
    const counts = new Map(byQuarter.filter((row) => row.quarter).map((row) => [row.quarter, row.reports]));
    const limits = classes([...counts.values()], minimum);
    this._quarterLayer?.remove();
    this._quarterLayer = L.geoJSON(this._shapes, {
      interactive: false,
      filter: (feature) => counts.has(code(feature)),
      style: (feature) => {
        const value = counts.get(code(feature));
        return (value === null) ? SUPPRESSED
          : { color: '#1d3f72', weight: 1, fillColor: shadeOf(value, limits), fillOpacity: 0.75 };
      },
    }).addTo(this._quarterMap.leaflet);
    fit(this._quarterMap, this._quarterLayer);
    return limits;
  }

  /** Draws the grid's cells (GeoJSON from /api/stats/grid); answers the classes. */
  showGrid(grid) {
    const limits = classes(grid.features.map((feature) => feature.properties.reports), grid.minimumCount);
    this._gridLayer?.remove();
    this._gridLayer = L.geoJSON(grid, {
      interactive: false,
      style: (feature) => ({ color: '#4f5b66', weight: 0.6, fillColor: shadeOf(feature.properties.reports, limits), fillOpacity: 0.8 }),
    }).addTo(this._gridMap.leaflet);
    fit(this._gridMap, this._gridLayer);
    return limits;
  }

}

function code(feature) {
  return feature.properties?.code ?? feature.id;
}

function fit(map, layer) {
  map.invalidateSize();
  const bounds = layer.getBounds();
  if (bounds.isValid()) {
    // Not closer than a district: a single cell would otherwise fill the map.
    map.leaflet.fitBounds(bounds, { padding: [8, 8], maxZoom: 14 });
  }
}
