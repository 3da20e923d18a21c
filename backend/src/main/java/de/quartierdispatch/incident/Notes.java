package de.quartierdispatch.incident;

import java.time.OffsetDateTime;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Notes on incidents: what team leads write, and what the system writes for them (a
 * priority change's reason, a merge, a decline's reason, a referral).
 */
@Repository
class Notes {

	private final DatabaseClient db;

	Notes(DatabaseClient db) {
		this.db = db;
	}

	Mono<Long> add(long incidentId, String kind, String author, String text, OffsetDateTime at) {
		return this.db.sql("""
				INSERT INTO incident_note (incident_id, kind, author, text, created_at)
				VALUES (:incident, :kind, :author, :text, :at) RETURNING id
				""")
			.bind("incident", incidentId)
			.bind("kind", kind)
			.bind("author", author)
			.bind("text", text)
			.bind("at", at)
			.map((row) -> row.get("id", Long.class))
			.one();
	}

}
