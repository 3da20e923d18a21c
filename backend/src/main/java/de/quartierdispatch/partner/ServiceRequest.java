package de.quartierdispatch.partner;

import java.util.List;

import de.quartierdispatch.system.TextNormalizer;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A partner service as administrators enter it.
 *
 * @param name the service's name
 * @param topic what it helps with
 * @param targetGroup who it is for
 * @param languages languages spoken there
 * @param openingHours hours in OpenStreetMap syntax, e.g. "Mo-Th 09:00-16:00; Fr
 * 09:00-13:00"
 * @param street street
 * @param houseNumber house number
 * @param postcode postcode
 * @param city city
 * @param howToReach bus stops, entrance, appointment rules
 * @param quarters quarter codes it serves; empty for the whole city. Required: a change
 * that left it out would widen the service to the whole city
 * @param active offered at present
 */
record ServiceRequest(@NotBlank @Size(max = 200) String name, @NotNull Topic topic,
		@Nullable @Size(max = 500) String targetGroup,
		@NotEmpty @Size(max = 8) List<@Pattern(regexp = "de|en|ar|fa|tr|uk|ro|bg") String> languages,
		@NotBlank @Size(max = 300) String openingHours, @NotBlank @Size(max = 200) String street,
		@NotBlank @Size(max = 20) String houseNumber, @NotBlank @Pattern(regexp = "\\d{5}") String postcode,
		@NotBlank @Size(max = 100) String city, @Nullable @Size(max = 1000) String howToReach,
		@NotNull @Size(max = 100) List<@Size(max = 32) String> quarters, boolean active) {

	String targetGroupOrEmpty() {
		return TextNormalizer.oneLine(this.targetGroup);
	}

	String howToReachOrEmpty() {
		String cleaned = TextNormalizer.clean(this.howToReach);
		return (cleaned != null) ? cleaned : "";
	}

	/** The quarters named, each once. */
	List<String> quartersOrNone() {
		return (this.quarters != null) ? this.quarters.stream().map(String::strip).distinct().sorted().toList()
				: List.of();
	}

	/** The languages named, each once, in the order given. */
	List<String> languagesOnce() {
		return this.languages.stream().distinct().toList();
	}

}
