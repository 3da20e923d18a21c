package de.quartierdispatch.photo;

import java.time.OffsetDateTime;
import java.util.Collection;

import de.quartierdispatch.photo.PhotoProcessing.ProcessedPhoto;
import de.quartierdispatch.system.Sha256;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where photos are kept. {@link PostgresPhotoStore} keeps them in the database next to
 * their report; an object store could stand behind the same interface (README, "Photos",
 * says why it does not).
 */
interface PhotoStore {

	/**
	 * Stores a photo of a report or of an incident (exactly one of them is given). Empty
	 * when a photo with the same upload key was stored first.
	 */
	Mono<PhotoView> save(@Nullable Long reportId, @Nullable Long incidentId, @Nullable Long assignmentId,
			@Nullable UploadKey uploadKey, ProcessedPhoto photo, String uploadedBy, OffsetDateTime at);

	/** The photo stored with this upload key, if any. */
	Mono<KeyedPhoto> byUploadKey(UploadKey uploadKey);

	/** The stored image; empty when there is no such photo. */
	Mono<byte[]> image(long photoId);

	/** The stored thumbnail; empty when there is no such photo. */
	Mono<byte[]> thumbnail(long photoId);

	/** How many photos and bytes a report carries. */
	Mono<Usage> usageOfReport(long reportId);

	/** Every photo of an incident, its reports' and its field teams'. */
	Flux<PhotoView> forIncident(long incidentId);

	/** These photos, in the order they were taken. */
	Flux<PhotoView> withIds(Collection<Long> photoIds);

	Flux<PhotoView> forReport(long reportId);

	/** Hides or shows a photo; false when there is no such photo. */
	Mono<Boolean> setHidden(long photoId, boolean hidden, String by, OffsetDateTime at);

	/**
	 * What a report already carries.
	 *
	 * @param photos the number of photos
	 * @param bytes their stored size
	 */
	record Usage(long photos, long bytes) {
	}

	/**
	 * The key a field app sends with a photo, and the fingerprint of the bytes it sent
	 * under it: a replay sends the same bytes, another photo under a reused key does not.
	 *
	 * @param value the key
	 * @param fingerprint SHA-256 of the upload as received
	 */
	record UploadKey(String value, byte[] fingerprint) {

		static @Nullable UploadKey of(@Nullable String key, byte[] upload) {
			return (key != null) ? new UploadKey(key, Sha256.of(upload)) : null;
		}

	}

	/**
	 * A photo found by its upload key.
	 *
	 * @param photo the photo
	 * @param sameUpload whether it was stored from the same bytes (or before fingerprints
	 * were kept)
	 */
	record KeyedPhoto(PhotoView photo, boolean sameUpload) {
	}

}
