package de.quartierdispatch.open311;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import de.quartierdispatch.open311.MediaStore.CheckedImage;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Whether a file is an image, by its content (never by its name or declared type): JPEG
 * and PNG must decode their header with a sensible size, WebP must carry its signature.
 */
final class ImageCheck {

	private static final int MAX_SIDE = 20_000;

	private ImageCheck() {
	}

	static Mono<CheckedImage> check(byte[] bytes) {
		if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
			return decodable(bytes, "image/jpeg");
		}
		if (startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return decodable(bytes, "image/png");
		}
		if (bytes.length > 12 && startsWith(bytes, 'R', 'I', 'F', 'F') && bytes[8] == 'W' && bytes[9] == 'E'
				&& bytes[10] == 'B' && bytes[11] == 'P') {
			return Mono.just(new CheckedImage("image/webp", bytes));
		}
		return Mono.error(notAnImage());
	}

	private static Mono<CheckedImage> decodable(byte[] bytes, String mediaType) {
		return Mono.fromCallable(() -> readsAsImage(bytes))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((image) -> image ? Mono.just(new CheckedImage(mediaType, bytes)) : Mono.error(notAnImage()));
	}

	private static boolean readsAsImage(byte[] bytes) {
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
			if (!readers.hasNext()) {
				return false;
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(input, true, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				return width > 0 && height > 0 && width <= MAX_SIDE && height <= MAX_SIDE;
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	private static boolean startsWith(byte[] bytes, int... signature) {
		if (bytes.length < signature.length) {
			return false;
		}
		for (int i = 0; i < signature.length; i++) {
			if ((bytes[i] & 0xFF) != signature[i]) {
				return false;
			}
		}
		return true;
	}

	private static Open311Exception notAnImage() {
		return Open311Exception.badRequest("media is not a JPEG, PNG or WebP image");
	}

}
