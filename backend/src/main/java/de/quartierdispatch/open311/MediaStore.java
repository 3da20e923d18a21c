package de.quartierdispatch.open311;

import reactor.core.publisher.Mono;

/**
 * Where a photo sent with a report goes once it has been checked to be an image
 * ({@link PhotoMediaStore}: the photo module).
 */
public interface MediaStore {

	/**
	 * Keeps the photo of a report.
	 * @return whether it was kept
	 */
	Mono<Boolean> keep(long reportId, CheckedImage image);

	/**
	 * An image whose content was checked.
	 *
	 * @param mediaType {@code image/jpeg}, {@code image/png} or {@code image/webp}
	 * @param bytes the file
	 */
	record CheckedImage(String mediaType, byte[] bytes) {
	}

}
