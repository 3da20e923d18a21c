package de.quartierdispatch.apidoc;

import java.util.Locale;

import de.quartierdispatch.system.Language;
import org.springdoc.core.properties.SpringDocConfigProperties;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The API description is one document for every caller: nothing in it is translated. But
 * springdoc builds and keeps a copy per language the request asks for, each taking a
 * second or more of CPU; built at start for all eight languages (pre-loading), that kept
 * a small VM busy for seconds after every start, and a language not built yet held up its
 * request's event loop while it was built. So springdoc is asked in the default language
 * only, the one it pre-loads ({@code springdoc.pre-loading-locales}). This filter runs
 * last, right before springdoc, so that no other filter sees the changed language: what
 * they answer stays in the caller's.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
// Only where springdoc serves the description: not in a command-line run (quarter
// import).
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = "springdoc.api-docs.enabled", matchIfMissing = true)
class ApiDocsInOneLanguage implements WebFilter {

	private static final Locale LANGUAGE = Language.DEFAULT.locale();

	private static final LocaleContext IN_THE_DEFAULT_LANGUAGE = () -> LANGUAGE;

	/**
	 * Where springdoc serves the description ({@code springdoc.api-docs.path}), and
	 * below.
	 */
	private final String path;

	ApiDocsInOneLanguage(SpringDocConfigProperties springdoc) {
		this.path = springdoc.getApiDocs().getPath();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!exchange.getRequest().getPath().value().startsWith(this.path)) {
			return chain.filter(exchange);
		}
		return chain.filter(new ServerWebExchangeDecorator(exchange) {
			@Override
			public LocaleContext getLocaleContext() {
				return IN_THE_DEFAULT_LANGUAGE;
			}
		});
	}

}
