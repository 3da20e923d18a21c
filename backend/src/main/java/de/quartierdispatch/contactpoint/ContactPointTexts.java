package de.quartierdispatch.contactpoint;

import java.util.ArrayList;
import java.util.List;

import de.quartierdispatch.system.InvalidFieldsException.InvalidField;
import de.quartierdispatch.system.OpeningHours;
import de.quartierdispatch.system.TextNormalizer;
import org.jspecify.annotations.Nullable;

/**
 * A contact point's texts as they are stored: cleaned like every text people type, on one
 * line each (they are printed as an address).
 */
final class ContactPointTexts {

	private ContactPointTexts() {
	}

	static ContactPointRequest cleaned(ContactPointRequest request) {
		return new ContactPointRequest(TextNormalizer.oneLine(request.name()), TextNormalizer.oneLine(request.street()),
				TextNormalizer.oneLine(request.houseNumber()), request.postcode(),
				TextNormalizer.oneLine(request.city()), request.lat(), request.lon(),
				OpeningHours.normalized(TextNormalizer.oneLine(request.openingHours())), request.languageList(),
				optionalLine(request.phone()), request.active());
	}

	/** The fields that were only spaces or invisible characters. */
	static List<InvalidField> emptyFields(ContactPointRequest cleaned) {
		List<InvalidField> empty = new ArrayList<>();
		if (cleaned.name().isEmpty()) {
			empty.add(new InvalidField("name", "contact-point.required"));
		}
		if (cleaned.street().isEmpty()) {
			empty.add(new InvalidField("street", "contact-point.required"));
		}
		if (cleaned.houseNumber().isEmpty()) {
			empty.add(new InvalidField("houseNumber", "contact-point.required"));
		}
		if (cleaned.city().isEmpty()) {
			empty.add(new InvalidField("city", "contact-point.required"));
		}
		return empty;
	}

	private static @Nullable String optionalLine(@Nullable String text) {
		String cleaned = TextNormalizer.oneLine(text);
		return cleaned.isEmpty() ? null : cleaned;
	}

}
