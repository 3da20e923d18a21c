package de.quartierdispatch.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.nulabinc.zxcvbn.Zxcvbn;
import de.quartierdispatch.system.InvalidFieldsException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * What a staff password must be (OWASP ASVS 5.0, V6.2): at least
 * {@link PasswordHasher#MIN_LENGTH} characters, at most {@link #MAX_LENGTH}, no
 * composition rules, but not guessable: zxcvbn rates it against lists of common and
 * leaked passwords, words, keyboard patterns and the account's own names, and anything
 * below "safely unguessable" (score 3 of 4) is refused.
 */
@Component
public class PasswordPolicy {

	/** Long enough for any passphrase, short enough not to feed the hash a megabyte. */
	public static final int MAX_LENGTH = 128;

	private static final int MIN_SCORE = 3;

	/** Words that anyone guessing a password here would try first. */
	private static final List<String> SITE_WORDS = List.of("quartier", "dispatch", "stadt", "kod", "ordnungsamt",
			"anlaufstelle", "bottrop");

	private final Zxcvbn zxcvbn = new Zxcvbn();

	private final Scheduler scheduler;

	PasswordPolicy(@Qualifier("passwordHashing") Scheduler scheduler) {
		this.scheduler = scheduler;
	}

	/**
	 * Completes when the password may be used; fails with a field error on
	 * {@code password} otherwise.
	 */
	public Mono<Void> check(String password, String username, String displayName) {
		// Characters, not UTF-16 units: six emoji are six characters, not twelve.
		int characters = password.codePointCount(0, password.length());
		if (characters < PasswordHasher.MIN_LENGTH) {
			return Mono.error(new InvalidFieldsException("password", "password.too-short", PasswordHasher.MIN_LENGTH));
		}
		if (characters > MAX_LENGTH) {
			return Mono.error(new InvalidFieldsException("password", "password.too-long", MAX_LENGTH));
		}
		// Rating takes a few milliseconds of CPU: not on an event loop.
		return Mono.fromCallable(() -> rate(password, username, displayName))
			.subscribeOn(this.scheduler)
			.flatMap((score) -> (score >= MIN_SCORE) ? Mono.empty()
					: Mono.error(new InvalidFieldsException("password", "password.guessable")));
	}

	private int rate(String password, String username, String displayName) {
		List<String> own = new ArrayList<>(SITE_WORDS);
		own.add(username);
		own.addAll(List.of(displayName.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
		return this.zxcvbn.measure(password, own).getScore();
	}

}
