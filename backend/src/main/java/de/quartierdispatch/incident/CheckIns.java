package de.quartierdispatch.incident;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Check-in timers of teams on site (lone-worker safety): one per team at most, its length
 * set by the team's type, ended with the assignment. An alarm is raised on a timer once:
 * the update that raises it claims it, on whichever instance runs first.
 */
@Repository
class CheckIns {

	private static final String ALARMED = """
			RETURNING c.team_id, c.assignment_id, c.alarm_reason,
			          (SELECT a.incident_id FROM assignment a WHERE a.id = c.assignment_id) AS incident_id
			""";

	/**
	 * Starts the timer again from now, as long as the team's type says; more SET follows.
	 */
	private static final String RESTART = """
			UPDATE check_in c
			SET due_at = :now + make_interval(mins => (SELECT tt.check_in_minutes FROM team t
			                                           JOIN team_type tt ON tt.code = t.team_type
			                                           WHERE t.id = c.team_id)),
			""";

	private final DatabaseClient db;

	CheckIns(DatabaseClient db) {
		this.db = db;
	}

	/** Starts (or restarts) the team's timer for an assignment on site. */
	Mono<Void> start(long teamId, long assignmentId, OffsetDateTime now) {
		return this.db.sql("""
				INSERT INTO check_in (team_id, assignment_id, due_at)
				SELECT t.id, :assignment, :now + make_interval(mins => tt.check_in_minutes)
				FROM team t JOIN team_type tt ON tt.code = t.team_type WHERE t.id = :team
				ON CONFLICT (team_id) DO UPDATE
				SET assignment_id = excluded.assignment_id, due_at = excluded.due_at, alarm_at = NULL,
				    alarm_reason = NULL
				""").bind("team", teamId).bind("assignment", assignmentId).bind("now", now).then();
	}

	/** Ends the timer that belongs to this assignment, if there is one. */
	Mono<Long> end(long assignmentId) {
		return this.db.sql("DELETE FROM check_in WHERE assignment_id = :assignment")
			.bind("assignment", assignmentId)
			.fetch()
			.rowsUpdated();
	}

	/**
	 * "Still fine": the timer starts again from now, and an alarm for a timer that ran
	 * out ends. A call for help stays raised until a lead ends it: whoever taps "still
	 * fine" after calling for help may not be fine at all. Empty when the team has no
	 * timer running.
	 */
	Mono<Alarm> extend(long teamId, OffsetDateTime now) {
		return this.db.sql(RESTART + """
				    alarm_at = CASE WHEN c.alarm_reason = 'HELP' THEN c.alarm_at END,
				    alarm_reason = CASE WHEN c.alarm_reason = 'HELP' THEN 'HELP' END
				WHERE c.team_id = :team
				""" + ALARMED).bind("team", teamId).bind("now", now).map(CheckIns::alarm).one();
	}

	/**
	 * The quarter of the incident on which the team's alarm is raised, to check the
	 * lead's scope before ending it: none when the team has no alarm, empty when there is
	 * no such team (an unknown quarter is {@code -1}: outside every scope but the
	 * city's).
	 */
	Mono<Optional<Long>> alarmQuarter(long teamId) {
		return this.db.sql("""
				SELECT (SELECT coalesce(i.quarter_id, -1) FROM check_in c
				        JOIN assignment a ON a.id = c.assignment_id JOIN incident i ON i.id = a.incident_id
				        WHERE c.team_id = t.id AND c.alarm_at IS NOT NULL) AS quarter_id
				FROM team t WHERE t.id = :team
				""").bind("team", teamId).map((row) -> Optional.ofNullable(row.get("quarter_id", Long.class))).one();
	}

	/**
	 * A lead ends the team's alarm (the team was reached): the timer starts again from
	 * now. The alarm returned carries the reason it had. Empty when there is no alarm
	 * (any more).
	 */
	Mono<Alarm> endAlarm(long teamId, OffsetDateTime now) {
		return this.db.sql(RESTART + """
				    alarm_at = NULL, alarm_reason = NULL
				FROM check_in raised
				WHERE c.team_id = :team AND raised.team_id = c.team_id AND raised.alarm_at IS NOT NULL
				RETURNING c.team_id, c.assignment_id, raised.alarm_reason,
				          (SELECT a.incident_id FROM assignment a WHERE a.id = c.assignment_id) AS incident_id
				""").bind("team", teamId).bind("now", now).map(CheckIns::alarm).one();
	}

	/** "Need help": an alarm now (again, if one is raised already). */
	Mono<Alarm> help(long teamId, OffsetDateTime now) {
		return this.db.sql("""
				UPDATE check_in c SET alarm_at = :now, alarm_reason = 'HELP'
				WHERE c.team_id = :team
				""" + ALARMED).bind("team", teamId).bind("now", now).map(CheckIns::alarm).one();
	}

	/**
	 * Raises the alarm on every timer that ran out, once each; a timer whose assignment
	 * was ended by a lead's decision meanwhile stays silent.
	 */
	Flux<Alarm> raiseOverdue(OffsetDateTime now) {
		return this.db.sql("""
				UPDATE check_in c SET alarm_at = :now, alarm_reason = 'OVERDUE'
				WHERE c.due_at <= :now AND c.alarm_at IS NULL
				  AND EXISTS (SELECT 1 FROM assignment a WHERE a.id = c.assignment_id AND a.state = 'ON_SITE')
				""" + ALARMED).bind("now", now).map(CheckIns::alarm).all();
	}

	private static Alarm alarm(io.r2dbc.spi.Readable row) {
		return new Alarm(row.get("team_id", Long.class), row.get("assignment_id", Long.class),
				row.get("incident_id", Long.class), row.get("alarm_reason", String.class));
	}

	/**
	 * A team's timer as changed.
	 *
	 * @param teamId the team
	 * @param assignmentId the assignment on site
	 * @param incidentId its incident
	 * @param reason {@code OVERDUE} or {@code HELP} while an alarm is raised, else null
	 */
	record Alarm(long teamId, long assignmentId, long incidentId, @Nullable String reason) {
	}

}
