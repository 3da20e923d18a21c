package de.quartierdispatch.team;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The team types' field settings, read and changed as JSON documents (for the
 * administration page).
 */
@Repository
public class TeamTypes {

	private static final String DOCUMENT = "jsonb_build_object('code', code, 'labelDe', label_de, 'labelEn', label_en, "
			+ "'checkInMinutes', check_in_minutes, 'voluntary', voluntary)";

	private final DatabaseClient db;

	TeamTypes(DatabaseClient db) {
		this.db = db;
	}

	/** Every team type with its names and field settings, in the usual order. */
	public Mono<String> all() {
		return this.db
			.sql("SELECT coalesce(jsonb_agg(" + DOCUMENT + " ORDER BY sort_order, code), '[]')::text AS document "
					+ "FROM team_type")
			.map((row) -> row.get("document", String.class))
			.one();
	}

	/** Changes a team type's field settings; empty when there is no such team type. */
	public Mono<String> change(String code, int checkInMinutes, boolean voluntary) {
		return this.db
			.sql("UPDATE team_type SET check_in_minutes = :minutes, voluntary = :voluntary WHERE code = :code "
					+ "RETURNING " + DOCUMENT + "::text AS document")
			.bind("code", code)
			.bind("minutes", checkInMinutes)
			.bind("voluntary", voluntary)
			.map((row) -> row.get("document", String.class))
			.one();
	}

}
