package de.quartierdispatch.security;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.WebFilter;

/**
 * Who may call what. Every page, API and the WebSocket is decided here, by role;
 * decisions about single objects (a team's own assignments, a dispatcher's quarters) are
 * made where the object is loaded.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
class SecurityConfiguration {

	private static final String[] PUBLIC_PAGES_AND_FILES = { "/", "/index.html", "/status/**", "/mail/stop",
			"/barrierefreiheit", "/leichte-sprache", "/login", "/favicon.ico", "/css/**", "/js/**", "/r/*/css/**",
			"/r/*/js/**", "/i18n/**", "/img/**", "/webjars/**", "/field-sw.js", "/field.webmanifest" };

	/** Files a shared cache may keep (application.yml, LoadedResources). */
	private static final List<String> SHARED_ANSWERS = List.of("/css/", "/js/", "/r/", "/i18n/", "/img/", "/webjars/");

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, SessionSecurityContextRepository contexts,
			RefusalAnswers refusals, MetricsAccess metrics, CsrfCookies csrfTokens,
			ObjectProvider<ReactiveClientRegistrationRepository> identityProviders, OidcSignIn oidcSignIn) {
		http.securityContextRepository(contexts)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens)
				.csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
				.requireCsrfProtectionMatcher(csrfProtected())
				.accessDeniedHandler(refusals.csrfRejected()))
			// Written for every answer by SecurityHeadersFilter, outside this chain.
			.headers(ServerHttpSecurity.HeaderSpec::disable)
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(refusals.entryPoint())
				.accessDeniedHandler(refusals.accessDenied()))
			.authorizeExchange((exchanges) -> exchanges
				// Public side: the form, the status page and what they read.
				.matchers(reads(PUBLIC_PAGES_AND_FILES))
				.permitAll()
				.matchers(reads(PublicApi.READS))
				.permitAll()
				.pathMatchers(HttpMethod.POST, PublicApi.SENDS_WITH_TOKEN)
				.permitAll()
				.pathMatchers(HttpMethod.POST, PublicApi.SENDS_WITHOUT_TOKEN)
				.permitAll()
				.pathMatchers(HttpMethod.OPTIONS, PublicApi.SENDS_WITH_TOKEN)
				.permitAll()
				.pathMatchers(HttpMethod.OPTIONS, PublicApi.SENDS_WITHOUT_TOKEN)
				.permitAll()
				// Open311 for partner apps (POST checks the app's key) and the API
				// description.
				.matchers(reads("/open311/v2/**", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml"))
				.permitAll()
				.pathMatchers(HttpMethod.POST, "/open311/v2/requests", "/open311/v2/requests.*")
				.permitAll()
				.pathMatchers("/actuator/health/**", "/actuator/info")
				.permitAll()
				.pathMatchers("/actuator/prometheus")
				.access(metrics)
				// Staff pages (the data they show comes from the APIs below).
				.matchers(reads("/counter"))
				.hasAnyRole(Role.COUNTER.name(), Role.DISPATCHER.name())
				.matchers(reads("/board"))
				.hasRole(Role.DISPATCHER.name())
				.matchers(reads("/field"))
				.hasRole(Role.FIELD.name())
				.matchers(reads("/admin"))
				.hasRole(Role.ADMIN.name())
				.matchers(reads("/stats"))
				.hasAnyRole(Role.ANALYST.name(), Role.ADMIN.name())
				.matchers(reads("/directory"))
				.hasAnyRole(Role.COUNTER.name(), Role.DISPATCHER.name())
				.matchers(reads("/partner"))
				.hasRole(Role.PARTNER.name())
				// The second factor: also for a session that waits for it (as
				// /api/auth/**).
				.matchers(reads("/mfa"))
				.authenticated()
				// Staff APIs.
				.pathMatchers("/api/auth/**")
				.authenticated()
				.pathMatchers("/api/counter/**")
				.hasAnyRole(Role.COUNTER.name(), Role.DISPATCHER.name())
				.pathMatchers("/api/field/**")
				.hasRole(Role.FIELD.name())
				.pathMatchers("/api/directory/**", "/api/referrals/**", "/api/referrals")
				.hasAnyRole(Role.COUNTER.name(), Role.DISPATCHER.name())
				.pathMatchers("/api/partner/**")
				.hasRole(Role.PARTNER.name())
				.pathMatchers("/api/routing/dry-run")
				.hasAnyRole(Role.DISPATCHER.name(), Role.ADMIN.name())
				// Photos: leads and the field teams on the incident (checked per photo);
				// leads hide.
				.pathMatchers(HttpMethod.POST, "/api/photos/*/hidden")
				.hasRole(Role.DISPATCHER.name())
				.matchers(reads("/api/photos", "/api/photos/**"))
				.hasAnyRole(Role.DISPATCHER.name(), Role.FIELD.name())
				.pathMatchers("/api/board/**", "/api/incidents/**")
				.hasRole(Role.DISPATCHER.name())
				.pathMatchers("/ws/board")
				.hasAnyRole(Role.DISPATCHER.name(), Role.FIELD.name())
				.pathMatchers("/api/stats/**")
				.hasAnyRole(Role.ANALYST.name(), Role.ADMIN.name())
				.pathMatchers("/api/admin/**", "/api/routing/**")
				.hasRole(Role.ADMIN.name())
				.anyExchange()
				.denyAll())
			.addFilterAfter(materializeCsrfToken(), SecurityWebFiltersOrder.CSRF);
		if (identityProviders.getIfAvailable() != null) {
			// Sign-in through the city's identity provider: its filters answer
			// /oauth2/authorization/city and the way back; the session is ours.
			http.oauth2Login((login) -> login.securityContextRepository(contexts)
				.authenticationSuccessHandler(oidcSignIn)
				.authenticationFailureHandler(oidcSignIn));
		}
		return http.build();
	}

	/**
	 * GET, HEAD for the same headers without the body (as an uptime monitor or a link
	 * checker asks), and OPTIONS for the methods the path allows: the same rule decides
	 * all three.
	 */
	private static ServerWebExchangeMatcher reads(String... paths) {
		return new OrServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, paths),
				ServerWebExchangeMatchers.pathMatchers(HttpMethod.HEAD, paths),
				ServerWebExchangeMatchers.pathMatchers(HttpMethod.OPTIONS, paths));
	}

	/**
	 * Every state-changing request carries the CSRF token, except the public sends that
	 * need none ({@link PublicApi#SENDS_WITHOUT_TOKEN} says why) and Open311 submissions,
	 * which ignore any session: they are authorised by the partner app's {@code api_key}
	 * alone.
	 */
	private static ServerWebExchangeMatcher csrfProtected() {
		ServerWebExchangeMatcher publicSubmission = new OrServerWebExchangeMatcher(
				ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, PublicApi.SENDS_WITHOUT_TOKEN),
				ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/open311/v2/requests",
						"/open311/v2/requests.*"));
		ServerWebExchangeMatcher safeMethod = ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/**");
		ServerWebExchangeMatcher head = ServerWebExchangeMatchers.pathMatchers(HttpMethod.HEAD, "/**");
		ServerWebExchangeMatcher options = ServerWebExchangeMatchers.pathMatchers(HttpMethod.OPTIONS, "/**");
		return new AndServerWebExchangeMatcher(
				new NegatedServerWebExchangeMatcher(new OrServerWebExchangeMatcher(safeMethod, head, options)),
				new NegatedServerWebExchangeMatcher(publicSubmission));
	}

	/**
	 * The CSRF cookie is written lazily: touch the token so that every page load and API
	 * call sets it. Not for files and the quarters' map, which a shared cache may keep: a
	 * cookie in them would be handed to every visitor, or keep the cache from keeping
	 * them.
	 */
	private static WebFilter materializeCsrfToken() {
		return (exchange, chain) -> {
			String path = exchange.getRequest().getPath().pathWithinApplication().value();
			if (SHARED_ANSWERS.stream().anyMatch(path::startsWith) || "/api/quarters".equals(path)) {
				return chain.filter(exchange);
			}
			Mono<CsrfToken> token = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
			return token.then(chain.filter(exchange));
		};
	}

}
