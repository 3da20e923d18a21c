package de.quartierdispatch.staff;

import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the administration page chooses from: teams, team types, quarters and contact
 * points, by id or code with their names.
 */
@RestController
class ReferenceController {

	private final ReferenceQueries queries;

	ReferenceController(ReferenceQueries queries) {
		this.queries = queries;
	}

	@GetMapping(path = "/api/admin/reference", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<String> reference() {
		return this.queries.reference();
	}

}
