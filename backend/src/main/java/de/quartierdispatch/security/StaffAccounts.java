package de.quartierdispatch.security;

import java.time.OffsetDateTime;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Accounts as sign-in sees them: password hash, failed attempts, lock.
 */
@Repository
class StaffAccounts {

	private final DatabaseClient db;

	StaffAccounts(DatabaseClient db) {
		this.db = db;
	}

	Mono<StaffAccount> findByUsername(String username) {
		return this.db.sql("""
				SELECT id, username, password_hash, enabled, failed_logins, locked_until
				FROM staff_user WHERE username = :username
				""")
			.bind("username", username)
			.map((row) -> new StaffAccount(row.get("id", Long.class), row.get("username", String.class),
					row.get("password_hash", String.class), Boolean.TRUE.equals(row.get("enabled", Boolean.class)),
					row.get("failed_logins", Integer.class), row.get("locked_until", OffsetDateTime.class)))
			.one();
	}

	/** Counts a failed sign-in; the account locks when it reaches the limit. */
	Mono<Void> recordFailure(long id, int maxFailures, OffsetDateTime lockUntil) {
		return this.db.sql("""
				UPDATE staff_user
				SET failed_logins = failed_logins + 1,
				    locked_until = CASE WHEN failed_logins + 1 >= :max THEN :lockUntil ELSE locked_until END
				WHERE id = :id
				""").bind("id", id).bind("max", maxFailures).bind("lockUntil", lockUntil).then();
	}

	/**
	 * Counts a password attempt before its password is checked, so that attempts sent at
	 * once count as the ones before them did: the attempt that reaches the maximum locks
	 * the account (a right password then unlocks it, {@link #recordSuccess}), and any
	 * attempt while it is locked is not counted and not allowed (empty).
	 */
	Mono<Integer> claimAttempt(long id, int maxFailures, OffsetDateTime now, OffsetDateTime lockUntil) {
		return this.db.sql("""
				UPDATE staff_user
				SET failed_logins = failed_logins + 1,
				    locked_until = CASE WHEN failed_logins + 1 >= :max THEN :lockUntil ELSE locked_until END
				WHERE id = :id AND (locked_until IS NULL OR locked_until <= :now)
				RETURNING failed_logins
				""")
			.bind("id", id)
			.bind("max", maxFailures)
			.bind("now", now)
			.bind("lockUntil", lockUntil)
			.map((row) -> row.get("failed_logins", Integer.class))
			.one();
	}

	Mono<Void> recordSuccess(long id) {
		return this.db
			.sql("UPDATE staff_user SET failed_logins = 0, locked_until = NULL WHERE id = :id AND failed_logins > 0")
			.bind("id", id)
			.then();
	}

}
