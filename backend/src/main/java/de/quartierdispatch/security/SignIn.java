package de.quartierdispatch.security;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Checks a username and password and opens a session. Guessing is slowed twice: per
 * client address (a token bucket) and per account (locked after repeated failures). An
 * unknown, disabled or locked account and a wrong password all get the same answer.
 */
@Service
class SignIn {

	private static final Logger logger = LoggerFactory.getLogger(SignIn.class);

	private final StaffAccounts accounts;

	private final StaffSessions sessions;

	private final PasswordHasher passwords;

	private final SecurityProperties properties;

	private final Clock clock;

	private final SecondFactorSignIn secondFactor;

	SignIn(StaffAccounts accounts, StaffSessions sessions, PasswordHasher passwords, SecurityProperties properties,
			Clock clock, SecondFactorSignIn secondFactor) {
		this.accounts = accounts;
		this.sessions = sessions;
		this.passwords = passwords;
		this.properties = properties;
		this.clock = clock;
		this.secondFactor = secondFactor;
	}

	/**
	 * Signs in and returns the new session's token.
	 */
	Mono<String> signIn(String username, String password) {
		return Mono.defer(() -> {
			String normalized = username.strip().toLowerCase(Locale.ROOT);
			return this.accounts.findByUsername(normalized)
				.flatMap((account) -> check(account, password))
				.switchIfEmpty(Mono.defer(() -> this.passwords.mismatch(password)
					.then(Mono.error(() -> new BadCredentialsException(this.properties)))));
		});
	}

	private Mono<String> check(StaffAccount account, String password) {
		OffsetDateTime now = now();
		if (account.lockedAt(now)) {
			// Answered like an unknown username, after as long a hash: the answer must
			// not tell which usernames exist. The lock still holds, even for the right
			// password.
			return this.passwords.mismatch(password)
				.then(Mono.error(() -> new BadCredentialsException(this.properties)));
		}
		Mono<Boolean> matches = (account.enabled() && account.passwordHash() != null)
				? this.passwords.matches(password, account.passwordHash()) : this.passwords.mismatch(password);
		// Counted before the (slow) check: attempts sent at once cannot all pass the
		// lock.
		return this.accounts
			.claimAttempt(account.id(), this.properties.maxFailedLogins(), now, now.plus(this.properties.lockout()))
			.flatMap((attempt) -> matches.flatMap((ok) -> ok ? succeed(account) : fail(account)))
			.switchIfEmpty(Mono.defer(() -> this.passwords.mismatch(password)
				.then(Mono.error(() -> new BadCredentialsException(this.properties)))));
	}

	/**
	 * With a second factor due, the session waits for it, and failed attempts keep
	 * counting until the code is right too.
	 */
	private Mono<String> succeed(StaffAccount account) {
		return this.secondFactor.dueAfterPassword(account.id()).flatMap((due) -> {
			if (due) {
				logger.info("Password of user {} accepted, second factor due", account.username());
				return this.sessions.open(account.id(), true);
			}
			logger.info("Sign-in of user {} succeeded", account.username());
			return this.accounts.recordSuccess(account.id()).then(this.sessions.open(account.id()));
		});
	}

	/** A wrong password: already counted ({@code claimAttempt}). */
	private Mono<String> fail(StaffAccount account) {
		logger.warn("Sign-in of user {} failed", account.username());
		return Mono.error(() -> new BadCredentialsException(this.properties));
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

}
