package de.quartierdispatch.security.mfa;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;

import de.quartierdispatch.security.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who signs in with a second factor, and how.
 *
 * @param requiredRoles members with any of these roles must enrol an authenticator app
 * (default: everyone who can read residents' contact details); members without them are
 * asked for a code only once they have enrolled of their own accord
 * @param secretKey AES key (32 bytes, Base64) that encrypts the authenticators' secrets
 * in the database ({@code MFA_SECRET_KEY}); the demo profile has a public one
 * @param issuer the name authenticator apps show next to the code
 * @param timeStepTolerance codes of this many 30-second steps before and after the
 * current one are accepted too (clocks of phones drift)
 * @param pendingTimeout how long a password-only session may wait for its second factor
 * (enrolment included) before the member has to start again
 * @param recoveryCodes how many one-time recovery codes an enrolment hands out
 */
@ConfigurationProperties("quartier.security.mfa")
public record SecondFactorProperties(@DefaultValue("DISPATCHER,FIELD,ADMIN") Set<Role> requiredRoles,
		@Nullable String secretKey, @DefaultValue("Quartier Dispatch") String issuer,
		@DefaultValue("1") int timeStepTolerance, @DefaultValue("10m") Duration pendingTimeout,
		@DefaultValue("10") int recoveryCodes) {

	/** Whether a member with these roles must have a second factor. */
	public boolean requiredFor(Collection<Role> roles) {
		return roles.stream().anyMatch(this.requiredRoles::contains);
	}

}
