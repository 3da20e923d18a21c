package de.quartierdispatch.security;

import java.time.OffsetDateTime;

import de.quartierdispatch.security.mfa.Authenticator;
import de.quartierdispatch.security.mfa.SecondFactorProperties;
import org.jspecify.annotations.Nullable;

/**
 * Where a member stands.
 *
 * @param state {@code CODE} (a code is due), {@code ENROL} (an app must be set up first),
 * {@code ENROLLED}, {@code NOT_ENROLLED}, or {@code PROVIDER} (the identity provider asks
 * for the second factor)
 * @param required whether the member's roles require a second factor
 * @param enrolledAt when the current app was set up
 * @param recoveryCodesLeft unused recovery codes
 */
record SecondFactorStatus(String state, boolean required, @Nullable OffsetDateTime enrolledAt, int recoveryCodesLeft) {

	static SecondFactorStatus of(StaffPrincipal member, Authenticator account, SecondFactorProperties properties) {
		String state;
		if (member.secondFactorPending()) {
			state = account.enrolled() ? "CODE" : "ENROL";
		}
		else if (account.external()) {
			state = "PROVIDER";
		}
		else {
			state = account.enrolled() ? "ENROLLED" : "NOT_ENROLLED";
		}
		return new SecondFactorStatus(state, properties.requiredFor(account.roles()), account.enrolledAt(),
				account.recoveryCodesLeft());
	}

}
