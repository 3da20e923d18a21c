package de.quartierdispatch.geo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Uploaded files (boundaries, addresses) are streamed to a temporary file, so that a
 * large file never sits in memory, processed from there, and deleted however processing
 * ends.
 */
final class Uploads {

	private Uploads() {
	}

	/**
	 * Saves the body (refusing more than {@code maxBytes} with 413), processes it,
	 * deletes it.
	 */
	static <T> Mono<T> process(Flux<DataBuffer> body, long maxBytes, Function<Resource, Mono<T>> processing) {
		Mono<Path> temporary = Mono.fromCallable(() -> Files.createTempFile("quartier-upload-", ".tmp"))
			.subscribeOn(Schedulers.boundedElastic());
		return Mono.usingWhen(temporary, (file) -> save(body, file, maxBytes)
			.then(Mono.defer(() -> processing.apply(new FileSystemResource(file)))), Uploads::delete);
	}

	private static Mono<Void> save(Flux<DataBuffer> body, Path file, long maxBytes) {
		AtomicLong size = new AtomicLong();
		Flux<DataBuffer> limited = body.doOnNext((buffer) -> {
			if (size.addAndGet(buffer.readableByteCount()) > maxBytes) {
				DataBufferUtils.release(buffer);
				throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE);
			}
		});
		return DataBufferUtils.write(limited, file);
	}

	private static Mono<Void> delete(Path file) {
		return Mono.fromRunnable(() -> {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}).subscribeOn(Schedulers.boundedElastic()).then();
	}

}
