package de.quartierdispatch.intake;

import de.quartierdispatch.incident.Reopening;
import de.quartierdispatch.system.TrackingCodeText;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Still a problem?" from the status page (or the link in the outcome mail, which leads
 * there): the tracking code is the key.
 */
@RestController
class StillAProblemController {

	private final Reports reports;

	private final Reopening reopening;

	StillAProblemController(Reports reports, Reopening reopening) {
		this.reports = reports;
		this.reopening = reopening;
	}

	@PostMapping(path = "/api/reports/{code}/still-a-problem", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<StillAProblem> stillAProblem(@PathVariable String code) {
		return Mono.justOrEmpty(TrackingCodeText.normalize(code))
			.flatMap(this.reports::unerasedIdOf)
			.switchIfEmpty(Mono.error(PublicReportController.UnknownTrackingCodeException::new))
			.flatMap(this.reopening::stillAProblem)
			.map((reopened) -> new StillAProblem(reopened.followUp()));
	}

	/**
	 * What the reporter learns.
	 *
	 * @param followUp true when the report now belongs to a new incident (the old one had
	 * been closed too long), false when the incident was reopened
	 */
	record StillAProblem(boolean followUp) {
	}

}
