package de.quartierdispatch.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import de.quartierdispatch.board.BoardEventType;
import de.quartierdispatch.board.EventLog;
import de.quartierdispatch.category.Categories;
import de.quartierdispatch.geo.QuarterLocation;
import de.quartierdispatch.geo.Quarters;
import de.quartierdispatch.incident.Incidents;
import de.quartierdispatch.incident.NewIncident;
import de.quartierdispatch.incident.ReportJoin;
import de.quartierdispatch.intake.IdempotentSubmissions.Answer;
import de.quartierdispatch.intake.IdempotentSubmissions.Claim;
import de.quartierdispatch.intake.IdempotentSubmissions.StoredResponse;
import de.quartierdispatch.publicmap.OpenReports;
import de.quartierdispatch.routing.Router;
import de.quartierdispatch.routing.RoutingRequest;
import de.quartierdispatch.security.StaffPrincipal;
import de.quartierdispatch.system.InvalidFieldsException;
import de.quartierdispatch.system.InvalidFieldsException.InvalidField;
import de.quartierdispatch.system.VisibleText;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives reports from both channels: checks them, geotags them to their quarter, routes
 * them and opens an incident (or, at the counter, attaches them to one), all in one
 * transaction whose last step is the board event.
 */
@Service
class Intake {

	static final int MIN_DESCRIPTION = 10;

	static final int MAX_DESCRIPTION = 2000;

	static final int MAX_ADDRESS = 300;

	private final Quarters quarters;

	private final Categories categories;

	private final Router router;

	private final Incidents incidents;

	private final Reports reports;

	private final EventLog events;

	private final IdempotentSubmissions idempotency;

	private final Clock clock;

	private final OpenReports openReports;

	private final IntakeProperties properties;

	private final TrackingCodes trackingCodes = new TrackingCodes();

	Intake(Quarters quarters, Categories categories, Router router, Incidents incidents, Reports reports,
			EventLog events, IdempotentSubmissions idempotency, OpenReports openReports, IntakeProperties properties,
			Clock clock) {
		this.quarters = quarters;
		this.categories = categories;
		this.router = router;
		this.incidents = incidents;
		this.reports = reports;
		this.events = events;
		this.idempotency = idempotency;
		this.openReports = openReports;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * A report from the public form. The same key with the same body answers as the first
	 * time and stores nothing new.
	 */
	@Transactional
	Mono<StoredResponse> submitPublic(PublicReportRequest request, String idempotencyKey) {
		Claim claim = this.idempotency.claimFor(idempotencyKey, request);
		return this.idempotency.claim(claim)
			.flatMap((previous) -> previous.map(Mono::just)
				.orElseGet(() -> joinIfPossible(NewReports.fromPublic(request), request.supports())
					.flatMap((report) -> receive(report, claim))
					.map(Received::response)));
	}

	/**
	 * A report from a partner app (Open311), through the same checks, geotagging, routing
	 * and idempotency as the public form; the board names the app.
	 */
	@Transactional
	Mono<PartnerReceipt> submitFromPartner(PartnerReportRequest request, String partnerName, String idempotencyKey,
			@Nullable String earlierKey) {
		Claim claim = this.idempotency.claimFor(idempotencyKey, request);
		@Nullable Claim earlier = (earlierKey != null) ? this.idempotency.claimFor(earlierKey, request) : null;
		return this.idempotency.claim(claim, earlier)
			.flatMap((previous) -> previous.map(Mono::just)
				.orElseGet(() -> receive(NewReports.fromPartner(request, partnerName), claim).map(Received::response)))
			.flatMap((stored) -> this.reports.idOf(stored.trackingCode())
				.map((id) -> new PartnerReceipt(id, stored.trackingCode(), stored.replayed())));
	}

	/**
	 * "Me too": the report joins the open incident the resident chose when it is still
	 * open, of the same category and nearby on the public map; otherwise it opens its
	 * own.
	 */
	private Mono<NewReport> joinIfPossible(NewReport report, @Nullable Long supports) {
		if (supports == null) {
			return Mono.just(report);
		}
		return this.openReports.mayJoin(supports, report.category(), report.location())
			.map((joins) -> joins ? report.joining(supports) : report);
	}

	/**
	 * A walk-in, phone call or e-mail entered at a contact point. Under a key (the
	 * counter page sends one per entry), a retry after a lost answer answers as the first
	 * time; keys are the staff member's own, so nobody replays another's receipt.
	 */
	@Transactional
	Mono<StoredResponse> submitAtCounter(CounterReportRequest request, StaffPrincipal staff,
			@Nullable String idempotencyKey) {
		NewReport report = NewReports.fromCounter(request, staff);
		if (idempotencyKey == null) {
			return receive(report, null).map((received) -> this.idempotency.unclaimed(received.receipt()));
		}
		Claim claim = this.idempotency.claimFor("counter/" + staff.userId() + "/" + idempotencyKey, request);
		return this.idempotency.claim(claim)
			.flatMap((previous) -> previous.map(Mono::just)
				.orElseGet(() -> receive(report, claim).map(Received::response)));
	}

	private Mono<Received> receive(NewReport report, @Nullable Claim claim) {
		Instant now = this.clock.instant();
		List<InvalidField> invalid = checkText(report);
		Mono<Boolean> knownCategory = this.categories.isActive(report.category());
		Mono<Optional<QuarterLocation>> location = this.quarters.locate(report.location())
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty());
		return Mono.zip(knownCategory, location).flatMap((checked) -> {
			if (!checked.getT1()) {
				invalid.add(new InvalidField("category", "category.unknown"));
			}
			if (report.isPublic() && checked.getT2().isEmpty()) {
				invalid.add(new InvalidField("location", "location.outside"));
			}
			if (!invalid.isEmpty()) {
				return Mono.error(new InvalidFieldsException(invalid));
			}
			return store(report, checked.getT2().orElse(null), now, claim);
		});
	}

	private static List<InvalidField> checkText(NewReport report) {
		List<InvalidField> invalid = new ArrayList<>();
		String description = report.description();
		if (VisibleText.length(description) < MIN_DESCRIPTION
				|| description.codePointCount(0, description.length()) > MAX_DESCRIPTION) {
			invalid.add(new InvalidField("description", "description.length", MIN_DESCRIPTION, MAX_DESCRIPTION));
		}
		String address = report.address();
		if (address != null && address.codePointCount(0, address.length()) > MAX_ADDRESS) {
			// The forms say so first; a partner app (Open311) is checked here.
			invalid.add(new InvalidField("address", "address.length", MAX_ADDRESS));
		}
		if (report.contact() != null && !report.consent()) {
			invalid.add(new InvalidField("consent", "consent.required"));
		}
		return invalid;
	}

	/**
	 * Stores the report with its incident and board event; under a claimed key, the
	 * answer to a retry goes in with the report.
	 */
	private Mono<Received> store(NewReport report, @Nullable QuarterLocation location, Instant now,
			@Nullable Claim claim) {
		Long quarterId = (location != null) ? location.quarter().id() : null;
		OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
		String trackingCode = this.trackingCodes.next();
		ReportReceipt receipt = new ReportReceipt(trackingCode, "/status/" + trackingCode, at,
				(location != null) ? location.quarter().name() : null, report.language(),
				report.attachToIncident() != null);
		Answer answer = (claim != null) ? this.idempotency.answer(claim, receipt) : null;
		Mono<IncidentTarget> incident = (report.attachToIncident() != null) ? attach(report, at)
				: open(report, location, now);
		return incident
			.flatMap((target) -> this.reports.insert(trackingCode, target.id(), report, quarterId, at, answer)
				.then(this.events.incidentChanged(target.event(), target.id(), report.actor(), eventDetails(report))))
			.thenReturn(new Received(receipt, answer));
	}

	private static Map<String, String> eventDetails(NewReport report) {
		return (report.sourceName() != null) ? Map.of("channel", report.channel().name(), "source", report.sourceName())
				: Map.of("channel", report.channel().name());
	}

	private Mono<IncidentTarget> open(NewReport report, @Nullable QuarterLocation location, Instant now) {
		Long quarterId = (location != null) ? location.quarter().id() : null;
		List<String> quarterCodes = (location != null) ? location.codes() : List.of();
		RoutingRequest routing = new RoutingRequest(report.category(), quarterId, quarterCodes, now, report.flags());
		return this.router.route(routing)
			.flatMap((decision) -> this.incidents
				.open(new NewIncident(report.category(), quarterId, report.location(), report.flags(), decision, now)))
			.map((id) -> new IncidentTarget(id, BoardEventType.INCIDENT_OPENED));
	}

	/**
	 * Attaches to the open incident nearby of the same category that staff chose, within
	 * their remit (Incidents#attachReport). Nothing is stored otherwise: an incident
	 * outside the remit is refused as such (403, as everywhere else).
	 */
	private Mono<IncidentTarget> attach(NewReport report, OffsetDateTime at) {
		ReportJoin join = new ReportJoin(report.attachToIncident(), report.category(), report.location(),
				this.properties.duplicateRadiusMeters(), report.remit());
		return this.incidents.attachReport(join, at)
			.map((id) -> new IncidentTarget(id, BoardEventType.REPORT_ATTACHED))
			.switchIfEmpty(Mono.defer(() -> this.incidents.whyNotJoin(join).flatMap(JoinProblems::refused)));
	}

	private record IncidentTarget(long id, BoardEventType event) {
	}

	/** A stored report's receipt, and the answer stored for its key when it had one. */
	private record Received(ReportReceipt receipt, @Nullable Answer answer) {

		StoredResponse response() {
			return Objects.requireNonNull(this.answer, "a report under a claimed key").response();
		}

	}

}
