package de.quartierdispatch.incident;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import de.quartierdispatch.board.BoardEventType;
import de.quartierdispatch.board.EventLog;
import de.quartierdispatch.incident.CheckIns.Alarm;
import de.quartierdispatch.incident.LifecycleProblems.NoAlarmException;
import de.quartierdispatch.incident.LifecycleProblems.NoCheckInException;
import de.quartierdispatch.incident.LifecycleProblems.OutsideScopeException;
import de.quartierdispatch.incident.LifecycleProblems.TeamNotFoundException;
import de.quartierdispatch.security.StaffPrincipal;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lone-worker safety: a team on site checks in ("still fine") before its timer runs out;
 * a timer that runs out unanswered, or "need help", raises an alarm on the board, as an
 * event on the stream like any other. Times come from the application's clock.
 */
@Service
class LoneWorkerSafety {

	private static final String SYSTEM = "system";

	private final CheckIns checkIns;

	private final EventLog events;

	private final Clock clock;

	LoneWorkerSafety(CheckIns checkIns, EventLog events, Clock clock) {
		this.checkIns = checkIns;
		this.events = events;
		this.clock = clock;
	}

	/** Raises an alarm for every team whose timer ran out; returns their ids. */
	@Transactional
	Mono<List<Long>> raiseOverdueAlarms() {
		return this.checkIns.raiseOverdue(now())
			.concatMap((alarm) -> announce(alarm, SYSTEM).thenReturn(alarm.teamId()))
			.collectList();
	}

	/** "Still fine": the member's team checks in; an alarm on its timer ends. */
	@Transactional
	Mono<Void> stillFine(long teamId, StaffPrincipal member) {
		return this.checkIns.extend(teamId, now())
			.switchIfEmpty(Mono.error(NoCheckInException::new))
			.flatMap((alarm) -> this.events.assignmentChanged(BoardEventType.TEAM_STATUS_CHANGED, alarm.incidentId(),
					teamId, IncidentCommands.actor(member), Map.of("checkIn", "EXTENDED")))
			.then();
	}

	/** "Need help": an alarm now, on the team's assignment on site. */
	@Transactional
	Mono<Void> needHelp(long teamId, StaffPrincipal member) {
		return this.checkIns.help(teamId, now())
			.switchIfEmpty(Mono.error(NoCheckInException::new))
			.flatMap((alarm) -> announce(alarm, IncidentCommands.actor(member)))
			.then();
	}

	/**
	 * A lead ends a team's alarm once the team is reached; the board hears it like every
	 * other change of the team, with who ended which alarm.
	 */
	@Transactional
	Mono<Void> endAlarm(long teamId, StaffPrincipal lead) {
		return this.checkIns.alarmQuarter(teamId)
			.switchIfEmpty(Mono.error(TeamNotFoundException::new))
			.flatMap((quarter) -> Mono.justOrEmpty(quarter).switchIfEmpty(Mono.error(NoAlarmException::new)))
			.filter(lead::seesQuarter)
			.switchIfEmpty(Mono.error(OutsideScopeException::new))
			.then(this.checkIns.endAlarm(teamId, now()))
			.switchIfEmpty(Mono.error(NoAlarmException::new))
			.flatMap((ended) -> this.events.assignmentChanged(BoardEventType.TEAM_STATUS_CHANGED, ended.incidentId(),
					teamId, IncidentCommands.actor(lead), Map.of("checkIn", "ALARM_ENDED", "reason", ended.reason())))
			.then();
	}

	private Mono<Long> announce(Alarm alarm, String actor) {
		return this.events.assignmentChanged(BoardEventType.TEAM_ALARM, alarm.incidentId(), alarm.teamId(), actor,
				Map.of("reason", alarm.reason(), "assignment", alarm.assignmentId()));
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

}
