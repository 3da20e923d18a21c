package de.quartierdispatch.photo;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import de.quartierdispatch.photo.PhotoProblems.NotYourPhotoException;
import de.quartierdispatch.photo.PhotoProblems.PhotoNotFoundException;
import de.quartierdispatch.photo.PhotoQueries.PhotoPlace;
import de.quartierdispatch.privacy.AuditLog;
import de.quartierdispatch.security.Role;
import de.quartierdispatch.security.StaffPrincipal;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Who sees which photo. Photos may show people, faces and number plates, so they are for
 * staff who work on the incident: team leads whose quarters it is in, and field members
 * whose team is on it (or finished there within the last 12 hours, then only what the
 * case had when it finished and what the team took; not a team that declined). A photo a
 * lead hid is shown to leads only. Every look at an image or thumbnail is written to the
 * audit trail, and so is every one refused.
 */
@Component
class PhotoAccess {

	/**
	 * How long a team still sees the photos of a job it finished: as long as the field
	 * app keeps the job in its archive (incident.FieldController), to write it up, and no
	 * longer.
	 */
	static final Duration FINISHED_JOB_PHOTOS = Duration.ofHours(12);

	private final PhotoQueries queries;

	private final PhotoStore store;

	private final AuditLog audit;

	private final Clock clock;

	PhotoAccess(PhotoQueries queries, PhotoStore store, AuditLog audit, Clock clock) {
		this.queries = queries;
		this.store = store;
		this.audit = audit;
		this.clock = clock;
	}

	Flux<PhotoView> list(long incidentId, StaffPrincipal staff) {
		return this.queries.incident(incidentId)
			.switchIfEmpty(Mono.error(PhotoNotFoundException::new))
			.flatMap((incident) -> mayWorkOn(staff, incident.incidentId(), incident.quarterId()))
			.flatMapMany((ignored) -> seenBy(staff, incidentId))
			.filter((photo) -> !photo.hidden() || staff.has(Role.DISPATCHER));
	}

	/**
	 * The incident's photos a member sees: a lead all of them, a team those it may (also
	 * those of its reports moved to another incident since it finished).
	 */
	private Flux<PhotoView> seenBy(StaffPrincipal staff, long incidentId) {
		Long team = fieldTeam(staff);
		if (team == null) {
			return this.store.forIncident(incidentId);
		}
		return this.queries.photosTeamSees(team, incidentId, finishedSince())
			.collectList()
			.flatMapMany((seen) -> seen.isEmpty() ? Flux.empty() : this.store.withIds(seen));
	}

	/** A team member's team, unless they are a lead too (who sees as a lead). */
	private static @Nullable Long fieldTeam(StaffPrincipal staff) {
		return (staff.has(Role.FIELD) && !staff.has(Role.DISPATCHER)) ? staff.teamId() : null;
	}

	private OffsetDateTime finishedSince() {
		return OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC).minus(FINISHED_JOB_PHOTOS);
	}

	/**
	 * A lead of the photo's quarter; a team that sees it (not one added after it
	 * finished).
	 */
	private Mono<Boolean> maySee(StaffPrincipal staff, PhotoPlace place) {
		Long team = fieldTeam(staff);
		if (team == null) {
			return mayWorkOn(staff, place.incidentId(), place.quarterId());
		}
		// Of any of its jobs: a report the team went out for may have moved on since.
		return this.queries.photosTeamSees(team, null, finishedSince())
			.any((photo) -> photo == place.photoId())
			.flatMap((sees) -> sees ? Mono.just(true) : Mono.error(new NotYourPhotoException()));
	}

	Mono<byte[]> image(long photoId, boolean thumbnail, StaffPrincipal staff) {
		return this.queries.place(photoId)
			.switchIfEmpty(Mono.error(PhotoNotFoundException::new))
			// Who may not see it at all is refused first, hidden or not: hiding a photo
			// must not hide attempts to probe it. A hidden one is not found by a team.
			.flatMap((place) -> maySee(staff, place)
				.then(Mono.defer(() -> (place.hidden() && !staff.has(Role.DISPATCHER))
						? Mono.error(new PhotoNotFoundException()) : Mono.empty()))
				.onErrorResume(
						(refused) -> refused instanceof NotYourPhotoException
								|| refused instanceof PhotoNotFoundException,
						(refused) -> record(staff, place, "PHOTO_READ_REFUSED").then(Mono.error(refused)))
				.thenReturn(place))
			.flatMap((place) -> record(staff, place, thumbnail ? "PHOTO_THUMBNAIL_VIEWED" : "PHOTO_VIEWED"))
			.then(Mono.defer(() -> thumbnail ? this.store.thumbnail(photoId) : this.store.image(photoId)))
			.switchIfEmpty(Mono.error(PhotoNotFoundException::new));
	}

	/**
	 * A team lead hides a photo (from field teams and any later view) or shows it again.
	 */
	Mono<Void> hide(long photoId, boolean hidden, StaffPrincipal lead) {
		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		return this.queries.place(photoId)
			.switchIfEmpty(Mono.error(PhotoNotFoundException::new))
			.flatMap((place) -> mayWorkOn(lead, place.incidentId(), place.quarterId()).thenReturn(place))
			.flatMap((place) -> this.store.setHidden(photoId, hidden, actor(lead), now)
				.then(this.audit.record(actor(lead), hidden ? "PHOTO_HIDDEN" : "PHOTO_SHOWN", place.reportId(), null,
						Map.of("photo", photoId, "incident", place.incidentId()))));
	}

	private Mono<Boolean> mayWorkOn(StaffPrincipal staff, long incidentId, @Nullable Long quarterId) {
		if (staff.has(Role.DISPATCHER)) {
			return staff.seesQuarter(quarterId) ? Mono.just(true) : Mono.error(new NotYourPhotoException());
		}
		if (staff.has(Role.FIELD) && staff.teamId() != null) {
			return this.queries.teamWorksOn(staff.teamId(), incidentId, finishedSince())
				.flatMap((works) -> works ? Mono.just(true) : Mono.error(new NotYourPhotoException()));
		}
		return Mono.error(new NotYourPhotoException());
	}

	private Mono<Void> record(StaffPrincipal staff, PhotoPlace place, String action) {
		return this.audit.record(actor(staff), action, place.reportId(), null,
				Map.of("photo", place.photoId(), "incident", place.incidentId()));
	}

	private static String actor(StaffPrincipal staff) {
		return "staff:" + staff.userId();
	}

}
