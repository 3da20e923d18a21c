package de.quartierdispatch.incident;

import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * What team leads read about incidents. Documents are assembled in PostgreSQL as JSON:
 * one round trip, no personal data of reporters (contact details have their own audited
 * path), staff named by display name at read time (events and records keep only account
 * ids).
 */
@Repository
class IncidentQueries {

	private static final String DETAIL = """
			SELECT jsonb_build_object(
			    'incident', incident_summary(i.id),
			    'routing', jsonb_build_object('ruleId', i.routing_rule_id, 'ruleVersion', i.routing_rule_version,
			                                  'explanation', i.routing_explanation,
			                                  'parts', i.routing_parts),
			    'closedAt', i.closed_at,
			    'undoableUntil', CASE WHEN i.decided_by = :viewer AND i.closed_at IS NOT NULL AND i.merged_into IS NULL
			                          THEN i.closed_at + :undoSeconds * interval '1 second' END,
			    'outcome', i.outcome,
			    'mergedInto', i.merged_into,
			    'referredTo', i.referred_to,
			    'outcomeReason', i.outcome_reason,
			    'reopenedAt', i.reopened_at,
			    'reopenCount', i.reopen_count,
			    'followsIncident', i.follows_incident,
			    'escalatedAt', i.escalated_at,
			    'reports', (SELECT coalesce(jsonb_agg(jsonb_build_object(
			                    'id', r.id, 'trackingCode', r.tracking_code, 'channel', r.channel, 'source', r.source_name,
			                    'submittedAt', r.submitted_at, 'language', r.language,
			                    'description', CASE WHEN r.redacted_at IS NULL THEN r.description END,
			                    'address', r.address_label, 'flags', to_jsonb(r.flags),
			                    'interpreterNeeded', r.interpreter_needed,
			                    'hasContact', EXISTS (SELECT 1 FROM reporter_contact c WHERE c.report_id = r.id))
			                    ORDER BY r.submitted_at), '[]')
			                FROM report r WHERE r.incident_id = i.id),
			    'assignments', (SELECT coalesce(jsonb_agg(jsonb_build_object(
			                    'id', a.id, 'teamId', a.team_id, 'team', t.name, 'teamType', t.team_type,
			                    'state', a.state, 'note', a.note, 'declineReason', a.decline_reason,
			                    'assignedBy', staff_name(a.assigned_by), 'assignedAt', a.created_at, 'updatedAt', a.updated_at,
			                    'version', a.version) ORDER BY a.id), '[]')
			                FROM assignment a JOIN team t ON t.id = a.team_id WHERE a.incident_id = i.id),
			    'notes', (SELECT coalesce(jsonb_agg(jsonb_build_object(
			                    'id', n.id, 'kind', n.kind, 'author', staff_name(n.author),
			                    'text', CASE WHEN n.redacted_at IS NULL THEN n.text END, 'at', n.created_at)
			                    ORDER BY n.created_at), '[]')
			              FROM incident_note n WHERE n.incident_id = i.id),
			    'timeline', (SELECT coalesce(jsonb_agg(jsonb_build_object(
			                    'seq', e.seq, 'type', e.type, 'at', e.occurred_at,
			                    'actor', CASE WHEN e.actor LIKE 'staff:%' THEN staff_name(e.actor) END,
			                    'actorKind', CASE WHEN e.actor LIKE 'staff:%' THEN 'staff'
			                                      WHEN e.actor IN ('public', 'reporter') THEN 'reporter' ELSE 'system' END,
			                    'actorTeam', (SELECT t.name FROM staff_user s JOIN team t ON t.id = s.team_id
			                                  WHERE e.actor = 'staff:' || s.id),
			                    'details', e.data - 'incident' - 'team',
			                    'team', e.data -> 'team' ->> 'name',
			                    'note', (SELECT CASE WHEN n.redacted_at IS NULL THEN n.text END FROM incident_note n
			                             WHERE n.id = (e.data ->> 'noteId')::bigint AND n.incident_id = i.id))
			                    ORDER BY e.seq), '[]')
			                 FROM board_event e WHERE e.incident_id = i.id)
			)::text AS document, i.quarter_id
			FROM incident i WHERE i.id = :id
			""";

	private static final String PROPOSALS = """
			SELECT jsonb_build_object(
			    'teamId', t.id, 'name', t.name, 'teamType', t.team_type, 'languages', to_jsonb(t.languages),
			    'distanceMeters', CASE WHEN reaches.lead THEN round(ST_Distance(t.last_position::geography,
			                                                                    i.location::geography)) END,
			    'coversQuarter', fit.covers, 'speaksReportersLanguages', fit.speaks,
			    'version', t.version)::text AS proposal
			FROM incident i
			JOIN team t ON t.team_type = ANY (i.team_types)
			-- A lead limited to some quarters learns how far a team is only where the team works
			-- in them (V111): distances from a few incidents would give its position away.
			CROSS JOIN LATERAL (SELECT cardinality(:scope::bigint[]) = 0
			                           OR team_reach(t.id) && ARRAY(SELECT code FROM quarter
			                                                        WHERE id = ANY (:scope::bigint[])) AS lead) AS reaches
			-- Teams that cover the quarter and speak every reporter's language come first
			-- (German is taken for granted), the nearest of them first.
			CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM team_quarter tq
			                                   WHERE tq.team_id = t.id AND tq.quarter_id = i.quarter_id) AS covers,
			                           NOT EXISTS (SELECT 1 FROM report r
			                                       WHERE r.incident_id = i.id AND r.language <> 'de'
			                                         AND NOT r.language = ANY (t.languages)) AS speaks) AS fit
			WHERE i.id = :id AND t.status = 'AVAILABLE'
			  AND NOT EXISTS (SELECT 1 FROM assignment a WHERE a.team_id = t.id AND a.state IN ('ASSIGNED', 'EN_ROUTE', 'ON_SITE'))
			ORDER BY fit.covers DESC, fit.speaks DESC,
			         CASE WHEN reaches.lead THEN ST_Distance(t.last_position::geography, i.location::geography) END
			         NULLS LAST, t.name
			""";

	private final DatabaseClient db;

	private final DecisionProperties decisions;

	IncidentQueries(DatabaseClient db, DecisionProperties decisions) {
		this.db = db;
		this.decisions = decisions;
	}

	/**
	 * The incident's full picture for its panel on the board, with its quarter for scope
	 * checks. Until when the viewer can take back their decision on it, if they can.
	 */
	Mono<Detail> detail(long id, String viewer) {
		return this.db.sql(DETAIL)
			.bind("id", id)
			.bind("viewer", viewer)
			.bind("undoSeconds", this.decisions.undoWindow().toSeconds())
			.map((row) -> new Detail(row.get("document", String.class), row.get("quarter_id", Long.class)))
			.one();
	}

	/**
	 * Available teams of the routed types as JSON documents: those covering the quarter
	 * and speaking the reporters' languages first, nearest first among equals.
	 */
	Flux<String> proposals(long id, List<Long> quarterScope) {
		return this.db.sql(PROPOSALS)
			.bind("id", id)
			.bind("scope", quarterScope.toArray(Long[]::new))
			.map((row) -> row.get("proposal", String.class))
			.all();
	}

	/**
	 * An incident's panel document and the quarter it lies in.
	 *
	 * @param document JSON
	 * @param quarterId the quarter, if any
	 */
	record Detail(String document, @Nullable Long quarterId) {
	}

}
