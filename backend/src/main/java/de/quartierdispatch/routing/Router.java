package de.quartierdispatch.routing;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import de.quartierdispatch.routing.RuleBook.Recurrence;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * Routes new reports: finds whether the quarter has become a hotspot for the category,
 * then lets the rule book decide. Nothing is stored here; intake stores the decision with
 * the incident.
 */
@Service
public class Router {

	private static final String RECURRENCE = """
			SELECT count(*) AS reports, (SELECT name FROM quarter WHERE id = :quarter) AS quarter
			FROM report
			WHERE quarter_id = :quarter AND category_code = :category AND submitted_at > :since AND submitted_at <= :until
			""";

	private final RuleBookCache ruleBooks;

	private final DatabaseClient db;

	private final RoutingProperties properties;

	Router(RuleBookCache ruleBooks, DatabaseClient db, RoutingProperties properties) {
		this.ruleBooks = ruleBooks;
		this.db = db;
		this.properties = properties;
	}

	public Mono<RoutingDecision> route(RoutingRequest request) {
		return Mono.zip(this.ruleBooks.ruleBook(), hotspot(request))
			.map((found) -> found.getT1().decide(request, found.getT2().orElse(null)));
	}

	/**
	 * Counts earlier reports of the category in the quarter within the window before the
	 * report (so a dry run for another time sees that time's recurrence); the new one
	 * makes it one more.
	 */
	private Mono<Optional<Recurrence>> hotspot(RoutingRequest request) {
		if (request.quarterId() == null) {
			return Mono.just(Optional.empty());
		}
		OffsetDateTime since = OffsetDateTime.ofInstant(request.receivedAt().minus(this.properties.hotspotWindow()),
				ZoneOffset.UTC);
		return this.db.sql(RECURRENCE)
			.bind("quarter", request.quarterId())
			.bind("category", request.category())
			.bind("since", since)
			.bind("until", OffsetDateTime.ofInstant(request.receivedAt(), ZoneOffset.UTC))
			.map((row) -> new Recurrence(row.get("reports", Long.class) + 1, request.category(),
					row.get("quarter", String.class), this.properties.hotspotWindow().toDays()))
			.one()
			.map((recurrence) -> Optional.of(recurrence)
				.filter((found) -> found.reports() >= this.properties.hotspotReports()));
	}

}
