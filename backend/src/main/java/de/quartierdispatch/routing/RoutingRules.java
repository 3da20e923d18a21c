package de.quartierdispatch.routing;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The stored routing rules, in order.
 */
@Repository
class RoutingRules {

	static final String COLUMNS = """
			id, position, name, category_code, quarter_codes, weekdays, time_from, time_to, required_flags,
			team_types, priority, target_minutes, escalate_to_priority, escalate_add_team_type, is_default, version
			""";

	private final DatabaseClient db;

	RoutingRules(DatabaseClient db) {
		this.db = db;
	}

	Flux<RoutingRule> findAll() {
		return this.db.sql("SELECT " + COLUMNS + " FROM routing_rule ORDER BY position, id")
			.map(RoutingRules::toRule)
			.all();
	}

	Mono<RoutingRule> findById(long id) {
		return this.db.sql("SELECT " + COLUMNS + " FROM routing_rule WHERE id = :id")
			.bind("id", id)
			.map(RoutingRules::toRule)
			.one();
	}

	static RoutingRule toRule(Readable row) {
		Set<DayOfWeek> weekdays = Arrays.stream(row.get("weekdays", Short[].class))
			.map((day) -> DayOfWeek.of(day))
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
		Set<ReportFlag> flags = Arrays.stream(row.get("required_flags", String[].class))
			.map(ReportFlag::valueOf)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(ReportFlag.class)));
		Short escalateTo = row.get("escalate_to_priority", Short.class);
		return new RoutingRule(row.get("id", Long.class), row.get("position", Integer.class),
				row.get("name", String.class), row.get("category_code", String.class),
				new LinkedHashSet<>(Arrays.asList(row.get("quarter_codes", String[].class))), weekdays,
				row.get("time_from", LocalTime.class), row.get("time_to", LocalTime.class), flags,
				List.of(row.get("team_types", String[].class)), row.get("priority", Short.class),
				row.get("target_minutes", Integer.class), (escalateTo != null) ? escalateTo.intValue() : null,
				row.get("escalate_add_team_type", String.class),
				Boolean.TRUE.equals(row.get("is_default", Boolean.class)), row.get("version", Integer.class));
	}

}
