package de.quartierdispatch.contactpoint;

import reactor.core.publisher.Flux;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Contact points are public: the form tells residents where they can also walk in (the
 * open ones only).
 */
@RestController
class ContactPointController {

	private final ContactPoints contactPoints;

	ContactPointController(ContactPoints contactPoints) {
		this.contactPoints = contactPoints;
	}

	@GetMapping("/api/contact-points")
	Flux<ContactPoint> contactPoints() {
		return this.contactPoints.findActive();
	}

}
