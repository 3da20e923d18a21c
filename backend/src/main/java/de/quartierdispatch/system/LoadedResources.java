package de.quartierdispatch.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.web.server.Compression;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.web.reactive.resource.HttpResource;
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
 * <p>
 * The files the server would compress (server.compression: its types, from its size) go
 * out gzipped at the strongest level, compressed once when first asked for by a browser
 * that accepts gzip: the server compresses only what it writes anew (the API's answers),
 * and it does that at a fast level ({@link ResponseCompression}). The chain's cache keeps
 * the two forms apart, by the request's accepted encodings.
 */
final class LoadedResources implements ResourceResolver {

	private final boolean enabled;

	private final long minSize;

	private final List<MediaType> types;

	LoadedResources(Compression compression) {
		this.enabled = compression.getEnabled();
		this.minSize = compression.getMinResponseSize().toBytes();
		this.types = MediaType.parseMediaTypes(Arrays.asList(compression.getAllMimeTypes()));
	}

	@Override
	public Mono<Resource> resolveResource(@Nullable ServerWebExchange exchange, String requestPath,
			List<? extends Resource> locations, ResourceResolverChain chain) {
		// Read once per file (the chain's cache keeps the result), off the event loop.
		boolean gzip = (exchange != null) && acceptsGzip(exchange.getRequest().getHeaders());
		return chain.resolveResource(exchange, requestPath, locations)
			.flatMap((found) -> Mono.fromCallable(() -> load(found, gzip)).subscribeOn(Schedulers.boundedElastic()));
	}

	/**
	 * Whether the request names gzip among its encodings, read as the resource chain's
	 * cache reads it (which keys its entries by the names alone).
	 */
	static boolean acceptsGzip(HttpHeaders headers) {
		return headers.getOrEmpty(HttpHeaders.ACCEPT_ENCODING)
			.stream()
			.flatMap((value) -> Arrays.stream(value.split(",")))
			.map((coding) -> coding.split(";", 2)[0].trim())
			.anyMatch("gzip"::equalsIgnoreCase);
	}

	@Override
	public Mono<String> resolveUrlPath(String resourceUrlPath, List<? extends Resource> locations,
			ResourceResolverChain chain) {
		return chain.resolveUrlPath(resourceUrlPath, locations);
	}

	/** A file as it is, with no headers of its own. */
	static Resource load(Resource found) throws IOException {
		return new Loaded(found.getContentAsByteArray(), null, found.lastModified(), found.getFilename(),
				found.getDescription());
	}

	private Resource load(Resource found, boolean gzip) throws IOException {
		byte[] content = found.getContentAsByteArray();
		if (!compressible(found.getFilename(), content.length)) {
			return new Loaded(content, null, found.lastModified(), found.getFilename(), found.getDescription());
		}
		HttpHeaders headers = new HttpHeaders();
		// Either form may be asked for at the same address: a shared cache must tell them
		// apart.
		headers.set(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		if (gzip) {
			headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
			content = gzipped(content);
		}
		return new Loaded(content, headers, found.lastModified(), found.getFilename(), found.getDescription());
	}

	/** Of a type and a size that the server would compress. */
	private boolean compressible(@Nullable String filename, int length) {
		if (!this.enabled || filename == null || length < this.minSize) {
			return false;
		}
		return MediaTypeFactory.getMediaType(filename)
			.map((type) -> this.types.stream().anyMatch(type::isCompatibleWith))
			.orElse(false);
	}

	private static byte[] gzipped(byte[] content) throws IOException {
		ByteArrayOutputStream gzipped = new ByteArrayOutputStream(content.length / 3);
		try (GZIPOutputStream out = new StrongestGzip(gzipped)) {
			out.write(content);
		}
		return gzipped.toByteArray();
	}

	/** A gzip stream at the level that makes the smallest files. */
	private static final class StrongestGzip extends GZIPOutputStream {

		StrongestGzip(ByteArrayOutputStream out) throws IOException {
			super(out);
			this.def.setLevel(Deflater.BEST_COMPRESSION);
		}

	}

	/**
	 * A file's content (maybe gzipped), its date and the headers that go with that form.
	 */
	static final class Loaded extends ByteArrayResource implements HttpResource {

		private final @Nullable HttpHeaders headers;

		private final long lastModified;

		private final @Nullable String filename;

		Loaded(byte[] content, @Nullable HttpHeaders headers, long lastModified, @Nullable String filename,
				String description) {
			super(content, description);
			this.headers = headers;
			this.lastModified = lastModified;
			this.filename = filename;
		}

		@Override
		public HttpHeaders getResponseHeaders() {
			return (this.headers != null) ? HttpHeaders.readOnlyHttpHeaders(this.headers) : HttpHeaders.EMPTY;
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
