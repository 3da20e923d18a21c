package de.quartierdispatch.security;

import java.time.OffsetDateTime;

import de.quartierdispatch.security.mfa.Authenticators;
import de.quartierdispatch.security.mfa.SecondFactorProperties;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Staff members' second factors as administrators see them: whether one is set up, and
 * resetting it (a lost phone), after which the member sets up a new one at their next
 * sign-in. Callers audit the reset.
 */
@Service
public class SecondFactors {

	private final Authenticators authenticators;

	private final StaffSessions sessions;

	private final SecondFactorProperties properties;

	SecondFactors(Authenticators authenticators, StaffSessions sessions, SecondFactorProperties properties) {
		this.authenticators = authenticators;
		this.sessions = sessions;
		this.properties = properties;
	}

	/** The member's second factor; empty when there is no such account. */
	public Mono<Overview> overview(long userId) {
		return this.authenticators.find(userId)
			.map((account) -> new Overview(account.enrolled(), account.enrolledAt(),
					this.properties.requiredFor(account.roles()), account.external(), account.recoveryCodesLeft()));
	}

	/**
	 * Removes the member's authenticator and recovery codes and, when one was set up,
	 * ends their sessions; {@code true} when there was something to remove.
	 */
	public Mono<Boolean> reset(long userId) {
		// Nothing set up (or a set-up begun and never confirmed): the member stays signed
		// in.
		return this.authenticators.find(userId)
			.flatMap((account) -> this.authenticators.remove(userId)
				.flatMap((removed) -> (removed && account.enrolled()) ? this.sessions.closeAll(userId).thenReturn(true)
						: Mono.just(removed)));
	}

	/**
	 * A member's second factor.
	 *
	 * @param enrolled whether an authenticator app is set up
	 * @param enrolledAt since when
	 * @param required whether the member's roles require one
	 * @param external whether the city's identity provider takes care of it
	 * @param recoveryCodesLeft unused recovery codes
	 */
	public record Overview(boolean enrolled, @Nullable OffsetDateTime enrolledAt, boolean required, boolean external,
			int recoveryCodesLeft) {
	}

}
