package de.quartierdispatch.system;

import java.io.IOException;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.web.reactive.resource.ResourceResolver;
import org.springframework.web.reactive.resource.ResourceResolverChain;
import org.springframework.web.server.ServerWebExchange;

/**
 * Serves the pages' files and the libraries from memory once each was first found. A
 * class-path resource is looked for again in every jar on the class path each time the
 * server asks for its size, its date or its content: four to six times per answer, about
 * 2 ms of CPU for a 304. The board's page asks for about 40 files, and they competed with
 * its snapshot for the CPU. The files are small (the frontend jar is 230 KB) and change
 * only with a release; the resource chain's cache keeps what this returns.
 */
final class LoadedResources implements ResourceResolver {

	@Override
	public Mono<Resource> resolveResource(@Nullable ServerWebExchange exchange, String requestPath,
			List<? extends Resource> locations, ResourceResolverChain chain) {
		// Read once per file (the chain's cache keeps the result), off the event loop.
		return chain.resolveResource(exchange, requestPath, locations)
			.flatMap((found) -> Mono.fromCallable(() -> load(found)).subscribeOn(Schedulers.boundedElastic()));
	}

	@Override
	public Mono<String> resolveUrlPath(String resourceUrlPath, List<? extends Resource> locations,
			ResourceResolverChain chain) {
		return chain.resolveUrlPath(resourceUrlPath, locations);
	}

	static Resource load(Resource found) throws IOException {
		return new Loaded(found.getContentAsByteArray(), found.lastModified(), found.getFilename(),
				found.getDescription());
	}

	/** A file's content and date, as found. */
	static final class Loaded extends ByteArrayResource {

		private final long lastModified;

		private final @Nullable String filename;

		Loaded(byte[] content, long lastModified, @Nullable String filename, String description) {
			super(content, description);
			this.lastModified = lastModified;
			this.filename = filename;
		}

		@Override
		public long lastModified() {
			return this.lastModified;
		}

		@Override
		public @Nullable String getFilename() {
			return this.filename;
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return this == other;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this);
		}

	}

}
