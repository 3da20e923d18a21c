package de.quartierdispatch.incident;

import de.quartierdispatch.security.StaffPrincipal;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/board/teams/{teamId}/alarm/end}: the lead has reached the team and
 * ends its alarm (lone-worker safety). Only a lead ends a call for help; the member's
 * "still fine" ends only an alarm of a timer that ran out.
 */
@RestController
class TeamAlarmController {

	private final LoneWorkerSafety safety;

	TeamAlarmController(LoneWorkerSafety safety) {
		this.safety = safety;
	}

	@PostMapping("/api/board/teams/{teamId}/alarm/end")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> endAlarm(@PathVariable long teamId, @AuthenticationPrincipal StaffPrincipal lead) {
		return this.safety.endAlarm(teamId, lead);
	}

}
