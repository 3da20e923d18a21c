package de.quartierdispatch.category;

import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The active report categories.
 */
@Repository
public class Categories {

	private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {
	};

	private final DatabaseClient db;

	private final JsonMapper json;

	Categories(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	public Flux<Category> findActive() {
		return this.db.sql(
				"SELECT code, icon, labels::text AS labels FROM report_category WHERE active ORDER BY sort_order, code")
			.map((row) -> new Category(row.get("code", String.class), row.get("icon", String.class),
					this.json.readValue(row.get("labels", String.class), LABELS)))
			.all();
	}

	public Mono<Boolean> isActive(String code) {
		return this.db.sql("SELECT EXISTS (SELECT 1 FROM report_category WHERE code = :code AND active) AS active")
			.bind("code", code)
			.map((row) -> row.get("active", Boolean.class))
			.one();
	}

}
