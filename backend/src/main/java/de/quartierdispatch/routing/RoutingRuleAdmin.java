package de.quartierdispatch.routing;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import de.quartierdispatch.system.InvalidFieldsException;
import de.quartierdispatch.system.InvalidFieldsException.InvalidField;
import de.quartierdispatch.system.ProblemException;
import de.quartierdispatch.system.SqlParameters;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;

/**
 * Editing the routing rules. Every change is checked against the whole rule book
 * (references exist, team types given, no rule made unreachable by an earlier one, the
 * default rule stays last and cannot be deleted), versioned, and recorded with who, when,
 * before and after. Edits are serialised by a table lock, so two administrators cannot
 * together produce a rule book that neither alone would have been allowed to.
 */
@Service
class RoutingRuleAdmin {

	private static final int POSITION_STEP = 10;

	private static final String REFERENCES = """
			SELECT (SELECT coalesce(array_agg(code), '{}') FROM report_category WHERE code = ANY(:categories)) AS categories,
			       (SELECT coalesce(array_agg(code), '{}') FROM quarter WHERE code = ANY(:quarters)) AS quarters,
			       (SELECT coalesce(array_agg(code), '{}') FROM team_type WHERE code = ANY(:teamTypes)) AS team_types
			""";

	private final DatabaseClient db;

	private final RoutingRules rules;

	private final RuleBookCache ruleBooks;

	RoutingRuleAdmin(DatabaseClient db, RoutingRules rules, RuleBookCache ruleBooks) {
		this.db = db;
		this.rules = rules;
		this.ruleBooks = ruleBooks;
	}

	@Transactional
	Mono<RoutingRule> create(RuleRequest request, String actor) {
		return lockedRules().flatMap((current) -> {
			List<RoutingRule> ordered = new ArrayList<>(current);
			RoutingRule draft = request.toRule(0, 0, false, 1);
			ordered.add(insertionIndex(ordered, request.position()), draft);
			return check(draft, ordered).then(insert(draft, actor, ordered))
				.flatMap((id) -> renumber(ordered, id).then(this.rules.findById(id)))
				.flatMap((created) -> recordChange(created.id(), created.version(), "CREATED", actor, null)
					.thenReturn(created));
		});
	}

	@Transactional
	Mono<RoutingRule> update(long id, RuleRequest request, String actor) {
		return lockedRules().flatMap((current) -> {
			RoutingRule existing = find(current, id);
			if (request.version() == null || request.version() != existing.version()) {
				return Mono.error(new RuleChangedException(existing.version()));
			}
			RoutingRule changed = request.toRule(id, existing.position(), existing.isDefault(), existing.version() + 1);
			if (existing.isDefault() && !changed.matchesEverything()) {
				return Mono.error(new InvalidFieldsException("category", "rule.default-has-conditions"));
			}
			List<RoutingRule> ordered = new ArrayList<>(current);
			ordered.remove(existing);
			int index = existing.isDefault() ? ordered.size() : (request.position() != null)
					? insertionIndex(ordered, request.position()) : current.indexOf(existing);
			ordered.add(index, changed);
			return check(changed, ordered).then(snapshot(id))
				.flatMap((before) -> write(changed, actor).then(renumber(ordered, id))
					.then(this.rules.findById(id))
					.flatMap((updated) -> recordChange(id, updated.version(), "UPDATED", actor, before)
						.thenReturn(updated)));
		});
	}

	@Transactional
	Mono<Void> delete(long id, int version, String actor) {
		return lockedRules().flatMap((current) -> {
			RoutingRule existing = find(current, id);
			if (existing.isDefault()) {
				return Mono.error(new DefaultRuleRequiredException());
			}
			if (version != existing.version()) {
				return Mono.error(new RuleChangedException(existing.version()));
			}
			return snapshot(id).flatMap((before) -> this.db.sql("DELETE FROM routing_rule WHERE id = :id")
				.bind("id", id)
				.then()
				.then(recordChange(id, existing.version(), "DELETED", actor, before)));
		});
	}

	/** Puts the rules in the given order; the default rule stays last. */
	@Transactional
	Mono<List<RoutingRule>> reorder(List<Long> ids, String actor) {
		return lockedRules().flatMap((current) -> {
			List<RoutingRule> movable = current.stream().filter((rule) -> !rule.isDefault()).toList();
			if (ids.size() != movable.size()
					|| !Set.copyOf(ids).equals(Set.copyOf(movable.stream().map(RoutingRule::id).toList()))) {
				return Mono.error(new InvalidFieldsException("ids", "rule.order-incomplete"));
			}
			List<RoutingRule> ordered = new ArrayList<>(ids.stream().map((id) -> find(current, id)).toList());
			ordered.add(current.stream().filter(RoutingRule::isDefault).findFirst().orElseThrow());
			return checkOrder(ordered).then(Flux.fromIterable(ordered)
				.filter((rule) -> !rule.isDefault())
				.concatMap((rule) -> snapshot(rule.id()).flatMap((before) -> this.db.sql("""
						UPDATE routing_rule SET position = :position, version = version + 1, updated_by = :actor,
						       updated_at = now() WHERE id = :id
						""")
					.bind("position", (ordered.indexOf(rule) + 1) * POSITION_STEP)
					.bind("actor", actor)
					.bind("id", rule.id())
					.then()
					.then(recordChange(rule.id(), rule.version() + 1, "UPDATED", actor, before))))
				.then(this.rules.findAll().collectList()));
		});
	}

	Flux<RuleChange> changes(int limit) {
		return this.db.sql("""
				SELECT revision, rule_id, rule_version, action, changed_by, changed_at, before::text, after::text
				FROM routing_rule_change ORDER BY revision DESC LIMIT :limit
				""").bind("limit", limit).map(RoutingRuleAdmin::toChange).all();
	}

	/**
	 * The rules, locked against other changes until the transaction ends; once it is
	 * committed, this instance's cached rule book is dropped (other instances drop theirs
	 * on the notification the change fires).
	 */
	private Mono<List<RoutingRule>> lockedRules() {
		return TransactionSynchronizationManager.forCurrentTransaction()
			.doOnNext((transaction) -> transaction.registerSynchronization(new TransactionSynchronization() {

				@Override
				public Mono<Void> afterCommit() {
					return Mono.fromRunnable(RoutingRuleAdmin.this.ruleBooks::invalidate);
				}

			}))
			.then(this.db.sql("LOCK TABLE routing_rule IN SHARE ROW EXCLUSIVE MODE").then())
			.then(this.rules.findAll().collectList());
	}

	private Mono<Void> check(RoutingRule rule, List<RoutingRule> ordered) {
		List<InvalidField> invalid = new ArrayList<>();
		if (rule.teamTypes().isEmpty()) {
			invalid.add(new InvalidField("teamTypes", "rule.team-types-empty"));
		}
		if ((rule.timeFrom() == null) != (rule.timeTo() == null)) {
			invalid.add(new InvalidField("timeTo", "rule.window-incomplete"));
		}
		else if (rule.timeFrom() != null && rule.timeFrom().equals(rule.timeTo())) {
			invalid.add(new InvalidField("timeTo", "rule.window-empty"));
		}
		if (rule.escalateToPriority() != null && rule.escalateToPriority() >= rule.priority()) {
			invalid.add(new InvalidField("escalateToPriority", "rule.escalation-not-higher", rule.priority()));
		}
		if (!rule.isDefault() && rule.matchesEverything()) {
			invalid.add(new InvalidField("category", "rule.matches-everything"));
		}
		return checkReferences(rule, invalid).then(Mono.defer(() -> {
			if (!invalid.isEmpty()) {
				return Mono.error(new InvalidFieldsException(invalid));
			}
			return checkOrder(ordered);
		}));
	}

	private Mono<Void> checkReferences(RoutingRule rule, List<InvalidField> invalid) {
		List<String> teamTypes = new ArrayList<>(rule.teamTypes());
		if (rule.escalateAddTeamType() != null) {
			teamTypes.add(rule.escalateAddTeamType());
		}
		return this.db.sql(REFERENCES)
			.bind("categories", (rule.category() != null) ? new String[] { rule.category() } : new String[0])
			.bind("quarters", rule.quarterCodes().toArray(String[]::new))
			.bind("teamTypes", teamTypes.toArray(String[]::new))
			.map((row) -> {
				Set<String> categories = Set.of(row.get("categories", String[].class));
				Set<String> quarters = Set.of(row.get("quarters", String[].class));
				Set<String> types = Set.of(row.get("team_types", String[].class));
				if (rule.category() != null && !categories.contains(rule.category())) {
					invalid.add(new InvalidField("category", "rule.unknown-category", rule.category()));
				}
				unknown(rule.quarterCodes(), quarters)
					.ifPresent((code) -> invalid.add(new InvalidField("quarterCodes", "rule.unknown-quarter", code)));
				unknown(rule.teamTypes(), types)
					.ifPresent((code) -> invalid.add(new InvalidField("teamTypes", "rule.unknown-team-type", code)));
				if (rule.escalateAddTeamType() != null && !types.contains(rule.escalateAddTeamType())) {
					invalid.add(new InvalidField("escalateAddTeamType", "rule.unknown-team-type",
							rule.escalateAddTeamType()));
				}
				return invalid;
			})
			.one()
			.then();
	}

	private static Optional<String> unknown(Collection<String> given, Set<String> known) {
		return given.stream().filter((code) -> !known.contains(code)).sorted().findFirst();
	}

	/**
	 * Every rule must stay reachable: refuse an order in which an earlier rule covers a
	 * later one.
	 */
	private static Mono<Void> checkOrder(List<RoutingRule> ordered) {
		for (int i = 0; i < ordered.size(); i++) {
			RoutingRule rule = ordered.get(i);
			Optional<RoutingRule> cover = RuleShadowing.coveredBy(rule, ordered.subList(0, i));
			if (cover.isPresent()) {
				return Mono
					.error(new InvalidFieldsException("position", "rule.unreachable", rule.name(), cover.get().name()));
			}
		}
		return Mono.empty();
	}

	private static int insertionIndex(List<RoutingRule> ordered, Integer position) {
		int defaultIndex = (int) ordered.stream().filter((rule) -> !rule.isDefault()).count();
		if (position == null) {
			return defaultIndex;
		}
		return Math.max(0, Math.min(position - 1, defaultIndex));
	}

	private Mono<Long> insert(RoutingRule rule, String actor, List<RoutingRule> ordered) {
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

	private Mono<Void> write(RoutingRule rule, String actor) {
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
	private Mono<Void> renumber(List<RoutingRule> ordered, long changedId) {
		return Flux.fromIterable(ordered)
			.filter((rule) -> !rule.isDefault())
			.concatMap((rule) -> this.db
				.sql("UPDATE routing_rule SET position = :position WHERE id = :id AND position <> :position")
				.bind("position", (ordered.indexOf(rule) + 1) * POSITION_STEP)
				.bind("id", (rule.id() == 0) ? changedId : rule.id())
				.then())
			.then();
	}

	private Mono<String> snapshot(long id) {
		return this.db.sql("SELECT to_jsonb(r)::text AS rule FROM routing_rule r WHERE id = :id")
			.bind("id", id)
			.map((row) -> row.get("rule", String.class))
			.one();
	}

	private Mono<Void> recordChange(long id, int version, String action, String actor, String before) {
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

	private static RoutingRule find(List<RoutingRule> rules, long id) {
		return rules.stream().filter((rule) -> rule.id() == id).findFirst().orElseThrow(RuleNotFoundException::new);
	}

	private static RuleChange toChange(Readable row) {
		return new RuleChange(row.get("revision", Long.class), row.get("rule_id", Long.class),
				row.get("rule_version", Integer.class), row.get("action", String.class),
				row.get("changed_by", String.class), row.get("changed_at", OffsetDateTime.class),
				row.get("before", String.class), row.get("after", String.class));
	}

	/** No rule with this id. */
	static class RuleNotFoundException extends ProblemException {

		RuleNotFoundException() {
			super(HttpStatus.NOT_FOUND, "rule-not-found");
		}

	}

	/** Someone changed the rule since it was read. */
	static class RuleChangedException extends ProblemException {

		RuleChangedException(int currentVersion) {
			super(HttpStatus.CONFLICT, "rule-changed", currentVersion);
			property("currentVersion", currentVersion);
		}

	}

	/** The default rule catches what no other rule does: it cannot go. */
	static class DefaultRuleRequiredException extends ProblemException {

		DefaultRuleRequiredException() {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "default-rule-required");
		}

	}

}
