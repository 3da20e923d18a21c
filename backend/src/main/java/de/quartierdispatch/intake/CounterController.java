package de.quartierdispatch.intake;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import de.quartierdispatch.geo.GeoPoint;
import de.quartierdispatch.geo.Quarters;
import de.quartierdispatch.intake.IdempotentSubmissions.StoredResponse;
import de.quartierdispatch.security.StaffPrincipal;
import de.quartierdispatch.system.InvalidFieldsException;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The contact-point counter: walk-ins, phone calls and e-mails entered by staff, with a
 * look at open incidents nearby first so that duplicates are attached instead of opened.
 */
@RestController
@RequestMapping("/api/counter")
class CounterController {

	private final Intake intake;

	private final Reports reports;

	private final Quarters quarters;

	private final IntakeProperties properties;

	private final Clock clock;

	CounterController(Intake intake, Reports reports, Quarters quarters, IntakeProperties properties, Clock clock) {
		this.intake = intake;
		this.quarters = quarters;
		this.reports = reports;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping("/nearby")
	Flux<NearbyIncident> nearby(@RequestParam String category, @RequestParam String lat, @RequestParam String lon,
			@AuthenticationPrincipal StaffPrincipal staff) {
		GeoPoint point = GeoPoint.parse(lat, lon);
		return this.reports.findNearbyOpen(category, point, this.properties.duplicateRadiusMeters(),
				this.properties.duplicateWindow(), OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC),
				staff.quarterScope());
	}

	/**
	 * A report entered at the counter; its {@code Idempotency-Key} is optional for API
	 * clients, and the counter page always sends one.
	 */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping(path = "/reports", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<String>> submit(@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
			@Valid @RequestBody CounterReportRequest request, @AuthenticationPrincipal StaffPrincipal staff) {
		if (key != null && !IdempotentSubmissions.isUsable(key)) {
			return Mono.error(new PublicReportController.IdempotencyKeyInvalidException());
		}
		// Staff may keep a place outside every quarter, not one far from the city (a
		// typing slip, 0, 0 from a phone without a fix): the incident would be nobody's.
		return this.quarters.isNearTheCity(request.location().toPoint())
			.filter(Boolean::booleanValue)
			.switchIfEmpty(Mono.error(() -> new InvalidFieldsException("location", "location.far")))
			.flatMap((near) -> this.intake.submitAtCounter(request, staff, key))
			.map(StoredResponse::toResponseEntity);
	}

}
