package de.quartierdispatch.security;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import de.quartierdispatch.security.mfa.Authenticators;
import de.quartierdispatch.security.mfa.RecoveryCodes;
import de.quartierdispatch.security.mfa.SecondFactorProperties;
import de.quartierdispatch.security.mfa.SecretCipher;
import de.quartierdispatch.security.mfa.Totp;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * A code a member types to prove they hold their second factor: six digits of their
 * authenticator app (each time step is taken once) or one of their recovery codes (each
 * works once). Either is spent by being accepted.
 */
@Component
class TypedCodes {

	enum Outcome {

		APP_CODE, RECOVERY_CODE, USED, WRONG

	}

	private final Authenticators authenticators;

	private final SecretCipher cipher;

	private final SecondFactorProperties properties;

	private final Clock clock;

	TypedCodes(Authenticators authenticators, SecretCipher cipher, SecondFactorProperties properties, Clock clock) {
		this.authenticators = authenticators;
		this.cipher = cipher;
		this.properties = properties;
		this.clock = clock;
	}

	/** Spends the code against the member's confirmed secret (as stored, encrypted). */
	Mono<Outcome> spend(long userId, byte[] storedSecret, String code) {
		String typed = code.replaceAll("\\s", "");
		if (typed.matches("\\d{" + Totp.DIGITS + "}")) {
			long current = Totp.step(this.clock.instant());
			int tolerance = this.properties.timeStepTolerance();
			long[] steps = Totp.matchingSteps(this.cipher.decrypt(userId, storedSecret), typed, current, tolerance);
			if (steps.length == 0) {
				return Mono.just(Outcome.WRONG);
			}
			return this.authenticators.claim(userId, steps, current - tolerance)
				.map((fresh) -> fresh ? Outcome.APP_CODE : Outcome.USED);
		}
		String recoveryCode = RecoveryCodes.normalize(typed);
		if (recoveryCode.isEmpty()) {
			return Mono.just(Outcome.WRONG);
		}
		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		return this.authenticators.useRecoveryCode(userId, recoveryCode, now)
			.map((used) -> used ? Outcome.RECOVERY_CODE : Outcome.WRONG);
	}

}
