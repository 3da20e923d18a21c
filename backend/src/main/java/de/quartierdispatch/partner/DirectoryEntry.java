package de.quartierdispatch.partner;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A partner service as the directory shows it, with whether it is open now and today
 * (Europe/Berlin, by the application's clock).
 *
 * @param id the service
 * @param name the service's name
 * @param organisationId the organisation offering it
 * @param organisation the organisation's name
 * @param organisationKind city office or free carrier
 * @param topic what it helps with
 * @param targetGroup who it is for
 * @param languages languages spoken there
 * @param openingHours opening or consultation hours (OpenStreetMap syntax)
 * @param street street
 * @param houseNumber house number
 * @param postcode postcode
 * @param city city
 * @param howToReach bus stops, entrance, appointment rules
 * @param quarters quarter codes it serves; empty for the whole city
 * @param phone the organisation's phone
 * @param email the organisation's e-mail
 * @param website the organisation's website
 * @param active offered at present
 * @param openNow open at this moment
 * @param openToday still open or opening later today
 */
public record DirectoryEntry(long id, String name, long organisationId, String organisation, String organisationKind,
		Topic topic, String targetGroup, List<String> languages, String openingHours, String street, String houseNumber,
		String postcode, String city, String howToReach, List<String> quarters, @Nullable String phone,
		@Nullable String email, @Nullable String website, boolean active, boolean openNow, boolean openToday) {
}
