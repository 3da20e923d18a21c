package de.quartierdispatch.open311;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;

import de.quartierdispatch.system.Sha256;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The partner apps' keys. A key is 32 random bytes, shown once when issued; only its
 * SHA-256 is stored (a key is random enough that a plain hash cannot be reversed).
 */
@Repository
class PartnerKeys {

	private static final String PREFIX = "qd311_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String COLUMNS = """
			id, name, key_prefix, requests_per_hour, created_by, created_at, revoked_by, revoked_at, last_used_at
			""";

	private final DatabaseClient db;

	PartnerKeys(DatabaseClient db) {
		this.db = db;
	}

	Flux<PartnerKey> findAll() {
		return this.db.sql("SELECT " + COLUMNS + " FROM open311_api_key ORDER BY revoked_at NULLS FIRST, lower(name)")
			.map(PartnerKeys::toKey)
			.all();
	}

	/** Issues a key; the answer holds the key itself, which is never shown again. */
	Mono<IssuedKey> issue(String name, int requestsPerHour, String issuedBy, OffsetDateTime now) {
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		return this.db.sql("""
				INSERT INTO open311_api_key (name, key_hash, key_prefix, requests_per_hour, created_by, created_at)
				VALUES (:name, :hash, :prefix, :limit, :by, :now)
				RETURNING""" + " " + COLUMNS)
			.bind("name", name)
			.bind("hash", hash(key))
			.bind("prefix", key.substring(0, PREFIX.length() + 4))
			.bind("limit", requestsPerHour)
			.bind("by", issuedBy)
			.bind("now", now)
			.map(PartnerKeys::toKey)
			.one()
			.map((issued) -> new IssuedKey(issued, key));
	}

	/** Revokes an active key; empty when there is no such active key. */
	Mono<PartnerKey> revoke(long id, String revokedBy, OffsetDateTime now) {
		return this.db.sql("""
				UPDATE open311_api_key SET revoked_by = :by, revoked_at = :now
				WHERE id = :id AND revoked_at IS NULL
				RETURNING""" + " " + COLUMNS)
			.bind("id", id)
			.bind("by", revokedBy)
			.bind("now", now)
			.map(PartnerKeys::toKey)
			.one();
	}

	/** The active key with this value, noting that it was used. */
	Mono<PartnerKey> use(String key, OffsetDateTime now) {
		return this.db.sql("""
				UPDATE open311_api_key SET last_used_at = :now
				WHERE key_hash = :hash AND revoked_at IS NULL
				RETURNING""" + " " + COLUMNS).bind("hash", hash(key)).bind("now", now).map(PartnerKeys::toKey).one();
	}

	private static byte[] hash(String key) {
		return Sha256.of(key.getBytes(StandardCharsets.UTF_8));
	}

	private static PartnerKey toKey(Readable row) {
		return new PartnerKey(row.get("id", Long.class), row.get("name", String.class),
				row.get("key_prefix", String.class), row.get("requests_per_hour", Integer.class),
				row.get("created_by", String.class), row.get("created_at", OffsetDateTime.class),
				row.get("revoked_by", String.class), row.get("revoked_at", OffsetDateTime.class),
				row.get("last_used_at", OffsetDateTime.class));
	}

	/**
	 * A key as administrators see it (never the key itself).
	 *
	 * @param id its id
	 * @param name the partner app's name, shown on the board
	 * @param prefix the key's first characters, to tell keys apart
	 * @param requestsPerHour the key's own rate limit
	 * @param createdBy who issued it
	 * @param createdAt when
	 * @param revokedBy who revoked it, if revoked
	 * @param revokedAt when
	 * @param lastUsedAt when it was last used
	 */
	record PartnerKey(long id, String name, String prefix, int requestsPerHour, String createdBy,
			OffsetDateTime createdAt, @Nullable String revokedBy, @Nullable OffsetDateTime revokedAt,
			@Nullable OffsetDateTime lastUsedAt) {
	}

	/**
	 * A key just issued.
	 *
	 * @param details what administrators see of it
	 * @param key the key itself, shown this once
	 */
	record IssuedKey(PartnerKey details, String key) {
	}

}
