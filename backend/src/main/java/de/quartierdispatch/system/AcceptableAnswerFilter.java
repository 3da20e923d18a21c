package de.quartierdispatch.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.ReactiveAdapter;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Content negotiation before the handler runs, for every endpoint at once: a request
 * whose {@code Accept} header names nothing the endpoint can answer in (or cannot be read
 * at all) is refused with 406 before anything is stored or audited. The framework would
 * only notice after the handler, when it writes the answer.
 * <p>
 * Requests accepting anything ({@code *}{@code /*}, as browsers and most clients send)
 * pass without a look-up.
 */
@Component
// Not in the command-line tools (quarter import), which start without a web server.
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@Order(Ordered.HIGHEST_PRECEDENCE + 120)
class AcceptableAnswerFilter implements WebFilter {

	private static final List<MediaType> ANYTHING = List.of(MediaType.ALL);

	private static final Set<String> UTF_8 = Set.of("utf-8", "utf8");

	/**
	 * What is left of an {@code Accept} naming nothing we answer in: no answer has it.
	 */
	private static final MediaType NOTHING_ANSWERED = new MediaType("application", "x-nothing-answered");

	private static final List<MediaType> NEVER_A_SUCCESS = List.of(MediaType.APPLICATION_PROBLEM_JSON,
			MediaType.APPLICATION_PROBLEM_XML, MediaType.TEXT_EVENT_STREAM, MediaType.APPLICATION_NDJSON);

	private final RequestMappingHandlerMapping handlers;

	private final ServerCodecConfigurer codecs;

	private final Map<HandlerMethod, List<MediaType>> producible = new ConcurrentHashMap<>();

	AcceptableAnswerFilter(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers,
			ServerCodecConfigurer codecs) {
		this.handlers = handlers;
		this.codecs = codecs;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		List<String> header = exchange.getRequest().getHeaders().getOrEmpty(HttpHeaders.ACCEPT);
		if (header.isEmpty()) {
			return chain.filter(exchange);
		}
		Optional<List<MediaType>> parsed = parse(header);
		Optional<List<MediaType>> accepted = parsed.map(AcceptableAnswerFilter::answerable)
			.map(AcceptableAnswerFilter::inUtf8)
			.map(AcceptableAnswerFilter::withoutParameters);
		ServerWebExchange negotiated = (parsed.equals(accepted)) ? exchange
				: exchange.mutate().request((request) -> request.headers((headers) -> {
					if (accepted.get().isEmpty()) {
						// Not "anything": a mapping that cannot answer in a type asked
						// for refuses before its handler runs.
						headers.setAccept(List.of(NOTHING_ANSWERED));
					}
					else {
						headers.setAccept(accepted.get());
					}
				})).build();
		if (accepted.isPresent() && accepted.get().stream().anyMatch(MediaType::isWildcardType)) {
			return chain.filter(negotiated);
		}
		return this.handlers.getHandler(exchange)
			.onErrorResume((failure) -> Mono.empty())
			.ofType(HandlerMethod.class)
			.map(this::producibleTypes)
			.filter((types) -> !acceptable(accepted, types))
			.flatMap((types) -> Mono.<Void>error(new NotAcceptableStatusException(types)))
			.switchIfEmpty(Mono.defer(() -> chain.filter(negotiated)));
	}

	/**
	 * The accepted types the application can answer in: every text it writes is UTF-8
	 * (JSON must be, RFC 8259), so a type asked for in another charset is not one of
	 * them. The charset parameter is dropped from the rest: asked for, the framework
	 * would encode the answer in it (or, for some bodies, fail with a server error).
	 */
	private static List<MediaType> inUtf8(List<MediaType> accepted) {
		if (accepted.stream().allMatch((type) -> type.getParameter("charset") == null)) {
			return accepted;
		}
		return accepted.stream()
			.filter((type) -> type.getParameter("charset") == null
					|| UTF_8.contains(type.getParameter("charset").toLowerCase(Locale.ROOT)))
			.map((type) -> {
				Map<String, String> parameters = new LinkedHashMap<>(type.getParameters());
				parameters.remove("charset");
				return new MediaType(type, parameters);
			})
			.toList();
	}

	/**
	 * Other parameters ({@code level=1}) say nothing about our answers, and the framework
	 * would copy them into the answer's {@code Content-Type}.
	 */
	private static List<MediaType> withoutParameters(List<MediaType> accepted) {
		if (accepted.stream()
			.allMatch((type) -> type.getParameters().keySet().equals(Set.of("q")) || type.getParameters().isEmpty())) {
			return accepted;
		}
		return accepted.stream().map((type) -> {
			MediaType plain = new MediaType(type.getType(), type.getSubtype());
			return (type.getParameter("q") != null) ? plain.copyQualityValue(type) : plain;
		}).toList();
	}

	/**
	 * The types the client accepts that an answer may have: one given with {@code q=0} is
	 * one it refuses (RFC 9110, 12.4.2), so {@code *}{@code /*;q=0} accepts nothing. A
	 * problem (which the client gets whenever something fails, whatever it asked for) and
	 * a stream of events or lines are no success's type: asked for alone, an answer would
	 * be JSON labelled as one of them.
	 */
	private static List<MediaType> answerable(List<MediaType> asked) {
		return asked.stream()
			.filter((type) -> type.getQualityValue() > 0)
			.filter((type) -> NEVER_A_SUCCESS.stream().noneMatch(type::equalsTypeAndSubtype))
			.toList();
	}

	private static Optional<List<MediaType>> parse(List<String> header) {
		try {
			return Optional.of(MediaType.parseMediaTypes(header));
		}
		catch (InvalidMediaTypeException ex) {
			return Optional.empty();
		}
	}

	private static boolean acceptable(Optional<List<MediaType>> accepted, List<MediaType> producible) {
		if (producible.isEmpty()) {
			// No body to negotiate.
			return true;
		}
		return accepted.isPresent()
				&& accepted.get().stream().anyMatch((wanted) -> producible.stream().anyMatch(wanted::isCompatibleWith));
	}

	private List<MediaType> producibleTypes(HandlerMethod handler) {
		return this.producible.computeIfAbsent(handler, this::findProducibleTypes);
	}

	private List<MediaType> findProducibleTypes(HandlerMethod handler) {
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : this.handlers.getHandlerMethods().entrySet()) {
			if (mapping.getValue().getMethod().equals(handler.getMethod())
					&& !mapping.getKey().getProducesCondition().isEmpty()) {
				return List.copyOf(mapping.getKey().getProducesCondition().getProducibleMediaTypes());
			}
		}
		ResolvableType body = bodyType(ResolvableType.forMethodReturnType(handler.getMethod()));
		if (body == null) {
			return List.of();
		}
		if (body.resolve(Object.class) == Object.class) {
			return ANYTHING;
		}
		List<MediaType> types = new ArrayList<>();
		for (HttpMessageWriter<?> writer : this.codecs.getWriters()) {
			if (writer.canWrite(body, null)) {
				types.addAll(writer.getWritableMediaTypes(body));
			}
		}
		return types.isEmpty() ? ANYTHING : List.copyOf(types);
	}

	/** The type written as the body, or {@code null} when there is none. */
	private static ResolvableType bodyType(ResolvableType returned) {
		ResolvableType type = returned;
		for (int unwrapped = 0; unwrapped < 3; unwrapped++) {
			Class<?> raw = type.resolve(Object.class);
			if (raw == void.class || raw == Void.class) {
				return null;
			}
			ReactiveAdapter adapter = ReactiveAdapterRegistry.getSharedInstance().getAdapter(raw);
			if (adapter != null) {
				if (adapter.isNoValue()) {
					return null;
				}
				type = type.getGeneric();
			}
			else if (HttpEntity.class.isAssignableFrom(raw)) {
				type = type.getGeneric();
			}
			else {
				return type;
			}
		}
		return type;
	}

}
