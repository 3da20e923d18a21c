package de.quartierdispatch.geo;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The reasons a quarter import gives, as codes. The importer's messages (written by it
 * and by {@code check_quarter_geometry} in the database) stay English for logs and the
 * command line; the administration page shows the code in the reader's language, with the
 * detail (a property's name, a geometry type, the geometry library's own finding) as it
 * is.
 */
final class ImportReasons {

	private static final List<Rule> RULES = List.of(rule("unreadable", "geometry cannot be read \\((.*)\\)"),
			// The library's own words ("Antipodal edge detected") add nothing to the
			// reason.
			rule("unmeasurable", "geometry cannot be measured on the globe \\(.*\\)"),
			rule("position-not-numbers", "a position of the geometry is not two numbers"),
			rule("not-a-polygon", "geometry is a (\\S+), expected a Polygon or MultiPolygon"),
			rule("empty", "geometry is empty"), rule("not-wgs84", "coordinates are not WGS84.*"),
			rule("unrepairable", "invalid polygon that cannot be repaired: (.*)"),
			rule("invalid", "invalid polygon: (.*)"), rule("broken", "broken polygon: (.*)"),
			rule("duplicate-code", "the code appears more than once in the file"),
			rule("unstorable", "a property contains characters that cannot be stored.*"),
			rule("code-missing", "the property \"(.*)\" \\(code\\) is missing or empty"),
			rule("code-too-long", "the code is longer than 64 characters"),
			rule("code-not-plain", "the code contains control or invisible formatting characters"),
			rule("hole-outside", "a hole lies outside its polygon.*"),
			rule("name-missing", "the property \"(.*)\" \\(name\\) is missing or empty"),
			rule("name-too-long", "the name is longer than 200 characters"),
			rule("too-complex", "the geometry takes longer than \\d+ seconds to check"),
			rule("too-large-to-repair", "invalid polygon with (\\d+) points, more than 10000 to repair: .*"),
			rule("antimeridian", "the boundary spans more than half the longitudes of the globe"),
			rule("swapped", "the positions seem to be latitude, longitude; GeoJSON has longitude first"),
			rule("no-geometry", "the feature has no geometry"), rule("no-features", "the file contains no features"),
			rule("not-geojson", "the file is not a GeoJSON FeatureCollection: (.*)"));

	private ImportReasons() {
	}

	/**
	 * The reason of a message; a repair note (the geometry library's finding, repaired)
	 * is {@code repaired}.
	 */
	static Found of(String message) {
		for (Rule rule : RULES) {
			Matcher matcher = rule.pattern().matcher(message);
			if (matcher.matches()) {
				return new Found(rule.reason(), (matcher.groupCount() > 0) ? matcher.group(1) : null);
			}
		}
		return new Found("repaired", message);
	}

	private static Rule rule(String reason, String pattern) {
		return new Rule(reason, Pattern.compile(pattern, Pattern.DOTALL));
	}

	private record Rule(String reason, Pattern pattern) {
	}

	/**
	 * A message's reason and detail.
	 *
	 * @param reason the code
	 * @param detail what the message names that is not ours to translate
	 */
	record Found(String reason, @Nullable String detail) {
	}

}
