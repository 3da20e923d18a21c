package de.quartierdispatch.staff;

import java.util.List;
import java.util.Set;

import de.quartierdispatch.security.PasswordHasher;
import de.quartierdispatch.security.PasswordPolicy;
import de.quartierdispatch.security.Role;
import de.quartierdispatch.system.TextNormalizer;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What administrators send.
 */
final class StaffRequests {

	private StaffRequests() {
	}

	/**
	 * A new account.
	 *
	 * @param username lower-case letters, digits, dot, dash, underscore
	 * @param displayName the name shown to colleagues (on one line, control characters
	 * removed)
	 * @param password the first password
	 * @param roles at least one
	 * @param teamId required for field members
	 * @param contactPointId the usual contact point of counter staff
	 * @param quarterCodes quarters a dispatcher is limited to; empty or absent for all
	 */
	record NewMember(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,63}") String username,
			@NotBlank @Size(max = 100) String displayName,
			@NotNull @Size(min = PasswordHasher.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH) String password,
			@NotEmpty Set<Role> roles, @Nullable Long teamId, @Nullable Long contactPointId,
			@Nullable List<@NotBlank String> quarterCodes) {

		NewMember {
			displayName = TextNormalizer.oneLine(displayName);
		}

	}

	/**
	 * A change of an existing account: its whole state as the administrator wants it.
	 *
	 * @param displayName the name shown to colleagues (on one line, control characters
	 * removed)
	 * @param roles at least one
	 * @param enabled false disables the account
	 * @param teamId required for field members
	 * @param contactPointId the usual contact point of counter staff
	 * @param quarterCodes quarters a dispatcher is limited to; empty for all. Required:
	 * an update that left it out would lift a lead's limit to their quarters.
	 */
	record Change(@NotBlank @Size(max = 100) String displayName, @NotEmpty Set<Role> roles, boolean enabled,
			@Nullable Long teamId, @Nullable Long contactPointId, @NotNull List<@NotBlank String> quarterCodes) {

		Change {
			displayName = TextNormalizer.oneLine(displayName);
		}

	}

	/**
	 * A new password set by an administrator.
	 *
	 * @param password the password
	 */
	record NewPassword(
			@NotNull @Size(min = PasswordHasher.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH) String password) {
	}

	/**
	 * What an account may do and where: everything but its names and password.
	 *
	 * @param roles the roles
	 * @param enabled whether it can sign in
	 * @param teamId the team of a field member
	 * @param contactPointId the contact point of counter staff
	 * @param quarterCodes the dispatcher's quarters
	 */
	record Remit(Set<Role> roles, boolean enabled, @Nullable Long teamId, @Nullable Long contactPointId,
			@Nullable List<String> quarterCodes) {

		List<String> quarters() {
			return (this.quarterCodes != null) ? this.quarterCodes : List.of();
		}

	}

}
