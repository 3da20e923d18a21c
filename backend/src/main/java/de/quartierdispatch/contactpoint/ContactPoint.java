package de.quartierdispatch.contactpoint;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A contact point.
 *
 * @param id the contact point
 * @param name e.g. "Anlaufstelle Boy"
 * @param street street
 * @param houseNumber house number
 * @param postcode postcode
 * @param city city
 * @param lat latitude
 * @param lon longitude
 * @param openingHours opening hours in OpenStreetMap syntax
 * @param languages languages spoken there
 * @param phone phone number, if published
 * @param active open to people at present (a closed one is kept for what names it)
 */
record ContactPoint(long id, String name, String street, String houseNumber, String postcode, String city, double lat,
		double lon, String openingHours, List<String> languages, @Nullable String phone, boolean active) {
}
