package de.quartierdispatch.system;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the browser maps need: the tile server (optional: maps stay usable without tiles),
 * the initial view and the attribution of the quarter boundaries.
 *
 * @param tileUrl a Leaflet tile URL template
 * @param tileAttribution the tile server's attribution
 * @param centerLat initial map centre, latitude
 * @param centerLon initial map centre, longitude
 * @param zoom initial zoom
 * @param quarterAttribution attribution of the quarter boundaries shown on every map
 * @param navigationUrl a web map or route planner for phones and computers that do not
 * understand {@code geo:} links, with {@code {lat}} and {@code {lon}} for the
 * destination; none: only the {@code geo:} link
 */
@ConfigurationProperties("quartier.map")
public record MapProperties(String tileUrl, String tileAttribution, double centerLat, double centerLon, int zoom,
		String quarterAttribution, @Nullable String navigationUrl) {
}
