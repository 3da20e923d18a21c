package de.quartierdispatch.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import de.quartierdispatch.system.InvalidCoordinatesException;

/**
 * A WGS84 position. Only finite values within the earth's range get this far.
 *
 * @param lat latitude in degrees, -90 to 90
 * @param lon longitude in degrees, -180 to 180
 */
public record GeoPoint(double lat, double lon) {

	/**
	 * Degrees in decimal notation, as every client and the public map write them, with
	 * the sign ISO 6709 writes too, and as many decimals as a client's double prints and
	 * more.
	 */
	private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]{1,3}(\\.[0-9]{1,40})?");

	public GeoPoint {
		List<String> invalid = invalidFields(lat, lon);
		if (!invalid.isEmpty()) {
			throw new InvalidCoordinatesException(invalid);
		}
	}

	/**
	 * Reads coordinates as they arrive in a query string, refusing anything that is not a
	 * finite number in range ("NaN", "Infinity", "91", "abc").
	 */
	public static GeoPoint parse(String lat, String lon) {
		double parsedLat = parseCoordinate(lat);
		double parsedLon = parseCoordinate(lon);
		return new GeoPoint(parsedLat, parsedLon);
	}

	private static double parseCoordinate(String text) {
		String decimal = text.strip();
		// Java also reads "51.5d", "0x1.9p5" and "5.15e1": one place, one spelling.
		if (!DECIMAL.matcher(decimal).matches()) {
			return Double.NaN;
		}
		try {
			return Double.parseDouble(decimal);
		}
		catch (NumberFormatException ex) {
			return Double.NaN;
		}
	}

	private static List<String> invalidFields(double lat, double lon) {
		List<String> invalid = new ArrayList<>(2);
		if (!Double.isFinite(lat) || Math.abs(lat) > 90) {
			invalid.add("lat");
		}
		if (!Double.isFinite(lon) || Math.abs(lon) > 180) {
			invalid.add("lon");
		}
		return invalid;
	}

}
