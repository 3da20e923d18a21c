package de.quartierdispatch.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import de.quartierdispatch.routing.RuleProblems.DefaultRuleRequiredException;
import de.quartierdispatch.routing.RuleProblems.RuleChangedException;
import de.quartierdispatch.routing.RuleProblems.RuleNotFoundException;
import de.quartierdispatch.system.InvalidFieldsException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editing the routing rules. Every change is checked against the whole rule book
 * (references exist, team types given, no rule made unreachable by an earlier one, the
 * default rule stays last and cannot be deleted), versioned, and recorded with who, when,
 * before and after. Edits are serialised by a table lock, so two administrators cannot
 * together produce a rule book that neither alone would have been allowed to.
 */
@Service
class RoutingRuleAdmin {

	private final RoutingRules rules;

	private final RuleWrites writes;

	private final RuleChecks checks;

	private final RuleMapper mapper;

	RoutingRuleAdmin(RoutingRules rules, RuleWrites writes, RuleChecks checks, RuleMapper mapper) {
		this.rules = rules;
		this.writes = writes;
		this.checks = checks;
		this.mapper = mapper;
	}

	@Transactional
	Mono<RoutingRule> create(RuleRequest request, String actor) {
		return this.writes.lockedRules().flatMap((current) -> {
			List<RoutingRule> ordered = new ArrayList<>(current);
			RoutingRule draft = this.mapper.toRule(request, 0, 0, false, 1);
			ordered.add(placeOfNew(ordered, draft, request.position()), draft);
			return this.checks.check(draft, ordered)
				.then(this.writes.insert(draft, actor, ordered))
				.flatMap((id) -> this.writes.renumber(ordered, id).then(this.rules.findById(id)))
				.flatMap((created) -> this.writes.recordChange(created.id(), created.version(), "CREATED", actor, null)
					.thenReturn(created));
		});
	}

	@Transactional
	Mono<RoutingRule> update(long id, RuleRequest request, String actor) {
		return this.writes.lockedRules().flatMap((current) -> {
			RoutingRule existing = find(current, id);
			if (request.version() == null || request.version() != existing.version()) {
				return Mono.error(new RuleChangedException(existing.version()));
			}
			RoutingRule changed = this.mapper.toRule(request, id, existing.position(), existing.isDefault(),
					existing.version() + 1);
			if (existing.isDefault() && !changed.matchesEverything()) {
				return Mono.error(new InvalidFieldsException("category", "rule.default-has-conditions"));
			}
			List<RoutingRule> ordered = new ArrayList<>(current);
			ordered.remove(existing);
			int index = existing.isDefault() ? ordered.size() : (request.position() != null)
					? insertionIndex(ordered, request.position()) : current.indexOf(existing);
			ordered.add(index, changed);
			return this.checks.check(changed, ordered)
				.then(this.writes.snapshot(id))
				.flatMap((before) -> this.writes.write(changed, actor)
					.then(this.writes.renumber(ordered, id))
					.then(this.rules.findById(id))
					.flatMap((updated) -> this.writes.recordChange(id, updated.version(), "UPDATED", actor, before)
						.thenReturn(updated)));
		});
	}

	@Transactional
	Mono<Void> delete(long id, int version, String actor) {
		return this.writes.lockedRules().flatMap((current) -> {
			RoutingRule existing = find(current, id);
			if (existing.isDefault()) {
				return Mono.error(new DefaultRuleRequiredException());
			}
			if (version != existing.version()) {
				return Mono.error(new RuleChangedException(existing.version()));
			}
			return this.writes.snapshot(id)
				.flatMap((before) -> this.writes.deleteRule(id)
					.then(this.writes.recordChange(id, existing.version(), "DELETED", actor, before)));
		});
	}

	/** Puts the rules in the given order; the default rule stays last. */
	@Transactional
	Mono<List<RoutingRule>> reorder(List<Long> ids, String actor) {
		return this.writes.lockedRules().flatMap((current) -> {
			List<RoutingRule> movable = current.stream().filter((rule) -> !rule.isDefault()).toList();
			if (ids.size() != movable.size()
					|| !Set.copyOf(ids).equals(Set.copyOf(movable.stream().map(RoutingRule::id).toList()))) {
				return Mono.error(new InvalidFieldsException("ids", "rule.order-incomplete"));
			}
			List<RoutingRule> ordered = new ArrayList<>(ids.stream().map((id) -> find(current, id)).toList());
			ordered.add(current.stream().filter(RoutingRule::isDefault).findFirst().orElseThrow());
			return RuleChecks.checkOrder(ordered)
				.then(Flux.fromIterable(ordered)
					.filter((rule) -> !rule.isDefault())
					.concatMap((rule) -> this.writes.snapshot(rule.id())
						.flatMap((before) -> this.writes.move(rule.id(), ordered.indexOf(rule) + 1, actor)
							.then(this.writes.recordChange(rule.id(), rule.version() + 1, "UPDATED", actor, before))))
					.then(this.rules.findAll().collectList()));
		});
	}

	/**
	 * Where a new rule goes: where asked; without a position last, unless an earlier rule
	 * would hide it (a night rule for litter in two quarters after the rule for all
	 * litter), then just before the first that would. No rule after that point can be
	 * hidden by it that the hiding rule did not hide already.
	 */
	private static int placeOfNew(List<RoutingRule> ordered, RoutingRule draft, @Nullable Integer position) {
		int index = insertionIndex(ordered, position);
		if (position != null) {
			return index;
		}
		List<RoutingRule> earlier = ordered.subList(0, index);
		return RuleShadowing.coveredBy(draft, earlier).map(earlier::indexOf).orElse(index);
	}

	/**
	 * Where a rule asked for at this position goes: before the first other rule with that
	 * position or a higher one, in the positions the rules are read with (a rule sent
	 * back as it was read stays where it was; 1 puts it first); last before the default
	 * rule when absent or higher than all.
	 */
	private static int insertionIndex(List<RoutingRule> ordered, @Nullable Integer position) {
		int defaultIndex = (int) ordered.stream().filter((rule) -> !rule.isDefault()).count();
		if (position == null) {
			return defaultIndex;
		}
		for (int index = 0; index < defaultIndex; index++) {
			if (ordered.get(index).position() >= position) {
				return index;
			}
		}
		return defaultIndex;
	}

	Flux<RuleChange> changes(int limit) {
		return this.writes.changes(limit);
	}

	private static RoutingRule find(List<RoutingRule> rules, long id) {
		return rules.stream().filter((rule) -> rule.id() == id).findFirst().orElseThrow(RuleNotFoundException::new);
	}

}
