package de.quartierdispatch.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import de.quartierdispatch.security.mfa.SecondFactorProperties;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Server-side staff sessions. The browser holds a random token; the database holds only
 * its SHA-256 hash, so a copy of the table cannot be used to sign in. Every instance
 * checks the same table, so sign-out and disabling an account take effect everywhere at
 * once.
 */
@Repository
public class StaffSessions {

	/**
	 * Sessions are touched at most this often, to keep reads from turning into writes.
	 */
	private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

	private static final String FIND_AND_TOUCH = """
			WITH found AS (
			    SELECT u.id, u.username, u.display_name, u.roles, u.contact_point_id, u.team_id, u.quarter_scope,
			           s.token_hash, s.last_seen_at, s.second_factor_pending
			    FROM staff_session s JOIN staff_user u ON u.id = s.user_id
			    WHERE s.token_hash = :hash AND u.enabled
			      AND s.last_seen_at > :idleLimit AND s.created_at > :absoluteLimit
			      AND (NOT s.second_factor_pending OR s.created_at > :pendingLimit)
			), touched AS (
			    UPDATE staff_session SET last_seen_at = :now
			    WHERE token_hash = :hash AND last_seen_at < :touchBefore AND EXISTS (SELECT 1 FROM found)
			)
			SELECT * FROM found
			""";

	/**
	 * The channel on which ended sessions are announced, with the account id as payload.
	 */
	public static final String SESSIONS_ENDED_CHANNEL = "staff_sessions_ended";

	/** The cookie that carries the session token. */
	public static final String COOKIE = "QD_SESSION";

	private final DatabaseClient db;

	private final Clock clock;

	private final SecurityProperties properties;

	private final Duration pendingTimeout;

	private final SecureRandom random = new SecureRandom();

	StaffSessions(DatabaseClient db, Clock clock, SecurityProperties properties, SecondFactorProperties secondFactor) {
		this.db = db;
		this.clock = clock;
		this.properties = properties;
		this.pendingTimeout = secondFactor.pendingTimeout();
	}

	/** Opens a session and returns the token for the cookie. */
	Mono<String> open(long userId) {
		return open(userId, false);
	}

	/**
	 * Opens a session, or with {@code secondFactorPending} one that waits for the second
	 * factor, and returns the token for the cookie.
	 */
	Mono<String> open(long userId, boolean secondFactorPending) {
		byte[] token = new byte[32];
		this.random.nextBytes(token);
		String value = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
		OffsetDateTime now = now();
		return this.db.sql("""
				INSERT INTO staff_session (token_hash, user_id, created_at, last_seen_at, second_factor_pending)
				VALUES (:hash, :user, :now, :now, :pending)
				""")
			.bind("hash", hash(value))
			.bind("user", userId)
			.bind("now", now)
			.bind("pending", secondFactorPending)
			.then()
			.thenReturn(value);
	}

	/**
	 * The staff member behind a live session token; empty when it is unknown or has
	 * expired.
	 */
	Mono<StaffPrincipal> find(String token) {
		OffsetDateTime now = now();
		return this.db.sql(FIND_AND_TOUCH)
			.bind("hash", hash(token))
			.bind("now", now)
			.bind("idleLimit", now.minus(this.properties.idleTimeout()))
			.bind("absoluteLimit", now.minus(this.properties.absoluteTimeout()))
			.bind("pendingLimit", now.minus(this.pendingTimeout))
			.bind("touchBefore", now.minus(TOUCH_INTERVAL))
			.map(StaffSessions::toPrincipal)
			.one();
	}

	/** Whether a session token still signs someone in (and counts as activity if so). */
	public Mono<Boolean> isLive(String token) {
		return find(token).hasElement();
	}

	Mono<Void> close(String token) {
		return this.db.sql("DELETE FROM staff_session WHERE token_hash = :hash").bind("hash", hash(token)).then();
	}

	/**
	 * Ends every session of an account (sign-out, account disabled) and tells every
	 * instance, so that they close the account's live connections too. The notification
	 * carries only the internal account id.
	 */
	public Mono<Long> closeAll(long userId) {
		Mono<Long> deleted = this.db.sql("DELETE FROM staff_session WHERE user_id = :user")
			.bind("user", userId)
			.fetch()
			.rowsUpdated();
		Mono<Void> announced = this.db.sql("SELECT pg_notify('" + SESSIONS_ENDED_CHANNEL + "', :user)")
			.bind("user", Long.toString(userId))
			.then();
		return deleted.flatMap((count) -> announced.thenReturn(count));
	}

	/** Deletes sessions that can no longer be used. */
	public Mono<Long> deleteExpired() {
		OffsetDateTime now = now();
		return this.db.sql("DELETE FROM staff_session WHERE last_seen_at <= :idleLimit OR created_at <= :absoluteLimit")
			.bind("idleLimit", now.minus(this.properties.idleTimeout()))
			.bind("absoluteLimit", now.minus(this.properties.absoluteTimeout()))
			.fetch()
			.rowsUpdated();
	}

	private static StaffPrincipal toPrincipal(Readable row) {
		Set<Role> roles = Arrays.stream(row.get("roles", String[].class))
			.map(Role::valueOf)
			.collect(Collectors.toSet());
		List<Long> scope = Arrays.asList(row.get("quarter_scope", Long[].class));
		byte[] hash = row.get("token_hash", byte[].class);
		return new StaffPrincipal(row.get("id", Long.class), row.get("username", String.class),
				row.get("display_name", String.class), roles, row.get("contact_point_id", Long.class),
				row.get("team_id", Long.class), scope, HexFormat.of().formatHex(Arrays.copyOf(hash, 8)),
				Boolean.TRUE.equals(row.get("second_factor_pending", Boolean.class)));
	}

	private static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

}
