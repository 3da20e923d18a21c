package de.quartierdispatch.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * A page of the frontend module ({@code static/<file>}) under a path of its own: read
 * once and answered from memory, revalidated on each visit. Its own styles and scripts
 * are named under the release's path ({@link FrontendRelease}), so that a browser keeps
 * them until the next release; the page itself is answered with 304 while the release is
 * the same. A page the build did not include is answered with 404.
 */
public final class StaticPage implements HandlerFunction<ServerResponse> {

	/**
	 * Weak: the server compresses the page for clients that accept it, and a strong tag
	 * would claim the gzip and the plain bytes are the same.
	 */
	private static final String RELEASE = "W/\"" + FrontendRelease.tag() + "\"";

	private final @Nullable Resource page;

	private StaticPage(@Nullable Resource page) {
		this.page = page;
	}

	/**
	 * Where a page is asked for: GET, HEAD for a client that wants the headers alone (an
	 * uptime monitor, a link checker), which a GET route does not answer by itself, and
	 * OPTIONS for what it allows.
	 */
	public static RequestPredicate at(String pathPattern) {
		return RequestPredicates.methods(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS)
			.and(RequestPredicates.path(pathPattern));
	}

	/** The page {@code static/<file>} of the frontend module. */
	public static StaticPage of(String file) {
		return load(file, true);
	}

	/**
	 * The page as it is, its files named by their plain paths: for a page whose service
	 * worker keeps its files by those paths for use without a network.
	 */
	public static StaticPage withPlainPaths(String file) {
		return load(file, false);
	}

	private static StaticPage load(String file, boolean versioned) {
		Resource found = new ClassPathResource("static/" + file);
		try {
			if (!found.exists()) {
				return new StaticPage(null);
			}
			if (!versioned) {
				return new StaticPage(LoadedResources.load(found));
			}
			byte[] page = FrontendRelease.versioned(found.getContentAsString(StandardCharsets.UTF_8))
				.getBytes(StandardCharsets.UTF_8);
			return new StaticPage(new LoadedResources.Loaded(page, null, found.lastModified(), found.getFilename(),
					found.getDescription()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The page " + file + " could not be read", ex);
		}
	}

	/**
	 * Writes the page as the answer with the given status, outside the routes (for an
	 * address no route serves, answered by the security configuration).
	 */
	public Mono<Void> writeTo(ServerWebExchange exchange, HttpStatus status) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		if (this.page == null) {
			return response.setComplete();
		}
		response.getHeaders().setContentType(MediaType.TEXT_HTML);
		response.getHeaders().setCacheControl(CacheControl.noStore());
		byte[] body;
		try {
			body = this.page.getContentAsByteArray();
		}
		catch (IOException ex) {
			return Mono.error(new UncheckedIOException(ex));
		}
		response.getHeaders().setContentLength(body.length);
		if (HttpMethod.HEAD.equals(exchange.getRequest().getMethod())) {
			return response.setComplete();
		}
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

	@Override
	public Mono<ServerResponse> handle(ServerRequest request) {
		if (this.page == null) {
			return ServerResponse.notFound().build();
		}
		if (request.method() == HttpMethod.OPTIONS) {
			return ServerResponse.ok().allow(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS).build();
		}
		// A page changes only with a release: the release's tag tells a browser whether
		// the copy it has is still the page.
		return request.checkNotModified(RELEASE)
			.switchIfEmpty(Mono.defer(() -> ServerResponse.ok()
				.contentType(MediaType.TEXT_HTML)
				.cacheControl(CacheControl.noCache())
				.eTag(RELEASE)
				.bodyValue(this.page)));
	}

}
