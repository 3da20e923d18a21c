package de.quartierdispatch.incident;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The field view's list: a team, its active assignments and those finished recently, as
 * one JSON document.
 */
@Repository
class FieldQueries {

	private static final String ASSIGNMENTS = """
			SELECT jsonb_build_object(
			    'team', team_summary(:team),
			    'checkIn', (SELECT jsonb_build_object('assignment', c.assignment_id, 'dueAt', c.due_at,
			                                          'alarm', c.alarm_reason)
			                FROM check_in c WHERE c.team_id = :team),
			    'assignments', coalesce((SELECT jsonb_agg(jsonb_build_object(
			        'id', a.id, 'state', a.state, 'version', a.version, 'note', a.note, 'assignedAt', a.created_at,
			        'offer', (SELECT tt.voluntary FROM team t JOIN team_type tt ON tt.code = t.team_type
			                  WHERE t.id = a.team_id),
			        -- A team that declined or was taken off keeps what it was asked, not the
			        -- case: no place, no reports, nothing added after.
			        'incident', CASE WHEN a.state IN ('DECLINED', 'WITHDRAWN') THEN jsonb_build_object(
			            'id', i.id, 'category', i.category_code, 'priority', i.priority, 'state', i.state,
			            'quarter', (SELECT name FROM quarter q WHERE q.id = i.quarter_id))
			        ELSE jsonb_build_object(
			            'id', i.id, 'category', i.category_code, 'priority', i.priority, 'state', i.state,
			            'lat', round(ST_Y(i.location)::numeric, 6), 'lon', round(ST_X(i.location)::numeric, 6),
			            'quarter', (SELECT name FROM quarter q WHERE q.id = i.quarter_id),
			            'flags', to_jsonb(i.flags), 'deadline', i.deadline,
			            'reportedAt', (SELECT min(r.submitted_at) FROM report r WHERE %1$s),
			            -- An erased report's place is coarsened: no house named after it again.
			            'address', (SELECT coalesce(r.address_label, nearest_address_label(r.location, :radius))
			                        FROM report r WHERE %1$s AND r.redacted_at IS NULL
			                        ORDER BY r.submitted_at LIMIT 1),
			            'reports', (SELECT jsonb_agg(jsonb_build_object(
			                            'id', r.id, 'submittedAt', r.submitted_at,
			                            'hasPhone', EXISTS (SELECT 1 FROM reporter_contact c
			                                                WHERE c.report_id = r.id AND c.phone IS NOT NULL),
			                            'description', CASE WHEN r.redacted_at IS NULL THEN r.description END,
			                            'address', CASE WHEN r.redacted_at IS NULL THEN coalesce(r.address_label,
			                                           nearest_address_label(r.location, :radius)) END,
			                            'language', r.language,
			                            'interpreterNeeded', r.interpreter_needed) ORDER BY r.submitted_at)
			                        FROM report r WHERE %1$s))
			            END)
			        ORDER BY (a.state IN ('ASSIGNED', 'EN_ROUTE', 'ON_SITE')) DESC, i.priority, a.created_at DESC)
			    FROM assignment a JOIN incident i ON i.id = a.incident_id
			    WHERE a.team_id = :team
			      AND (a.state IN ('ASSIGNED', 'EN_ROUTE', 'ON_SITE') OR a.updated_at > :since)), '[]'::jsonb)
			)::text AS document
			"""
		// A finished team's reports as the case had them when it finished (its place and
		// time too): none filed or merged in after, none lost to a merge or follow-up
		// since.
		.formatted("r.id IN (SELECT incident_reports_at(i.id, CASE WHEN a.state = 'DONE' THEN a.updated_at END))");

	/**
	 * How far a map tap may be from the gazetteer address it is named after, in metres.
	 */
	private static final double ADDRESS_RADIUS = 75;

	private final DatabaseClient db;

	FieldQueries(DatabaseClient db) {
		this.db = db;
	}

	Mono<String> assignments(long team, Instant finishedSince) {
		return this.db.sql(ASSIGNMENTS)
			.bind("team", team)
			.bind("since", OffsetDateTime.ofInstant(finishedSince, ZoneOffset.UTC))
			.bind("radius", ADDRESS_RADIUS)
			.map((row) -> row.get("document", String.class))
			.one();
	}

}
