package de.quartierdispatch.geo;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * How to read an address CSV. The defaults read the NRW "Hauskoordinaten" open data:
 * semicolon-separated, house number and suffix apart, coordinates in ETRS89 / UTM 32N.
 *
 * @param delimiter the field separator
 * @param street column of the street name
 * @param houseNumber column of the house number
 * @param houseNumberSuffix column of the suffix ("a" in "12a"), if the file has one
 * @param postcode column of the postcode
 * @param city column of the city
 * @param x column of the easting (or longitude)
 * @param y column of the northing (or latitude)
 * @param srid the coordinates' reference system, e.g. 25832 (UTM 32N) or 4326 (lon/lat)
 * @param charset the file's character set (UTF-8 unless its upload names another)
 */
public record AddressImportOptions(char delimiter, String street, String houseNumber,
		@Nullable String houseNumberSuffix, String postcode, String city, String x, String y, int srid,
		Charset charset) {

	/** The column names and reference system of NRW's "Hauskoordinaten". */
	public static AddressImportOptions nrwHauskoordinaten() {
		return new AddressImportOptions(';', "STN", "HNR", "ADZ", "PLZ", "ONM", "EAST", "NORTH", 25832,
				StandardCharsets.UTF_8);
	}

}
