package de.quartierdispatch.category;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import de.quartierdispatch.system.CopyUntilNotified;
import de.quartierdispatch.system.DatabaseNotifications;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The report categories, kept in memory: they change rarely (administrators, a
 * migration), while every report checks its category and every form lists them (reading
 * them was one of the statements of every submission, see ops/bench/README.md). A change
 * fires a notification (trigger in V103) on which every instance reads them again.
 */
@Repository
public class Categories {

	/** The notification channel of category changes. */
	static final String CHANNEL = "report_categories_changed";

	private static final Duration MAX_AGE = Duration.ofMinutes(1);

	private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {
	};

	private final DatabaseClient db;

	private final JsonMapper json;

	private final CopyUntilNotified<List<Category>> all;

	Categories(DatabaseClient db, JsonMapper json, DatabaseNotifications notifications) {
		this.db = db;
		this.json = json;
		this.all = new CopyUntilNotified<>(notifications, CHANNEL, MAX_AGE, () -> read().collectList());
	}

	/** Every category, retired ones too, in the order the forms list them. */
	public Flux<Category> findAll() {
		return this.all.get().flatMapIterable((categories) -> categories);
	}

	/**
	 * The categories new reports may be filed under, in the order the forms list them.
	 */
	public Flux<Category> findActive() {
		return findAll().filter(Category::active);
	}

	/** Drops this instance's copy (others drop theirs on the change's notification). */
	void invalidate() {
		this.all.invalidate();
	}

	/** Whether a report may be filed under {@code code}. */
	public Mono<Boolean> isActive(String code) {
		return this.all.get()
			.map((categories) -> categories.stream().anyMatch((c) -> c.active() && c.code().equals(code)));
	}

	private Flux<Category> read() {
		return this.db
			.sql("SELECT code, icon, labels::text AS labels, active FROM report_category ORDER BY sort_order, code")
			.map((row) -> new Category(row.get("code", String.class), row.get("icon", String.class),
					this.json.readValue(row.get("labels", String.class), LABELS),
					Boolean.TRUE.equals(row.get("active", Boolean.class))))
			.all();
	}

}
