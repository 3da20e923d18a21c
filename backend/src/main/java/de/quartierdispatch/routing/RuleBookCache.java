package de.quartierdispatch.routing;

import java.time.Duration;

import de.quartierdispatch.system.CopyUntilNotified;
import de.quartierdispatch.system.DatabaseNotifications;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * The rule book as the intake reads it for every report, kept in memory: rules change a
 * few times a year, reports arrive many times a minute (reading and mapping the rules was
 * one of the statements of every submission, see ops/bench/README.md). A change of the
 * rules, by the admin API or by SQL, fires a notification (trigger in V11, V103) on which
 * every instance drops its copy; the instance that made the change drops it as soon as
 * the change is committed.
 */
@Component
class RuleBookCache {

	/** The notification channel of rule changes. */
	static final String CHANNEL = "routing_rules_changed";

	private static final Duration MAX_AGE = Duration.ofMinutes(1);

	private final CopyUntilNotified<RuleBook> copy;

	RuleBookCache(RoutingRules rules, RoutingProperties properties, DatabaseNotifications notifications) {
		this.copy = new CopyUntilNotified<>(notifications, CHANNEL, MAX_AGE,
				() -> rules.findAll().collectList().map((all) -> new RuleBook(all, properties.zone())));
	}

	Mono<RuleBook> ruleBook() {
		return this.copy.get();
	}

	/** Drops the copy: the next report reads the rules again. */
	void invalidate() {
		this.copy.invalidate();
	}

}
