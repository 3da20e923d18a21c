package de.quartierdispatch.referral;

import java.util.Map;

import de.quartierdispatch.security.StaffPrincipal;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The referrer's side: counter staff (and team leads) refer a person to a partner service
 * and follow what became of it; team leads do the same from an incident. The referrer
 * sees status and outcome, never the partner's notes.
 */
@RestController
class ReferralController {

	private final Referring referring;

	private final ReferralQueries queries;

	ReferralController(Referring referring, ReferralQueries queries) {
		this.referring = referring;
		this.queries = queries;
	}

	@PostMapping("/api/referrals")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Map<String, Long>> refer(@Valid @RequestBody ReferralRequest request,
			@AuthenticationPrincipal StaffPrincipal staff) {
		return this.referring.refer(request, staff).map((id) -> Map.of("id", id));
	}

	/** Referrals made by this member or at their contact point, stale ones first. */
	@GetMapping(path = "/api/referrals", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<String> mine(@AuthenticationPrincipal StaffPrincipal staff) {
		return this.queries.forReferrer(staff.userId(), staff.contactPointId());
	}

	@PostMapping("/api/incidents/{id}/referrals")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Map<String, Long>> referFromIncident(@PathVariable long id, @Valid @RequestBody ReferralRequest request,
			@AuthenticationPrincipal StaffPrincipal lead) {
		return this.referring.referFromIncident(id, request, lead).map((referral) -> Map.of("id", referral));
	}

	@GetMapping(path = "/api/incidents/{id}/referrals", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<String> ofIncident(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal lead) {
		return this.queries.incident(id)
			.switchIfEmpty(Mono.error(ReferralProblems.NoSuchIncidentException::new))
			.flatMap((place) -> lead.seesQuarter(place.quarterId()) ? this.queries.forIncident(id)
					: Mono.error(new ReferralProblems.OutsideScopeException()));
	}

}
