package de.quartierdispatch.incident;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import de.quartierdispatch.geo.GeoPoint;
import de.quartierdispatch.incident.IncidentCommands.AssignmentMove;
import de.quartierdispatch.incident.LifecycleProblems.NotYourTeamException;
import de.quartierdispatch.security.StaffPrincipal;
import de.quartierdispatch.system.TextNormalizer;
import de.quartierdispatch.team.TeamStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The field view's API: a team member sees their own team's assignments (and nobody
 * else's), moves them on, and sets the team's status. A position is stored only when the
 * member shares it with a status change.
 */
@RestController
@RequestMapping(path = "/api/field", produces = MediaType.APPLICATION_JSON_VALUE)
class FieldController {

	private static final String ASSIGNMENTS = """
			SELECT jsonb_build_object(
			    'team', team_summary(:team),
			    'assignments', coalesce((SELECT jsonb_agg(jsonb_build_object(
			        'id', a.id, 'state', a.state, 'version', a.version, 'note', a.note, 'assignedAt', a.created_at,
			        'incident', jsonb_build_object(
			            'id', i.id, 'category', i.category_code, 'priority', i.priority, 'state', i.state,
			            'lat', round(ST_Y(i.location)::numeric, 6), 'lon', round(ST_X(i.location)::numeric, 6),
			            'quarter', (SELECT name FROM quarter q WHERE q.id = i.quarter_id),
			            'flags', to_jsonb(i.flags), 'deadline', i.deadline,
			            'reports', (SELECT jsonb_agg(jsonb_build_object(
			                            'description', CASE WHEN r.redacted_at IS NULL THEN r.description END,
			                            'address', r.address_label, 'language', r.language,
			                            'interpreterNeeded', r.interpreter_needed) ORDER BY r.submitted_at)
			                        FROM report r WHERE r.incident_id = i.id)))
			        ORDER BY (a.state IN ('ASSIGNED', 'EN_ROUTE', 'ON_SITE')) DESC, i.priority, a.created_at DESC)
			    FROM assignment a JOIN incident i ON i.id = a.incident_id
			    WHERE a.team_id = :team
			      AND (a.state IN ('ASSIGNED', 'EN_ROUTE', 'ON_SITE') OR a.updated_at > :since)), '[]'::jsonb)
			)::text AS document
			""";

	private final DatabaseClient db;

	private final IncidentCommands commands;

	private final Clock clock;

	FieldController(DatabaseClient db, IncidentCommands commands, Clock clock) {
		this.db = db;
		this.commands = commands;
		this.clock = clock;
	}

	/**
	 * The member's team, its active assignments and those finished in the last 12 hours.
	 */
	@GetMapping("/assignments")
	Mono<String> assignments(@AuthenticationPrincipal StaffPrincipal member) {
		return this.db.sql(ASSIGNMENTS)
			.bind("team", teamOf(member))
			.bind("since", OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC).minusHours(12))
			.map((row) -> row.get("document", String.class))
			.one();
	}

	/**
	 * Where the field view starts following the event stream: now (it loads its list
	 * fresh).
	 */
	@GetMapping("/stream-position")
	Mono<String> streamPosition() {
		return this.db.sql("SELECT jsonb_build_object('seq', last_seq)::text AS position FROM board_event_sequence")
			.map((row) -> row.get("position", String.class))
			.one();
	}

	@PostMapping("/assignments/{id}")
	Mono<String> move(@PathVariable long id, @Valid @RequestBody FieldMove request,
			@AuthenticationPrincipal StaffPrincipal member) {
		teamOf(member);
		AssignmentMove move = new AssignmentMove(request.state(), request.version(),
				TextNormalizer.cleanOrNull(request.note()), TextNormalizer.cleanOrNull(request.reason()),
				request.position());
		return this.commands.moveAssignment(id, move, member).then(assignments(member));
	}

	/** Break, back on duty, off duty. En route and on site follow from assignments. */
	@PostMapping("/team/status")
	Mono<String> teamStatus(@Valid @RequestBody TeamStatusChange request,
			@AuthenticationPrincipal StaffPrincipal member) {
		return this.commands.setTeamStatus(teamOf(member), request.status(), request.position(), member)
			.then(assignments(member));
	}

	private static long teamOf(StaffPrincipal member) {
		if (member.teamId() == null) {
			throw new NotYourTeamException();
		}
		return member.teamId();
	}

	/**
	 * A field member's step, with their position if they choose to share it.
	 */
	record FieldMove(@NotNull AssignmentState state, int version, @Nullable @Size(max = 500) String note,
			@Nullable @Size(max = 500) String reason, @Nullable @Valid GeoPoint position) {
	}

	record TeamStatusChange(@NotNull TeamStatus status, @Nullable @Valid GeoPoint position) {
	}

}
