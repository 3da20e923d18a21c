package de.quartierdispatch.geo;

/**
 * An address found for a search.
 *
 * @param label how to show it, e.g. "Hauptstraße 16, 46244 Bottrop"
 * @param lat latitude
 * @param lon longitude
 * @param source {@code gazetteer} (the city's own address list) or {@code external} (the
 * configured geocoding service)
 */
record AddressMatch(String label, double lat, double lon, String source) {
}
