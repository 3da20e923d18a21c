package de.quartierdispatch.category;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;

/**
 * Administrators' changes to the categories. Every instance reads them again on the
 * change notification ({@link Categories}).
 */
@Repository
public class CategoryCatalogue {

	/** The icons there are ({@code /img/categories/<name>.svg}). */
	public static final List<String> ICONS = List.of("aggression", "drugs", "help", "litter", "neighbours", "noise",
			"other", "property", "vandalism", "youth");

	/** The languages every category is named in. */
	public static final List<String> LANGUAGES = List.of("de", "en", "ar", "fa", "tr", "uk", "ro", "bg");

	private final DatabaseClient db;

	private final JsonMapper json;

	private final Categories categories;

	CategoryCatalogue(DatabaseClient db, JsonMapper json, Categories categories) {
		this.db = db;
		this.json = json;
		this.categories = categories;
	}

	/**
	 * Once the change is committed, this instance reads the categories again at once: the
	 * notification may come after the administrator's page has asked for them.
	 */
	private Mono<Void> readAgainAfterCommit() {
		return TransactionSynchronizationManager.forCurrentTransaction()
			.doOnNext((transaction) -> transaction.registerSynchronization(new TransactionSynchronization() {

				@Override
				public Mono<Void> afterCommit() {
					return Mono.fromRunnable(CategoryCatalogue.this.categories::invalidate);
				}

			}))
			.onErrorResume(NoTransactionException.class, (none) -> Mono.empty())
			.then();
	}

	/**
	 * Adds a category, listed last but before the catch-all "other" (which residents look
	 * for at the end); empty when the code is taken.
	 */
	public Mono<Category> create(String code, String icon, Map<String, String> labels, boolean active) {
		return readAgainAfterCommit().then(this.db.sql("""
				WITH place AS (SELECT coalesce(max(sort_order) FILTER (WHERE code <> 'OTHER'), 0) + 1 AS at
				               FROM report_category),
				     other_last AS (UPDATE report_category SET sort_order = (SELECT at FROM place) + 1
				                    WHERE code = 'OTHER' AND sort_order <= (SELECT at FROM place))
				INSERT INTO report_category (code, icon, labels, active, sort_order)
				VALUES (:code, :icon, :labels::jsonb, :active, (SELECT at FROM place))
				ON CONFLICT (code) DO NOTHING
				RETURNING code
				""")
			.bind("code", code)
			.bind("icon", icon)
			.bind("labels", this.json.writeValueAsString(labels))
			.bind("active", active)
			.fetch()
			.rowsUpdated()
			.filter((count) -> count > 0)
			.map((count) -> new Category(code, icon, labels, active)));
	}

	/**
	 * Changes a category's icon, labels and whether it takes new reports; empty when
	 * unknown.
	 */
	public Mono<Category> change(String code, String icon, Map<String, String> labels, boolean active) {
		return readAgainAfterCommit().then(this.db.sql(
				"UPDATE report_category SET icon = :icon, labels = :labels::jsonb, active = :active WHERE code = :code")
			.bind("code", code)
			.bind("icon", icon)
			.bind("labels", this.json.writeValueAsString(labels))
			.bind("active", active)
			.fetch()
			.rowsUpdated()
			.filter((count) -> count > 0)
			.map((count) -> new Category(code, icon, labels, active)));
	}

}
