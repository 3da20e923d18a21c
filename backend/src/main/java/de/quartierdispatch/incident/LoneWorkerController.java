package de.quartierdispatch.incident;

import java.time.Clock;

import de.quartierdispatch.incident.LifecycleProblems.NotYourTeamException;
import de.quartierdispatch.security.StaffPrincipal;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lone-worker safety for the field app: "still fine" (the team checks in, its timer
 * starts again) and "need help" (an alarm on the board now). Both answer with the team's
 * fresh list, like every field step.
 */
@RestController
@RequestMapping(path = "/api/field", produces = MediaType.APPLICATION_JSON_VALUE)
class LoneWorkerController {

	private final LoneWorkerSafety safety;

	private final FieldQueries queries;

	private final Clock clock;

	LoneWorkerController(LoneWorkerSafety safety, FieldQueries queries, Clock clock) {
		this.safety = safety;
		this.queries = queries;
		this.clock = clock;
	}

	@PostMapping("/check-in")
	Mono<String> stillFine(@AuthenticationPrincipal StaffPrincipal member) {
		long team = teamOf(member);
		return this.safety.stillFine(team, member).then(list(team));
	}

	@PostMapping("/help")
	Mono<String> needHelp(@AuthenticationPrincipal StaffPrincipal member) {
		long team = teamOf(member);
		return this.safety.needHelp(team, member).then(list(team));
	}

	private Mono<String> list(long team) {
		return this.queries.assignments(team, this.clock.instant().minus(FieldController.FINISHED_SHOWN));
	}

	private static long teamOf(StaffPrincipal member) {
		if (member.teamId() == null) {
			throw new NotYourTeamException();
		}
		return member.teamId();
	}

}
