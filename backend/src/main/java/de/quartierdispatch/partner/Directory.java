package de.quartierdispatch.partner;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;

import de.quartierdispatch.routing.RoutingProperties;
import de.quartierdispatch.system.OpeningHours;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * The "Wegweiser": partner services found by topic, language and quarter, each with
 * whether it is open now and today in the city's time zone, by the application's clock.
 * Other features look services up here.
 */
@Service
public class Directory {

	private final PartnerServices services;

	private final Clock clock;

	private final ZoneId zone;

	Directory(PartnerServices services, Clock clock, RoutingProperties routing) {
		this.services = services;
		this.clock = clock;
		this.zone = routing.zone();
	}

	Flux<DirectoryEntry> search(@Nullable Topic topic, @Nullable String language, @Nullable String quarter,
			boolean openNow, boolean openToday) {
		LocalDateTime now = now();
		return this.services.search(topic, language, quarter)
			.map((service) -> entry(service, now))
			.filter((entry) -> (!openNow || entry.openNow()) && (!openToday || entry.openToday()));
	}

	/** A service by id, also an inactive one; empty when there is none. */
	public Mono<DirectoryEntry> service(long id) {
		LocalDateTime now = now();
		return this.services.byId(id).map((service) -> entry(service, now));
	}

	Flux<DirectoryEntry> all() {
		LocalDateTime now = now();
		return this.services.all().map((service) -> entry(service, now));
	}

	private LocalDateTime now() {
		return LocalDateTime.ofInstant(this.clock.instant(), this.zone);
	}

	private static DirectoryEntry entry(PartnerServices.Stored service, LocalDateTime now) {
		boolean openNow = false;
		boolean openToday = false;
		if (OpeningHours.valid(service.openingHours())) {
			OpeningHours hours = OpeningHours.parse(service.openingHours());
			openNow = hours.openAt(now);
			openToday = hours.openLaterOrNow(now);
		}
		return new DirectoryEntry(service.id(), service.name(), service.organisationId(), service.organisation(),
				service.organisationKind(), service.topic(), service.targetGroup(), service.languages(),
				service.openingHours(), service.street(), service.houseNumber(), service.postcode(), service.city(),
				service.howToReach(), service.quarters(), service.phone(), service.email(), service.website(),
				service.active(), openNow, openToday);
	}

}
