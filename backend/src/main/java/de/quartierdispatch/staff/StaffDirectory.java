package de.quartierdispatch.staff;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import de.quartierdispatch.security.Role;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Reads staff accounts for administrators.
 */
@Repository
class StaffDirectory {

	private static final String MEMBERS = """
			SELECT u.id, u.username, u.display_name, u.roles, u.enabled, u.team_id, t.name AS team_name,
			       u.contact_point_id,
			       coalesce((SELECT array_agg(q.code ORDER BY q.code) FROM quarter q WHERE q.id = ANY (u.quarter_scope)),
			                '{}') AS quarter_codes,
			       CASE WHEN u.locked_until > :now THEN u.locked_until END AS locked_until,
			       s.last_seen_at, coalesce(s.open, 0) AS open_sessions, u.external_subject IS NOT NULL AS external
			FROM staff_user u
			LEFT JOIN team t ON t.id = u.team_id
			LEFT JOIN LATERAL (SELECT max(last_seen_at) AS last_seen_at, count(*) AS open
			                   FROM staff_session WHERE user_id = u.id) s ON true
			WHERE u.removed_at IS NULL
			""";

	private final DatabaseClient db;

	private final Clock clock;

	StaffDirectory(DatabaseClient db, Clock clock) {
		this.db = db;
		this.clock = clock;
	}

	Flux<StaffMember> findAll() {
		return this.db.sql(MEMBERS + " ORDER BY u.username").bind("now", now()).map(StaffDirectory::toMember).all();
	}

	Mono<StaffMember> findById(long id) {
		return this.db.sql(MEMBERS + " AND u.id = :id")
			.bind("now", now())
			.bind("id", id)
			.map(StaffDirectory::toMember)
			.one();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	private static StaffMember toMember(Readable row) {
		Set<Role> roles = Arrays.stream(row.get("roles", String[].class))
			.map(Role::valueOf)
			.collect(Collectors.toSet());
		List<String> quarters = List.of(row.get("quarter_codes", String[].class));
		return new StaffMember(row.get("id", Long.class), row.get("username", String.class),
				row.get("display_name", String.class), roles, Boolean.TRUE.equals(row.get("enabled", Boolean.class)),
				row.get("team_id", Long.class), row.get("team_name", String.class),
				row.get("contact_point_id", Long.class), quarters, row.get("locked_until", OffsetDateTime.class),
				row.get("last_seen_at", OffsetDateTime.class), row.get("open_sessions", Long.class),
				Boolean.TRUE.equals(row.get("external", Boolean.class)));
	}

}
