package de.quartierdispatch.security;

import java.util.UUID;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes and checks passwords on their own threads.
 */
@Component
public class PasswordHasher {

	/**
	 * Shorter passwords are refused (OWASP ASVS 5.0 recommends at least 15, requires 8).
	 */
	public static final int MIN_LENGTH = 12;

	private final PasswordEncoder encoder;

	private final Scheduler scheduler;

	/**
	 * Checked when an account does not exist, so that its absence takes as long as a
	 * wrong password.
	 */
	private final Mono<String> dummyHash;

	PasswordHasher(PasswordEncoder encoder, @Qualifier("passwordHashing") Scheduler scheduler) {
		this.encoder = encoder;
		this.scheduler = scheduler;
		this.dummyHash = hash(UUID.randomUUID().toString()).cache();
	}

	public Mono<String> hash(String password) {
		return Mono.fromCallable(() -> this.encoder.encode(password)).subscribeOn(this.scheduler);
	}

	Mono<Boolean> matches(String password, String hash) {
		return Mono.fromCallable(() -> this.encoder.matches(password, hash)).subscribeOn(this.scheduler);
	}

	/** Spends the time of a real check and fails. */
	Mono<Boolean> mismatch(String password) {
		return this.dummyHash.flatMap((hash) -> matches(password, hash)).map((ignored) -> false);
	}

}
