package de.quartierdispatch.system;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * A page of the frontend module ({@code static/<file>}) under a path of its own: read
 * once and answered from memory ({@link LoadedResources}), revalidated on each visit like
 * the pages' other files. A page the build did not include is answered with 404.
 */
public final class StaticPage implements HandlerFunction<ServerResponse> {

	private final @Nullable Resource page;

	private StaticPage(@Nullable Resource page) {
		this.page = page;
	}

	/** The page {@code static/<file>} of the frontend module. */
	public static StaticPage of(String file) {
		Resource found = new ClassPathResource("static/" + file);
		try {
			return new StaticPage(found.exists() ? LoadedResources.load(found) : null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The page " + file + " could not be read", ex);
		}
	}

	@Override
	public Mono<ServerResponse> handle(ServerRequest request) {
		return (this.page != null) ? ServerResponse.ok()
			.contentType(MediaType.TEXT_HTML)
			.cacheControl(CacheControl.noCache())
			.bodyValue(this.page) : ServerResponse.notFound().build();
	}

}
