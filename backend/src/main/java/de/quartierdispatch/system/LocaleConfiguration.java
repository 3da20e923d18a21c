package de.quartierdispatch.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.i18n.AcceptHeaderLocaleContextResolver;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * Answers in the language the page asks for ({@code Accept-Language}), among the
 * supported ones.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration {

	@Bean(WebHttpHandlerBuilder.LOCALE_CONTEXT_RESOLVER_BEAN_NAME)
	LocaleContextResolver localeContextResolver() {
		AcceptHeaderLocaleContextResolver resolver = new AcceptHeaderLocaleContextResolver();
		resolver.setSupportedLocales(Language.locales());
		resolver.setDefaultLocale(Language.DEFAULT.locale());
		return resolver;
	}

}
