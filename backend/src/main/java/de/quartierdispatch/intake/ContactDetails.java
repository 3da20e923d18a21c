package de.quartierdispatch.intake;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * How a reporter can be reached, if they want to be. Kept apart from the report text,
 * readable only by roles that need it, erased after the retention period.
 *
 * @param name their name
 * @param email an e-mail address
 * @param phone a phone number
 */
record ContactDetails(@Nullable @Size(max = 200) String name,
		@Nullable @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+") String email,
		@Nullable @Size(max = 30) @Pattern(regexp = "\\+?[ ()/.-]*(?:[0-9][ ()/.-]*){5,20}") String phone) {

	boolean isEmpty() {
		return this.name == null && this.email == null && this.phone == null;
	}

}
