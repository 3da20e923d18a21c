package de.quartierdispatch.referral;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A referral as counter staff or a team lead make it.
 *
 * @param serviceId the partner service
 * @param need what the person needs, in a few words
 * @param language the person's language
 * @param consent the person agreed that their contact details are passed on to the
 * partner (§ 67b SGB X / Art. 6 (1) a DSGVO); without it no contact details are accepted
 * @param contact the person's contact details; only with consent
 * @param quarter the quarter (code) the person lives in, if they said
 */
record ReferralRequest(@NotNull Long serviceId, @NotBlank @Size(max = 2000) String need,
		@NotNull @Pattern(regexp = "de|en|ar|fa|tr|uk|ro|bg") String language,
		@JsonSetter(nulls = Nulls.AS_EMPTY) boolean consent, @Nullable @Valid Contact contact,
		@Nullable @Size(max = 32) String quarter) {

	boolean hasContact() {
		return this.contact != null && this.contact.any();
	}

	/**
	 * How the partner reaches the person.
	 *
	 * @param name name
	 * @param phone phone number
	 * @param email e-mail address
	 */
	record Contact(@Nullable @Size(max = 200) String name,
			@Nullable @Size(max = 30) @Pattern(regexp = "|\\+?[ ()/.-]*(?:[0-9][ ()/.-]*){5,20}") String phone,
			@Nullable @Email(regexp = "|[^@\\s]+@[^@\\s]+\\.[^@\\s]+") @Size(max = 254) String email) {

		boolean any() {
			return present(this.name) || present(this.phone) || present(this.email);
		}

		boolean reachable() {
			return present(this.phone) || present(this.email);
		}

		static boolean present(@Nullable String value) {
			return value != null && !value.isBlank();
		}

	}

}
