package de.quartierdispatch.system;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * What a browser gets for an address no page answers (a mistyped or cut-off link from a
 * letter or a mail): a page in the reader's language that says where to go next, with
 * status 404, instead of problem details meant for programs. API clients, and anything
 * that does not ask for HTML by name, keep getting problem details.
 */
public final class NotFoundPage {

	private static final StaticPage PAGE = StaticPage.of("not-found.html");

	private static final List<String> SERVICES = List.of("/api/", "/ws/", "/open311/", "/actuator/", "/v3/", "/oauth2/",
			"/login/", "/i18n/");

	private NotFoundPage() {
	}

	/**
	 * Whether the request is a browser asking for a page (GET or HEAD, HTML named in
	 * Accept).
	 */
	public static boolean wanted(ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		if (!HttpMethod.GET.equals(request.getMethod()) && !HttpMethod.HEAD.equals(request.getMethod())) {
			return false;
		}
		String path = request.getPath().pathWithinApplication().value();
		if (SERVICES.stream().anyMatch(path::startsWith)) {
			return false;
		}
		try {
			return request.getHeaders()
				.getAccept()
				.stream()
				.anyMatch((type) -> type.getQualityValue() > 0 && MediaType.TEXT_HTML.equalsTypeAndSubtype(type));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	public static Mono<Void> write(ServerWebExchange exchange) {
		return PAGE.writeTo(exchange, HttpStatus.NOT_FOUND);
	}

}
