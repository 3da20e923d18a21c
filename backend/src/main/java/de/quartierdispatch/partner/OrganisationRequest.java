package de.quartierdispatch.partner;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A partner organisation as administrators enter it.
 *
 * @param name its name
 * @param kind city office or free carrier
 * @param phone how to call it
 * @param email how to write to it
 * @param website its website
 * @param active working with the city at present
 */
record OrganisationRequest(@NotBlank @Size(max = 200) String name,
		@NotNull @Pattern(regexp = "CITY_OFFICE|FREE_CARRIER") String kind,
		@Nullable @Size(max = 40) @Pattern(regexp = "|\\+?[ ()/.-]*(?:[0-9][ ()/.-]*){5,20}") String phone,
		@Nullable @Email(regexp = "|[^@\\s]+@[^@\\s]+\\.[^@\\s]+") @Size(max = 254) String email,
		@Nullable @Pattern(regexp = "https?://\\S{1,300}") String website, boolean active) {
}
