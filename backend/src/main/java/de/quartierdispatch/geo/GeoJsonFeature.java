package de.quartierdispatch.geo;

import de.quartierdispatch.system.TextNormalizer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One feature of a GeoJSON FeatureCollection, as read from the file.
 *
 * @param number position in the file, counting from 1, to name the feature in messages
 * @param properties the feature's properties (an empty object when it has none)
 * @param geometry the geometry as GeoJSON text, for PostGIS to read; {@code null} when
 * absent
 * @param positionsAreNumbers whether every position of the geometry is a pair of numbers
 * (PostGIS reads {@code ["a", "b"]} as 0, 0)
 */
record GeoJsonFeature(int number, JsonNode properties, @Nullable String geometry, boolean positionsAreNumbers) {

	/** A property as text (numbers are accepted: cities often number their districts). */
	/**
	 * A property's value as sent, text or number; empty when missing or of another kind.
	 */
	String raw(String property) {
		JsonNode value = this.properties.get(property);
		return (value == null || !(value.isString() || value.isNumber())) ? "" : value.asString();
	}

	@Nullable String text(String property) {
		JsonNode value = this.properties.get(property);
		if (value == null || !(value.isString() || value.isNumber())) {
			return null;
		}
		// Cleaned as every name is: control characters go, and what shows nothing is
		// none.
		String text = TextNormalizer.oneLine(value.asString());
		return text.isEmpty() ? null : text;
	}

}
