package de.quartierdispatch.system;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The text of a request outside its JSON body (query parameters, path segments, form
 * fields) obeys the same rule as JSON strings ({@link TextNormalizer#storable}): a NUL
 * character or an unpaired surrogate is refused with 400 naming the parameter, before any
 * handler runs; so is a query whose percent-encoded bytes are not UTF-8. Headers never
 * reach here with a NUL: Netty refuses them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 110)
class StorableRequestTextFilter implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Optional<String> field = undecodable(exchange.getRequest().getURI().getRawQuery());
		if (field.isEmpty() && !StrictUtf8.percentDecodes(exchange.getRequest().getURI().getRawPath())) {
			// An overlong "/" (%C0%AF) in a segment, say: refused, not looked up as
			// decoded.
			field = Optional.of("path");
		}
		if (field.isEmpty()) {
			field = unstorable(exchange.getRequest().getQueryParams());
		}
		if (field.isEmpty()) {
			field = unstorablePathSegment(exchange.getRequest().getPath().pathWithinApplication());
		}
		if (field.isPresent()) {
			return Mono.error(new UnstorableTextException(field.get()));
		}
		if (MediaType.APPLICATION_FORM_URLENCODED
			.isCompatibleWith(exchange.getRequest().getHeaders().getContentType())) {
			return exchange.getFormData().onErrorMap(UnreadableBodies::asClientError).flatMap((form) -> {
				Optional<String> formField = unstorable(form);
				return formField.isPresent() ? Mono.error(new UnstorableTextException(formField.get()))
						: chain.filter(exchange);
			});
		}
		return chain.filter(exchange);
	}

	/**
	 * The parameter whose percent-encoded bytes are not UTF-8, by its name where it has
	 * one.
	 */
	private static Optional<String> undecodable(@Nullable String rawQuery) {
		if (StrictUtf8.percentDecodes(rawQuery)) {
			return Optional.empty();
		}
		for (String parameter : rawQuery.split("&")) {
			if (!StrictUtf8.percentDecodes(parameter)) {
				String name = parameter.split("=", 2)[0];
				try {
					return Optional.of((StrictUtf8.percentDecodes(name) && !name.isEmpty())
							? URLDecoder.decode(name, StandardCharsets.UTF_8) : "query");
				}
				catch (IllegalArgumentException ex) {
					return Optional.of("query");
				}
			}
		}
		return Optional.of("query");
	}

	private static Optional<String> unstorable(MultiValueMap<String, String> parameters) {
		for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
			String name = parameter.getKey();
			if (!TextNormalizer.storable(name)) {
				return Optional.of("?");
			}
			for (String value : parameter.getValue()) {
				if (value != null && !TextNormalizer.storable(value)) {
					return Optional.of(name);
				}
			}
		}
		return Optional.empty();
	}

	private static Optional<String> unstorablePathSegment(PathContainer path) {
		for (PathContainer.Element element : path.elements()) {
			if (element instanceof PathContainer.PathSegment segment
					&& !TextNormalizer.storable(segment.valueToMatch())) {
				return Optional.of("path");
			}
		}
		return Optional.empty();
	}

	/** A parameter (or the path) holding text that cannot be stored. */
	static final class UnstorableTextException extends InvalidFieldsException {

		UnstorableTextException(String field) {
			super(HttpStatus.BAD_REQUEST, "invalid-fields", List.of(new InvalidField(field, "UnstorableText")));
		}

	}

}
