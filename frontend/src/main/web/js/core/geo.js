/**
 * Geometry on the city's scale: pure functions on { lat, lon } points, unit-tested with
 * `node --test`.
 */
const EARTH_RADIUS_METERS = 6371000;

/** Straight-line (great-circle) distance in metres, good enough to suggest duplicates. */
export function distanceMeters(a, b) {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.sqrt(h));
}

/**
 * Where the short unit does not read right (CLDR: Farsi's "۳۵۰متر" without a space,
 * Bulgarian's Latin "m"), the long one: "۳۵۰ متر", "350 метра".
 */
const LONG_UNITS = new Set(['ar', 'bg', 'fa']);

/**
 * "350 m" below a kilometre, "1.2 km" above: digits, separator and unit in the reader's
 * language ("350 м", "۳۵۰ متر"), kept on one line.
 */
export function formatDistance(meters, language) {
  const [value, unit, digits] = meters < 1000 ? [meters, 'meter', 0] : [meters / 1000, 'kilometer', 1];
  return new Intl.NumberFormat(language, {
    style: 'unit', unit, unitDisplay: LONG_UNITS.has(language) ? 'long' : 'short',
    minimumFractionDigits: digits, maximumFractionDigits: digits,
  }).format(value).replace(/ /g, '\u00A0');
}
