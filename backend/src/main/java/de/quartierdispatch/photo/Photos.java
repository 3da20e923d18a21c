package de.quartierdispatch.photo;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;

import de.quartierdispatch.photo.PhotoProblems.AssignmentDeclinedException;
import de.quartierdispatch.photo.PhotoProblems.AssignmentNotFoundException;
import de.quartierdispatch.photo.PhotoProblems.AssignmentPhotoLimitReachedException;
import de.quartierdispatch.photo.PhotoProblems.FinishedJobClosedException;
import de.quartierdispatch.photo.PhotoProblems.NotYourPhotoException;
import de.quartierdispatch.photo.PhotoProblems.PhotoLimitReachedException;
import de.quartierdispatch.photo.PhotoProblems.PhotoNotFoundException;
import de.quartierdispatch.photo.PhotoProblems.PhotoProcessingBusyException;
import de.quartierdispatch.photo.PhotoProblems.UploadKeyReusedException;
import de.quartierdispatch.photo.PhotoProcessing.ProcessedPhoto;
import de.quartierdispatch.photo.PhotoQueries.FieldTarget;
import de.quartierdispatch.photo.PhotoQueries.UploadTarget;
import de.quartierdispatch.photo.PhotoStore.UploadKey;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The photo module's API for other features (the field app, Open311): store a photo with
 * a report or an incident, list them. Every upload is checked by content and re-encoded
 * without metadata ({@link PhotoProcessing}) on a thread of its own before a database
 * connection is taken; storing it is one transaction that also enforces the per-report
 * limits. A refused photo throws a problem (4xx) and stores nothing; the report it was
 * for is untouched.
 */
@Service
public class Photos implements DisposableBean {

	private final PhotoProcessing processing;

	private final PhotoStore store;

	private final PhotoQueries queries;

	private final PhotoProperties properties;

	private final TransactionalOperator transactions;

	private final Clock clock;

	/**
	 * One photo is decoded at a time, within its budget
	 * ({@link PhotoProperties#decodeBudget()}), on a heap of 256 MB on a small VM: a
	 * burst of large uploads waits (a few at most, then 503) instead of exhausting the
	 * heap.
	 */
	private final Scheduler processingThread = Schedulers.newBoundedElastic(1, 8, "photo-processing");

	Photos(PhotoProcessing processing, PhotoStore store, PhotoQueries queries, PhotoProperties properties,
			TransactionalOperator transactions, Clock clock) {
		this.processing = processing;
		this.store = store;
		this.queries = queries;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Stores a photo with a report (counter, Open311, or any staff path that has already
	 * checked access).
	 * @param uploadedBy who sent it, e.g. {@code staff:12} or {@code open311}
	 */
	public Mono<PhotoView> storeForReport(long reportId, byte[] upload, String uploadedBy) {
		return process(upload).flatMap((photo) -> this.transactions.transactional(this.queries.lockReport(reportId)
			.switchIfEmpty(Mono.error(PhotoNotFoundException::new))
			.flatMap((report) -> saveWithReport(report, null, photo, uploadedBy))));
	}

	/**
	 * Stores a field team's photo with the incident of one of its assignments. With an
	 * upload key (the app sends one with every photo, also when it replays photos queued
	 * offline) a photo arriving twice is stored once: the second arrival finds the first,
	 * but only for the team whose assignment it is (another team's replay is refused, as
	 * its first arrival would be).
	 */
	Mono<StoredPhoto> storeForAssignment(long assignmentId, long teamId, @Nullable String uploadKey, byte[] upload,
			String uploadedBy) {
		UploadKey key = UploadKey.of(uploadKey, upload);
		Mono<StoredPhoto> stored = process(upload).flatMap((photo) -> this.transactions
			.transactional(this.queries.lockTeamAssignment(assignmentId, teamId)
				.switchIfEmpty(Mono.defer(() -> notYours(assignmentId)))
				.flatMap((target) -> saveWithAssignment(target, key, photo, uploadedBy)))
			.map((saved) -> new StoredPhoto(saved, true))
			// Empty only when the same key was stored by a concurrent arrival meanwhile.
			.switchIfEmpty(Mono.defer(() -> earlier(key, assignmentId, teamId))));
		return earlier(key, assignmentId, teamId).switchIfEmpty(stored);
	}

	/**
	 * The photo stored earlier under the key, answered only to the team it belongs to and
	 * only for the same bytes: a different photo or assignment under the key is refused.
	 */
	private Mono<StoredPhoto> earlier(@Nullable UploadKey uploadKey, long assignmentId, long teamId) {
		if (uploadKey == null) {
			return Mono.empty();
		}
		return this.store.byUploadKey(uploadKey).flatMap((keyed) -> {
			if (!keyed.sameUpload() || !Objects.equals(keyed.photo().assignmentId(), assignmentId)) {
				return Mono.error(UploadKeyReusedException.inTheField());
			}
			return this.transactions.transactional(this.queries.lockTeamAssignment(assignmentId, teamId))
				.switchIfEmpty(Mono.defer(() -> notYours(assignmentId)))
				.thenReturn(new StoredPhoto(keyed.photo(), false));
		});
	}

	/**
	 * Another team's assignment is refused as such (403); one that does not exist is not
	 * found.
	 */
	private <T> Mono<T> notYours(long assignmentId) {
		return this.queries.assignmentExists(assignmentId)
			.flatMap(
					(exists) -> Mono.error(exists ? NotYourPhotoException.toAdd() : new AssignmentNotFoundException()));
	}

	private Mono<PhotoView> saveWithAssignment(FieldTarget target, @Nullable UploadKey uploadKey, ProcessedPhoto photo,
			String uploadedBy) {
		if (target.declined()) {
			return Mono.error(new AssignmentDeclinedException());
		}
		// As long as the job stays in the field app's archive, where its photos are
		// taken.
		if (target.finishedAt() != null && target.finishedAt()
			.toInstant()
			.plus(PhotoAccess.FINISHED_JOB_PHOTOS)
			.isBefore(this.clock.instant())) {
			return Mono.error(new FinishedJobClosedException());
		}
		if (target.photos() >= this.properties.perAssignment()) {
			return Mono.error(new AssignmentPhotoLimitReachedException(this.properties.perAssignment()));
		}
		return this.store.save(null, target.incidentId(), target.assignmentId(), uploadKey, photo, uploadedBy, now());
	}

	/** Every photo of an incident, hidden ones included (callers decide what to show). */
	public Flux<PhotoView> forIncident(long incidentId) {
		return this.store.forIncident(incidentId);
	}

	public Flux<PhotoView> forReport(long reportId) {
		return this.store.forReport(reportId);
	}

	/** The upload checked and re-encoded, on the processing thread. */
	Mono<ProcessedPhoto> process(byte[] upload) {
		return Mono.fromCallable(() -> this.processing.process(upload))
			.subscribeOn(this.processingThread)
			.onErrorMap(RejectedExecutionException.class, (busy) -> new PhotoProcessingBusyException());
	}

	@Override
	public void destroy() {
		this.processingThread.dispose();
	}

	/**
	 * Saves a photo with a report within the per-report limits; empty when a concurrent
	 * arrival stored the same upload key meanwhile.
	 */
	Mono<PhotoView> saveWithReport(UploadTarget report, @Nullable UploadKey uploadKey, ProcessedPhoto photo,
			String uploadedBy) {
		return this.store.usageOfReport(report.reportId()).flatMap((usage) -> {
			if (usage.photos() >= this.properties.perReport()
					|| usage.bytes() + photo.image().length > this.properties.maxBytesPerReport().toBytes()) {
				return Mono.error(new PhotoLimitReachedException(this.properties.perReport()));
			}
			return this.store.save(report.reportId(), null, null, uploadKey, photo, uploadedBy, now());
		});
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	/**
	 * A stored photo, and whether this arrival stored it (false: it had arrived before
	 * with the same upload key).
	 *
	 * @param photo the stored photo
	 * @param created whether this request stored it
	 */
	record StoredPhoto(PhotoView photo, boolean created) {
	}

}
