package de.quartierdispatch.routing;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.quartierdispatch.system.SqlParameters;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;

/**
 * The SQL of editing routing rules: the table lock, inserts, updates, positions and the
 * change history.
 */
@Repository
class RuleWrites {

	static final int POSITION_STEP = 10;

	private final DatabaseClient db;

	private final RoutingRules rules;

	private final RuleBookCache ruleBooks;

	RuleWrites(DatabaseClient db, RoutingRules rules, RuleBookCache ruleBooks) {
		this.db = db;
		this.rules = rules;
		this.ruleBooks = ruleBooks;
	}

	Flux<RuleChange> changes(int limit) {
		return this.db.sql("""
				SELECT revision, rule_id, rule_version, action, changed_by, changed_at, before::text, after::text
				FROM routing_rule_change ORDER BY revision DESC LIMIT :limit
				""").bind("limit", limit).map(RuleWrites::toChange).all();
	}

	/**
	 * The rules, locked against other changes until the transaction ends; once it is
	 * committed, this instance's cached rule book is dropped (other instances drop theirs
	 * on the notification the change fires).
	 */
	Mono<List<RoutingRule>> lockedRules() {
		return TransactionSynchronizationManager.forCurrentTransaction()
			.doOnNext((transaction) -> transaction.registerSynchronization(new TransactionSynchronization() {

				@Override
				public Mono<Void> afterCommit() {
					return Mono.fromRunnable(RuleWrites.this.ruleBooks::invalidate);
				}

			}))
			.then(this.db.sql("LOCK TABLE routing_rule IN SHARE ROW EXCLUSIVE MODE").then())
			.then(this.rules.findAll().collectList());
	}

	Mono<Void> deleteRule(long id) {
		return this.db.sql("DELETE FROM routing_rule WHERE id = :id").bind("id", id).then();
	}

	/** Moves a rule to the given place (1 is first), as a new version of it. */
	Mono<Void> move(long id, int place, String actor) {
		return this.db.sql("""
				UPDATE routing_rule SET position = :position, version = version + 1, updated_by = :actor,
				       updated_at = now() WHERE id = :id
				""").bind("position", place * POSITION_STEP).bind("actor", actor).bind("id", id).then();
	}

	Mono<Long> insert(RoutingRule rule, String actor, List<RoutingRule> ordered) {
		return this.db.sql("""
				INSERT INTO routing_rule (position, name, category_code, quarter_codes, weekdays, time_from, time_to,
				                          required_flags, team_types, priority, target_minutes, escalate_to_priority,
				                          escalate_add_team_type, updated_by)
				VALUES (:position, :name, :category, :quarters, :weekdays, :from, :to, :flags, :teamTypes, :priority,
				        :target, :escalateTo, :escalateAdd, :actor)
				RETURNING id
				""")
			.bind("position", (ordered.indexOf(rule) + 1) * POSITION_STEP)
			.bindValues(columns(rule))
			.bind("actor", actor)
			.map((row) -> row.get("id", Long.class))
			.one();
	}

	Mono<Void> write(RoutingRule rule, String actor) {
		return this.db.sql("""
				UPDATE routing_rule SET name = :name, category_code = :category, quarter_codes = :quarters,
				       weekdays = :weekdays, time_from = :from, time_to = :to, required_flags = :flags,
				       team_types = :teamTypes, priority = :priority, target_minutes = :target,
				       escalate_to_priority = :escalateTo, escalate_add_team_type = :escalateAdd,
				       version = version + 1, updated_by = :actor, updated_at = now()
				WHERE id = :id
				""").bindValues(columns(rule)).bind("actor", actor).bind("id", rule.id()).then();
	}

	private static Map<String, Object> columns(RoutingRule rule) {
		Map<String, Object> columns = new HashMap<>();
		columns.put("name", rule.name());
		columns.put("category", SqlParameters.nullable(rule.category(), String.class));
		columns.put("quarters", rule.quarterCodes().stream().sorted().toArray(String[]::new));
		columns.put("weekdays",
				rule.weekdays()
					.stream()
					.sorted(Comparator.naturalOrder())
					.map((day) -> (short) day.getValue())
					.toArray(Short[]::new));
		columns.put("from", SqlParameters.nullable(rule.timeFrom(), LocalTime.class));
		columns.put("to", SqlParameters.nullable(rule.timeTo(), LocalTime.class));
		columns.put("flags", rule.requiredFlags().stream().map(Enum::name).sorted().toArray(String[]::new));
		columns.put("teamTypes", rule.teamTypes().toArray(String[]::new));
		columns.put("priority", (short) rule.priority());
		columns.put("target", rule.targetMinutes());
		columns.put("escalateTo", SqlParameters.nullable(
				(rule.escalateToPriority() != null) ? rule.escalateToPriority().shortValue() : null, Short.class));
		columns.put("escalateAdd", SqlParameters.nullable(rule.escalateAddTeamType(), String.class));
		return columns;
	}

	/** Renumbers positions in steps of ten, the default rule staying last. */
	Mono<Void> renumber(List<RoutingRule> ordered, long changedId) {
		return Flux.fromIterable(ordered)
			.filter((rule) -> !rule.isDefault())
			.concatMap((rule) -> this.db
				.sql("UPDATE routing_rule SET position = :position WHERE id = :id AND position <> :position")
				.bind("position", (ordered.indexOf(rule) + 1) * POSITION_STEP)
				.bind("id", (rule.id() == 0) ? changedId : rule.id())
				.then())
			.then();
	}

	Mono<String> snapshot(long id) {
		return this.db.sql("SELECT to_jsonb(r)::text AS rule FROM routing_rule r WHERE id = :id")
			.bind("id", id)
			.map((row) -> row.get("rule", String.class))
			.one();
	}

	Mono<Void> recordChange(long id, int version, String action, String actor, String before) {
		return this.db.sql("""
				INSERT INTO routing_rule_change (rule_id, rule_version, action, changed_by, before, after)
				VALUES (:id, :version, :action, :actor, :before::jsonb,
				        (SELECT to_jsonb(r) FROM routing_rule r WHERE r.id = :id))
				""")
			.bind("id", id)
			.bind("version", version)
			.bind("action", action)
			.bind("actor", actor)
			.bind("before", SqlParameters.nullable(before, String.class))
			.then();
	}

	private static RuleChange toChange(Readable row) {
		return new RuleChange(row.get("revision", Long.class), row.get("rule_id", Long.class),
				row.get("rule_version", Integer.class), row.get("action", String.class),
				row.get("changed_by", String.class), row.get("changed_at", OffsetDateTime.class),
				row.get("before", String.class), row.get("after", String.class));
	}

}
