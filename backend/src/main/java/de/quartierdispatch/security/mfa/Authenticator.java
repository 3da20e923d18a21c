package de.quartierdispatch.security.mfa;

import java.time.OffsetDateTime;
import java.util.Set;

import de.quartierdispatch.security.Role;
import org.jspecify.annotations.Nullable;

/**
 * An account's second factor as stored: the confirmed secret, an enrolment begun, and how
 * many recovery codes are left. Secrets are encrypted ({@link SecretCipher}).
 *
 * @param userId the account
 * @param roles the account's roles (they decide whether a second factor is required)
 * @param external whether the account signs in through the city's identity provider
 * @param enrolledAt when the current authenticator was confirmed; {@code null}: none
 * @param secret the current authenticator's encrypted secret
 * @param newSecret an enrolment begun and not confirmed yet, encrypted
 * @param newSecretAt when that enrolment began
 * @param recoveryCodesLeft unused recovery codes
 */
public record Authenticator(long userId, Set<Role> roles, boolean external, @Nullable OffsetDateTime enrolledAt,
		byte @Nullable [] secret, byte @Nullable [] newSecret, @Nullable OffsetDateTime newSecretAt,
		int recoveryCodesLeft) {

	public boolean enrolled() {
		return this.secret != null;
	}

}
