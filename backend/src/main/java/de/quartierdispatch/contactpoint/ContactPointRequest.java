package de.quartierdispatch.contactpoint;

import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A contact point as administrators enter it.
 *
 * @param name e.g. "Anlaufstelle Boy", unique
 * @param street street
 * @param houseNumber house number, e.g. "12a"
 * @param postcode German postcode, five digits
 * @param city city
 * @param lat latitude of the entrance
 * @param lon longitude of the entrance
 * @param openingHours in OpenStreetMap syntax, e.g. "Mo-Fr 09:00-13:00; Th 14:00-18:00"
 * @param languages languages spoken there, of those the product offers
 * @param phone phone number, if published
 * @param active open to people at present; offered on the public form and at the counter
 */
record ContactPointRequest(@NotBlank @Size(max = 120) String name, @NotBlank @Size(max = 120) String street,
		@NotBlank @Size(max = 20) String houseNumber, @NotNull @Pattern(regexp = "\\d{5}") String postcode,
		@NotBlank @Size(max = 80) String city, @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
		@NotNull @DecimalMin("-180") @DecimalMax("180") Double lon, @NotBlank @Size(max = 200) String openingHours,
		@Nullable @Size(max = 8) List<@NotNull @Pattern(regexp = "de|en|ar|fa|tr|uk|ro|bg") String> languages,
		@Nullable @Pattern(regexp = "\\+?[0-9][0-9 ()/-]{2,39}") String phone, @NotNull Boolean active) {

	List<String> languageList() {
		return (this.languages != null) ? this.languages.stream().distinct().toList() : List.of();
	}

}
