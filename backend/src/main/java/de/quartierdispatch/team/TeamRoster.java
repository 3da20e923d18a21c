package de.quartierdispatch.team;

import java.util.List;

import de.quartierdispatch.system.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The teams as administrators keep them: name, team type, the languages its members speak
 * and the quarters it covers (proposals and the handover's gaps look at both). Status and
 * position belong to the field ({@link Teams}).
 */
@Repository
public class TeamRoster {

	private static final String DOCUMENT = """
			jsonb_build_object('id', t.id, 'name', t.name, 'teamType', t.team_type, 'languages', to_jsonb(t.languages),
			    'quarters', coalesce((SELECT jsonb_agg(q.code ORDER BY q.code)
			                          FROM team_quarter tq JOIN quarter q ON q.id = tq.quarter_id
			                          WHERE tq.team_id = t.id), '[]'),
			    'status', t.status, 'active', t.active, 'assigned', team_assigned(t.id))""";

	private static final String CREATE = """
			WITH created AS (INSERT INTO team (name, team_type, languages, active)
			                 VALUES (:name, :type, :languages, :active) RETURNING id),
			covered AS (INSERT INTO team_quarter (team_id, quarter_id)
			            SELECT created.id, q.id FROM created, quarter q WHERE q.code = ANY (:quarters))
			SELECT id FROM created
			""";

	/**
	 * Data-modifying clauses see the same snapshot, so the coverage is replaced by
	 * deleting what is no longer named and adding what is new.
	 */
	private static final String CHANGE = """
			WITH changed AS (UPDATE team SET name = :name, team_type = :type, languages = :languages, active = :active,
			                                 status = CASE WHEN :active THEN status ELSE 'OFF_DUTY' END,
			                                 last_position = CASE WHEN :active THEN last_position END,
			                                 last_position_at = CASE WHEN :active THEN last_position_at END,
			                                 version = version + 1, updated_at = now()
			                 WHERE id = :id RETURNING id),
			dropped AS (DELETE FROM team_quarter
			            WHERE team_id IN (SELECT id FROM changed)
			              AND quarter_id NOT IN (SELECT id FROM quarter WHERE code = ANY (:quarters))),
			added AS (INSERT INTO team_quarter (team_id, quarter_id)
			          SELECT changed.id, q.id FROM changed, quarter q WHERE q.code = ANY (:quarters)
			          ON CONFLICT DO NOTHING)
			SELECT id FROM changed
			""";

	private final DatabaseClient db;

	private final Teams teams;

	TeamRoster(DatabaseClient db, Teams teams) {
		this.db = db;
		this.teams = teams;
	}

	/** Every team, by team type and name, as a JSON array. */
	public Mono<String> all() {
		return this.db
			.sql("SELECT coalesce(jsonb_agg(" + DOCUMENT + " ORDER BY t.team_type, t.name), '[]')::text AS document "
					+ "FROM team t")
			.map((row) -> row.get("document", String.class))
			.one();
	}

	/** One team as JSON; empty when there is none with this id. */
	public Mono<String> one(long id) {
		return this.db.sql("SELECT " + DOCUMENT + "::text AS document FROM team t WHERE t.id = :id")
			.bind("id", id)
			.map((row) -> row.get("document", String.class))
			.one();
	}

	/** What of a definition names nothing known: its team type, quarter codes. */
	public Mono<Unknown> unknownIn(TeamDefinition team) {
		return this.db.sql("""
				SELECT NOT EXISTS (SELECT 1 FROM team_type WHERE code = :type) AS unknown_type,
				       ARRAY(SELECT c FROM unnest(:quarters::text[]) AS c
				             WHERE NOT EXISTS (SELECT 1 FROM quarter q WHERE q.code = c) ORDER BY c) AS unknown_quarters
				""")
			.bind("type", team.teamType())
			.bind("quarters", team.quarters().toArray(String[]::new))
			.map((row) -> new Unknown(Boolean.TRUE.equals(row.get("unknown_type", Boolean.class)),
					List.of(row.get("unknown_quarters", String[].class))))
			.one();
	}

	/** Whether another team than {@code id} already has this name. */
	public Mono<Boolean> nameTaken(String name, long id) {
		return this.db.sql("SELECT EXISTS (SELECT 1 FROM team WHERE lower(name) = lower(:name) AND id <> :id) AS taken")
			.bind("name", name)
			.bind("id", id)
			.map((row) -> Boolean.TRUE.equals(row.get("taken", Boolean.class)))
			.one();
	}

	/** Adds a team, off duty; returns its id. */
	public Mono<Long> create(TeamDefinition team) {
		return bound(this.db.sql(CREATE), team).map((row) -> row.get("id", Long.class)).one();
	}

	/**
	 * Changes a team's definition; empty when there is no such team. The team is locked
	 * first: the statement's clauses share one snapshot, so a second change waiting on
	 * the row would otherwise not see the quarters the first one added, and keep them;
	 * and a lead assigning it meanwhile waits, so a team is not retired with a job that
	 * was given to it in between. Retired, the team goes off duty and its last position
	 * is erased, as at the end of a shift.
	 */
	public Mono<Long> change(long id, TeamDefinition team) {
		return this.teams.lockAvailability(id)
			.flatMap((locked) -> (!team.active() && locked.busy()) ? Mono.error(new TeamStillWorkingException())
					: bound(this.db.sql(CHANGE).bind("id", id), team).map((row) -> row.get("id", Long.class)).one());
	}

	private static DatabaseClient.GenericExecuteSpec bound(DatabaseClient.GenericExecuteSpec spec,
			TeamDefinition team) {
		return spec.bind("name", team.name())
			.bind("type", team.teamType())
			.bind("languages", team.languages().toArray(String[]::new))
			.bind("active", team.active())
			.bind("quarters", team.quarters().toArray(String[]::new));
	}

	/**
	 * A team as administrators define it.
	 *
	 * @param name its name, unique
	 * @param teamType the code of its team type
	 * @param languages the languages its members speak (codes)
	 * @param quarters the codes of the quarters it covers
	 * @param active whether it works (false: retired, kept for the record)
	 */
	public record TeamDefinition(String name, String teamType, List<String> languages, List<String> quarters,
			boolean active) {
	}

	/** A team is retired once its assignments are done or handed to another team. */
	public static class TeamStillWorkingException extends ProblemException {

		TeamStillWorkingException() {
			super(HttpStatus.CONFLICT, "team-still-working");
		}

	}

	/**
	 * What a definition names that does not exist.
	 *
	 * @param teamType whether its team type is unknown
	 * @param quarters the quarter codes that are unknown
	 */
	public record Unknown(boolean teamType, List<String> quarters) {
	}

}
