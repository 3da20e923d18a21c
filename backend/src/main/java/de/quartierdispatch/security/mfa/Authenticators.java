package de.quartierdispatch.security.mfa;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import de.quartierdispatch.security.Role;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The second factors of staff accounts: authenticator secrets, the time steps already
 * used, recovery codes.
 */
@Repository
public class Authenticators {

	private static final String FIND = """
			SELECT u.id, u.roles, u.external_subject IS NOT NULL AS external,
			       t.secret, t.enrolled_at, t.new_secret, t.new_secret_at,
			       (SELECT count(*) FROM staff_recovery_code r WHERE r.user_id = u.id AND r.used_at IS NULL)
			           AS recovery_codes_left
			FROM staff_user u LEFT JOIN staff_totp t ON t.user_id = u.id
			WHERE u.id = :user
			""";

	private final DatabaseClient db;

	Authenticators(DatabaseClient db) {
		this.db = db;
	}

	/** The account's second factor; empty when there is no such account. */
	public Mono<Authenticator> find(long userId) {
		return this.db.sql(FIND)
			.bind("user", userId)
			.map((row) -> new Authenticator(row.get("id", Long.class),
					Arrays.stream(row.get("roles", String[].class)).map(Role::valueOf).collect(Collectors.toSet()),
					Boolean.TRUE.equals(row.get("external", Boolean.class)),
					row.get("enrolled_at", OffsetDateTime.class), row.get("secret", byte[].class),
					row.get("new_secret", byte[].class), row.get("new_secret_at", OffsetDateTime.class),
					row.get("recovery_codes_left", Long.class).intValue()))
			.one();
	}

	/** Keeps a new, encrypted secret until the member confirms it with a code. */
	public Mono<Void> begin(long userId, byte[] newSecret, OffsetDateTime now) {
		return this.db
			.sql("""
					INSERT INTO staff_totp (user_id, new_secret, new_secret_at) VALUES (:user, :secret, :now)
					ON CONFLICT (user_id) DO UPDATE SET new_secret = excluded.new_secret, new_secret_at = excluded.new_secret_at
					""")
			.bind("user", userId)
			.bind("secret", newSecret)
			.bind("now", now)
			.then();
	}

	/**
	 * The new secret replaces the old one, with fresh recovery codes (the old ones end);
	 * the steps whose code confirmed it count as used. Only the new secret the code was
	 * checked against: {@code false}, and nothing changed, when it is no longer the one
	 * waiting (confirmed meanwhile by a second request, or replaced by a new set-up).
	 */
	public Mono<Boolean> confirm(long userId, byte[] checkedSecret, long[] usedSteps, List<String> recoveryCodes,
			OffsetDateTime now) {
		String[] hashes = recoveryCodes.stream()
			.map((code) -> HexFormat.of().formatHex(RecoveryCodes.hash(code)))
			.toArray(String[]::new);
		Mono<Long> replaced = this.db.sql("""
				UPDATE staff_totp SET secret = new_secret, enrolled_at = :now, new_secret = NULL, new_secret_at = NULL
				WHERE user_id = :user AND new_secret = :checked
				""").bind("user", userId).bind("now", now).bind("checked", checkedSecret).fetch().rowsUpdated();
		Mono<Void> stepsForgotten = this.db.sql("DELETE FROM staff_totp_used_step WHERE user_id = :user")
			.bind("user", userId)
			.then();
		Mono<Void> codesReplaced = this.db.sql("DELETE FROM staff_recovery_code WHERE user_id = :user")
			.bind("user", userId)
			.then()
			.then(this.db.sql("""
					INSERT INTO staff_recovery_code (user_id, code_hash)
					SELECT :user, decode(h, 'hex') FROM unnest(:hashes::text[]) AS h
					""").bind("user", userId).bind("hashes", hashes).then());
		return replaced.flatMap((rows) -> (rows == 0) ? Mono.just(false)
				: stepsForgotten.then(claim(userId, usedSteps, usedSteps[0])).then(codesReplaced).thenReturn(true));
	}

	/**
	 * Marks the time steps a code stands for as used; {@code false} when every one of
	 * them already was (a replayed code). All of them, so that a code two steps share is
	 * taken once, not once for each; in ascending order, so that two requests with the
	 * same code meet at the first step and only one wins. Steps before {@code oldestKept}
	 * can no longer be accepted and are forgotten.
	 */
	public Mono<Boolean> claim(long userId, long[] steps, long oldestKept) {
		Mono<Void> forgotten = this.db.sql("DELETE FROM staff_totp_used_step WHERE user_id = :user AND step < :oldest")
			.bind("user", userId)
			.bind("oldest", oldestKept)
			.then();
		Mono<Long> claimed = this.db.sql("""
				INSERT INTO staff_totp_used_step (user_id, step)
				SELECT :user, step FROM unnest(:steps::bigint[]) AS step ORDER BY step
				ON CONFLICT DO NOTHING
				""")
			.bind("user", userId)
			.bind("steps", LongStream.of(steps).boxed().toArray(Long[]::new))
			.fetch()
			.rowsUpdated();
		return forgotten.then(claimed).map((rows) -> rows > 0);
	}

	/** Uses up a recovery code; {@code false} when it is unknown or was used before. */
	public Mono<Boolean> useRecoveryCode(long userId, String code, OffsetDateTime now) {
		return this.db.sql("""
				UPDATE staff_recovery_code SET used_at = :now
				WHERE user_id = :user AND code_hash = :hash AND used_at IS NULL
				""")
			.bind("user", userId)
			.bind("hash", RecoveryCodes.hash(code))
			.bind("now", now)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows == 1);
	}

	/** Removes the second factor; {@code true} when there was one. */
	public Mono<Boolean> remove(long userId) {
		Mono<Long> removed = this.db.sql("DELETE FROM staff_totp WHERE user_id = :user")
			.bind("user", userId)
			.fetch()
			.rowsUpdated();
		Mono<Void> codes = this.db.sql("DELETE FROM staff_recovery_code WHERE user_id = :user")
			.bind("user", userId)
			.then();
		Mono<Void> steps = this.db.sql("DELETE FROM staff_totp_used_step WHERE user_id = :user")
			.bind("user", userId)
			.then();
		return removed.flatMap((rows) -> codes.then(steps).thenReturn(rows > 0));
	}

}
