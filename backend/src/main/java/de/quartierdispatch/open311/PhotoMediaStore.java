package de.quartierdispatch.open311;

import de.quartierdispatch.photo.Photos;
import de.quartierdispatch.system.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * A photo sent with an Open311 report goes where residents' photos go: re-encoded without
 * any metadata, seen by staff only, erased with the report's text. A photo the photo
 * module refuses (too many pixels, over the report's limit) is not kept, but the report
 * stays: the partner app reads that in the request's {@code service_notice}.
 */
@Component
class PhotoMediaStore implements MediaStore {

	private final Photos photos;

	PhotoMediaStore(Photos photos) {
		this.photos = photos;
	}

	@Override
	public Mono<Boolean> keep(long reportId, CheckedImage image) {
		return this.photos.storeForReport(reportId, image.bytes(), "open311")
			.thenReturn(true)
			.onErrorResume(ProblemException.class, (refused) -> Mono.just(false));
	}

}
