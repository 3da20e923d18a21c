package de.quartierdispatch.routing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import de.quartierdispatch.system.DatabaseNotifications;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * The rule book as the intake reads it for every report, kept in memory: rules change a
 * few times a year, reports arrive many times a minute (reading and mapping the rules was
 * one of the statements of every submission, see ops/bench/README.md).
 *
 * <p>
 * A change of the rules, by the admin API or by SQL, fires a notification (trigger in
 * V11) on which every instance drops its copy; the instance that made the change drops it
 * as soon as the change is committed; and no copy lives longer than a minute, so that a
 * lost notification cannot keep an outdated rule book alive.
 */
@Component
class RuleBookCache {

	/** The notification channel of rule changes. */
	static final String CHANNEL = "routing_rules_changed";

	private static final Duration MAX_AGE = Duration.ofMinutes(1);

	private final RoutingRules rules;

	private final RoutingProperties properties;

	private final AtomicReference<Mono<RuleBook>> current = new AtomicReference<>();

	RuleBookCache(RoutingRules rules, RoutingProperties properties, DatabaseNotifications notifications) {
		this.rules = rules;
		this.properties = properties;
		notifications.onNotification(CHANNEL, (payload) -> invalidate());
		// Changes while the notification connection was down went unnoticed.
		notifications.onConnection((connection) -> invalidate());
	}

	Mono<RuleBook> ruleBook() {
		Mono<RuleBook> cached = this.current.get();
		if (cached != null) {
			return cached;
		}
		// Stored before it loads: a change committed while it loads drops it again.
		Mono<RuleBook> loading = this.rules.findAll()
			.collectList()
			.map((all) -> new RuleBook(all, this.properties.zone()))
			.cache((book) -> MAX_AGE, (error) -> Duration.ZERO, () -> Duration.ZERO);
		return this.current.compareAndSet(null, loading) ? loading : ruleBook();
	}

	/** Drops the copy: the next report reads the rules again. */
	void invalidate() {
		this.current.set(null);
	}

}
