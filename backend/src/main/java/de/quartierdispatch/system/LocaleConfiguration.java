package de.quartierdispatch.system;

import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.i18n.AcceptHeaderLocaleContextResolver;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * Answers in the language the page asks for, among the supported ones: a {@code lang}
 * query parameter first (a plain link, such as a download, cannot set a header, and the
 * page's language may differ from the browser's), else {@code Accept-Language}.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration {

	@Bean(WebHttpHandlerBuilder.LOCALE_CONTEXT_RESOLVER_BEAN_NAME)
	LocaleContextResolver localeContextResolver() {
		AcceptHeaderLocaleContextResolver resolver = new AcceptHeaderLocaleContextResolver() {

			@Override
			public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
				String asked = exchange.getRequest().getQueryParams().getFirst("lang");
				Optional<Language> language = (asked != null) ? Language.fromCode(asked) : Optional.empty();
				return language.<LocaleContext>map((chosen) -> new SimpleLocaleContext(chosen.locale()))
					.orElseGet(() -> super.resolveLocaleContext(exchange));
			}

		};
		resolver.setSupportedLocales(Language.locales());
		resolver.setDefaultLocale(Language.DEFAULT.locale());
		return resolver;
	}

}
