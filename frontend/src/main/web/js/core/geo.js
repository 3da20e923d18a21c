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

/** "350 m" below a kilometre, "1.2 km" (in the language's digits and separator) above. */
export function formatDistance(meters, language) {
  if (meters < 1000) {
    return `${new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(meters)}\u00A0m`;
  }
  return `${new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(meters / 1000)}\u00A0km`;
}
