package de.quartierdispatch.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import de.quartierdispatch.board.BoardEventType;
import de.quartierdispatch.board.EventLog;
import de.quartierdispatch.category.Categories;
import de.quartierdispatch.geo.QuarterLocation;
import de.quartierdispatch.geo.Quarters;
import de.quartierdispatch.incident.Incidents;
import de.quartierdispatch.incident.NewIncident;
import de.quartierdispatch.intake.IdempotentSubmissions.StoredResponse;
import de.quartierdispatch.routing.ReportFlag;
import de.quartierdispatch.routing.Router;
import de.quartierdispatch.routing.RoutingRequest;
import de.quartierdispatch.security.StaffPrincipal;
import de.quartierdispatch.system.InvalidFieldsException;
import de.quartierdispatch.system.InvalidFieldsException.InvalidField;
import de.quartierdispatch.system.ProblemException;
import de.quartierdispatch.system.TextNormalizer;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives reports from both channels: checks them, geotags them to their quarter, routes
 * them and opens an incident (or, at the counter, attaches them to one), all in one
 * transaction whose last step is the board event.
 */
@Service
public class Intake {

	static final int MIN_DESCRIPTION = 10;

	static final int MAX_DESCRIPTION = 2000;

	private final Quarters quarters;

	private final Categories categories;

	private final Router router;

	private final Incidents incidents;

	private final Reports reports;

	private final EventLog events;

	private final IdempotentSubmissions idempotency;

	private final Clock clock;

	private final TrackingCodes trackingCodes = new TrackingCodes();

	Intake(Quarters quarters, Categories categories, Router router, Incidents incidents, Reports reports,
			EventLog events, IdempotentSubmissions idempotency, Clock clock) {
		this.quarters = quarters;
		this.categories = categories;
		this.router = router;
		this.incidents = incidents;
		this.reports = reports;
		this.events = events;
		this.idempotency = idempotency;
		this.clock = clock;
	}

	/**
	 * A report from the public form. The same key with the same body answers as the first
	 * time and stores nothing new.
	 */
	@Transactional
	public Mono<StoredResponse> submitPublic(PublicReportRequest request, String idempotencyKey) {
		byte[] fingerprint = this.idempotency.fingerprint(request);
		return this.idempotency.claim(idempotencyKey, fingerprint)
			.flatMap((previous) -> previous.map(Mono::just)
				.orElseGet(() -> receive(fromPublic(request))
					.flatMap((receipt) -> this.idempotency.remember(idempotencyKey, fingerprint, 201, receipt))));
	}

	/** A walk-in, phone call or e-mail entered at a contact point. */
	@Transactional
	public Mono<ReportReceipt> submitAtCounter(CounterReportRequest request, StaffPrincipal staff) {
		return receive(fromCounter(request, staff));
	}

	private Mono<ReportReceipt> receive(NewReport report) {
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
			return store(report, checked.getT2().orElse(null), now);
		});
	}

	private static List<InvalidField> checkText(NewReport report) {
		List<InvalidField> invalid = new ArrayList<>();
		int length = report.description().codePointCount(0, report.description().length());
		if (length < MIN_DESCRIPTION || length > MAX_DESCRIPTION) {
			invalid.add(new InvalidField("description", "description.length", MIN_DESCRIPTION, MAX_DESCRIPTION));
		}
		if (report.contact() != null && !report.consent()) {
			invalid.add(new InvalidField("consent", "consent.required"));
		}
		return invalid;
	}

	private Mono<ReportReceipt> store(NewReport report, @Nullable QuarterLocation location, Instant now) {
		Long quarterId = (location != null) ? location.quarter().id() : null;
		OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
		String trackingCode = this.trackingCodes.next();
		Mono<IncidentTarget> incident = (report.attachToIncident() != null) ? attach(report.attachToIncident(), at)
				: open(report, location, now);
		return incident
			.flatMap((target) -> this.reports.insert(trackingCode, target.id(), report, quarterId, at)
				.flatMap((reportId) -> saveContact(reportId, report, at))
				.then(this.events.incidentChanged(target.event(), target.id(), report.actor(),
						Map.of("channel", report.channel().name()))))
			.thenReturn(new ReportReceipt(trackingCode, "/status/" + trackingCode, at,
					(location != null) ? location.quarter().name() : null, report.language()));
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

	private Mono<IncidentTarget> attach(long incidentId, OffsetDateTime at) {
		return this.incidents.attachReport(incidentId, at)
			.map((id) -> new IncidentTarget(id, BoardEventType.REPORT_ATTACHED))
			.switchIfEmpty(Mono.error(new IncidentNotOpenException()));
	}

	private Mono<Void> saveContact(long reportId, NewReport report, OffsetDateTime at) {
		return (report.contact() != null) ? this.reports.insertContact(reportId, report.contact(), at) : Mono.empty();
	}

	private static NewReport fromPublic(PublicReportRequest request) {
		return new NewReport(Channel.WEB, request.category(), cleanDescription(request.description()),
				request.location().toPoint(), TextNormalizer.cleanOrNull(request.address()), flags(request.flags()),
				cleanContact(request.contact()), request.consent(), request.language(), false, null, null, null);
	}

	private static NewReport fromCounter(CounterReportRequest request, StaffPrincipal staff) {
		ContactDetails contact = cleanContact(request.contact());
		if (contact == null && !request.noContact()) {
			throw new InvalidFieldsException("contact", "contact.required-or-declined");
		}
		if (contact != null && request.noContact()) {
			throw new InvalidFieldsException("noContact", "contact.declined-but-given");
		}
		if (request.channel() == Channel.WEB) {
			throw new InvalidFieldsException("channel", "channel.counter");
		}
		return new NewReport(request.channel(), request.category(), cleanDescription(request.description()),
				request.location().toPoint(), TextNormalizer.cleanOrNull(request.address()), flags(request.flags()),
				contact, request.consent(), request.language(), request.interpreterNeeded(), request.contactPointId(),
				staff.userId(), request.attachToIncident());
	}

	private static String cleanDescription(String description) {
		String cleaned = TextNormalizer.clean(description);
		return (cleaned != null) ? cleaned : "";
	}

	private static @Nullable ContactDetails cleanContact(@Nullable ContactDetails contact) {
		if (contact == null) {
			return null;
		}
		ContactDetails cleaned = new ContactDetails(TextNormalizer.cleanOrNull(contact.name()),
				TextNormalizer.cleanOrNull(contact.email()), TextNormalizer.cleanOrNull(contact.phone()));
		return cleaned.isEmpty() ? null : cleaned;
	}

	private static Set<ReportFlag> flags(@Nullable Set<ReportFlag> flags) {
		Set<ReportFlag> given = (flags == null || flags.isEmpty()) ? EnumSet.noneOf(ReportFlag.class)
				: EnumSet.copyOf(flags);
		given.remove(ReportFlag.HOTSPOT);
		return given;
	}

	private record IncidentTarget(long id, BoardEventType event) {
	}

	/** The incident a walk-in was to be attached to was closed in the meantime. */
	static class IncidentNotOpenException extends ProblemException {

		IncidentNotOpenException() {
			super(HttpStatus.CONFLICT, "incident-not-open");
		}

	}

}
