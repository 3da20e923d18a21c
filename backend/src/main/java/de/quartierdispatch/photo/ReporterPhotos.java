package de.quartierdispatch.photo;

import java.time.Clock;
import java.util.function.Predicate;

import de.quartierdispatch.photo.PhotoProblems.PhotoNotFoundException;
import de.quartierdispatch.photo.PhotoProblems.ReportOutsideRemitException;
import de.quartierdispatch.photo.PhotoProblems.UploadClosedException;
import de.quartierdispatch.photo.PhotoProblems.UploadKeyReusedException;
import de.quartierdispatch.photo.PhotoQueries.UploadTarget;
import de.quartierdispatch.photo.PhotoStore.UploadKey;
import de.quartierdispatch.photo.Photos.StoredPhoto;
import de.quartierdispatch.security.StaffPrincipal;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Photos added to a report by its tracking code, within the upload window after it was
 * made: by the reporter on the form's confirmation, or by counter staff for a walk-in.
 * With an upload key (the form sends one per photo, the same again when it retries) a
 * photo whose answer was lost on the way is stored once: the retry finds it.
 */
@Service
class ReporterPhotos {

	private final Photos photos;

	private final PhotoStore store;

	private final PhotoQueries queries;

	private final PhotoProperties properties;

	private final TransactionalOperator transactions;

	private final Clock clock;

	ReporterPhotos(Photos photos, PhotoStore store, PhotoQueries queries, PhotoProperties properties,
			TransactionalOperator transactions, Clock clock) {
		this.photos = photos;
		this.store = store;
		this.queries = queries;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** The reporter's photo, under their upload key if the client sent one. */
	Mono<StoredPhoto> byReporter(String trackingCode, @Nullable String key, byte[] upload) {
		// The key stands for this report only: the same key for another report is
		// another.
		return keyed(trackingCode, (key != null) ? "report/" + trackingCode + "/" + key : null, upload, "public",
				(report) -> true);
	}

	/**
	 * A photo counter staff add for a walk-in: to a report in their quarters or one they
	 * entered, as for everything else they see and do. A key is the staff member's own,
	 * as for the reports they enter: nobody is answered another's photo.
	 */
	Mono<StoredPhoto> atCounter(String trackingCode, @Nullable String key, byte[] upload, StaffPrincipal staff) {
		return keyed(trackingCode, (key != null) ? "counter/" + staff.userId() + "/" + trackingCode + "/" + key : null,
				upload, "staff:" + staff.userId(),
				(report) -> report.withinRemitOf(staff.quarterScope(), staff.userId()));
	}

	/** Stored once under its key: a retry after a lost answer finds the first. */
	private Mono<StoredPhoto> keyed(String trackingCode, @Nullable String key, byte[] upload, String uploadedBy,
			Predicate<UploadTarget> mayAdd) {
		UploadKey uploadKey = UploadKey.of(key, upload);
		Mono<StoredPhoto> stored = store(trackingCode, uploadKey, upload, uploadedBy, mayAdd)
			.map((saved) -> new StoredPhoto(saved, true))
			// Empty only when the same key was stored by a concurrent arrival meanwhile.
			.switchIfEmpty(Mono.defer(() -> earlier(uploadKey)));
		return earlier(uploadKey).switchIfEmpty(stored);
	}

	/** Stored before under the key: answered again for the same bytes only. */
	private Mono<StoredPhoto> earlier(@Nullable UploadKey uploadKey) {
		if (uploadKey == null) {
			return Mono.empty();
		}
		return this.store.byUploadKey(uploadKey)
			.flatMap((keyed) -> keyed.sameUpload() ? Mono.just(new StoredPhoto(keyed.photo(), false))
					: Mono.error(UploadKeyReusedException.ofAReport()));
	}

	private Mono<PhotoView> store(String trackingCode, @Nullable UploadKey uploadKey, byte[] upload, String uploadedBy,
			Predicate<UploadTarget> mayAdd) {
		return this.photos.process(upload)
			.flatMap((photo) -> this.transactions.transactional(this.queries.lockReport(trackingCode)
				.switchIfEmpty(Mono.error(PhotoNotFoundException::new))
				.flatMap((report) -> {
					if (!mayAdd.test(report)) {
						return Mono.error(new ReportOutsideRemitException());
					}
					return withinWindow(report) ? this.photos.saveWithReport(report, uploadKey, photo, uploadedBy)
							: Mono.error(new UploadClosedException());
				})));
	}

	private boolean withinWindow(UploadTarget report) {
		return report.submittedAt().toInstant().plus(this.properties.uploadWindow()).isAfter(this.clock.instant());
	}

}
