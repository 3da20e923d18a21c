package de.quartierdispatch.security;

import java.net.URI;
import java.time.Duration;

import de.quartierdispatch.system.MapProperties;
import de.quartierdispatch.system.ProblemResponses;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
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

	private static final String[] STAFF_PAGES = { "/counter", "/board", "/field", "/admin", "/stats" };

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, SessionSecurityContextRepository contexts,
			ProblemResponses problems, MapProperties map, MetricsAccess metrics,
			ObjectProvider<ReactiveClientRegistrationRepository> identityProviders, OidcSignIn oidcSignIn) {
		CookieServerCsrfTokenRepository csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
		csrfTokens.setCookieCustomizer((cookie) -> cookie.sameSite("Strict"));
		http.securityContextRepository(contexts)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens)
				.csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
				.requireCsrfProtectionMatcher(csrfProtected())
				.accessDeniedHandler((exchange, denied) -> Mono.error(new CsrfTokenRejectedException())))
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives(contentSecurityPolicy(map)))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				.permissionsPolicy((permissions) -> permissions.policy("geolocation=(self), camera=(), microphone=()"))
				.hsts((hsts) -> hsts.maxAge(Duration.ofDays(365)).includeSubdomains(true))
				.cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint(problems))
				.accessDeniedHandler(accessDenied(problems)))
			.authorizeExchange((exchanges) -> exchanges
				// Public side: the form, the status page and what they read.
				.pathMatchers(HttpMethod.GET, "/", "/index.html", "/status/**", "/login", "/favicon.ico", "/css/**",
						"/js/**", "/i18n/**", "/img/**", "/webjars/**")
				.permitAll()
				.pathMatchers(HttpMethod.GET, "/api/quarters", "/api/quarters/locate", "/api/categories", "/api/config",
						"/api/geocode", "/api/contact-points", "/api/reports/*")
				.permitAll()
				.pathMatchers(HttpMethod.POST, "/api/reports", "/api/auth/login")
				.permitAll()
				.pathMatchers(HttpMethod.GET, "/api/auth/providers")
				.permitAll()
				.pathMatchers("/actuator/health/**", "/actuator/info")
				.permitAll()
				.pathMatchers("/actuator/prometheus")
				.access(metrics)
				// Staff pages (the data they show comes from the APIs below).
				.pathMatchers(HttpMethod.GET, "/counter")
				.hasAnyRole(Role.COUNTER.name(), Role.DISPATCHER.name())
				.pathMatchers(HttpMethod.GET, "/board")
				.hasRole(Role.DISPATCHER.name())
				.pathMatchers(HttpMethod.GET, "/field")
				.hasRole(Role.FIELD.name())
				.pathMatchers(HttpMethod.GET, "/admin")
				.hasRole(Role.ADMIN.name())
				.pathMatchers(HttpMethod.GET, "/stats")
				.hasAnyRole(Role.ANALYST.name(), Role.ADMIN.name())
				// Staff APIs.
				.pathMatchers("/api/auth/**")
				.authenticated()
				.pathMatchers("/api/counter/**")
				.hasAnyRole(Role.COUNTER.name(), Role.DISPATCHER.name())
				.pathMatchers("/api/field/**")
				.hasRole(Role.FIELD.name())
				.pathMatchers("/api/routing/dry-run")
				.hasAnyRole(Role.DISPATCHER.name(), Role.ADMIN.name())
				.pathMatchers("/api/board/**", "/api/incidents/**", "/api/teams/**")
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
	 * Every state-changing request carries the CSRF token, except the public report
	 * submission: it ignores any session, and as it accepts only
	 * {@code application/json}, a foreign page cannot send it without a CORS preflight
	 * that this server never grants.
	 */
	private static ServerWebExchangeMatcher csrfProtected() {
		ServerWebExchangeMatcher publicSubmission = ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST,
				"/api/reports");
		ServerWebExchangeMatcher safeMethod = ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/**");
		ServerWebExchangeMatcher head = ServerWebExchangeMatchers.pathMatchers(HttpMethod.HEAD, "/**");
		ServerWebExchangeMatcher options = ServerWebExchangeMatchers.pathMatchers(HttpMethod.OPTIONS, "/**");
		return new AndServerWebExchangeMatcher(
				new NegatedServerWebExchangeMatcher(new OrServerWebExchangeMatcher(safeMethod, head, options)),
				new NegatedServerWebExchangeMatcher(publicSubmission));
	}

	/**
	 * The CSRF cookie is written lazily: touch the token so that every page load sets it.
	 */
	private static WebFilter materializeCsrfToken() {
		return (exchange, chain) -> {
			Mono<CsrfToken> token = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
			return token.then(chain.filter(exchange));
		};
	}

	private static String contentSecurityPolicy(MapProperties map) {
		String tiles = tileOrigin(map.tileUrl());
		return String.join("; ", "default-src 'self'", "script-src 'self'", "style-src 'self'",
				"img-src 'self' data: " + tiles, "connect-src 'self'", "font-src 'self'", "object-src 'none'",
				"base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'");
	}

	private static String tileOrigin(String tileUrl) {
		URI uri = URI.create(tileUrl.replace("{", "").replace("}", ""));
		return (uri.getScheme() == null || uri.getHost() == null) ? "" : uri.getScheme() + "://" + uri.getAuthority();
	}

	/**
	 * Not signed in: pages send the browser to the sign-in page, APIs answer 401.
	 */
	private static ServerAuthenticationEntryPoint entryPoint(ProblemResponses problems) {
		ServerWebExchangeMatcher pages = pages();
		return (exchange, failure) -> pages.matches(exchange).flatMap((match) -> {
			if (match.isMatch()) {
				String next = exchange.getRequest().getPath().value();
				exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
				exchange.getResponse().getHeaders().setLocation(URI.create("/login?next=" + next));
				return exchange.getResponse().setComplete();
			}
			return problems.write(exchange, HttpStatus.UNAUTHORIZED);
		});
	}

	/**
	 * Signed in without the role: pages send the browser to the sign-in page (to switch
	 * accounts), APIs answer 403.
	 */
	private static ServerAccessDeniedHandler accessDenied(ProblemResponses problems) {
		ServerWebExchangeMatcher pages = pages();
		return (exchange, denied) -> pages.matches(exchange).flatMap((match) -> {
			if (match.isMatch()) {
				String next = exchange.getRequest().getPath().value();
				exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
				exchange.getResponse().getHeaders().setLocation(URI.create("/login?denied&next=" + next));
				return exchange.getResponse().setComplete();
			}
			return problems.write(exchange, HttpStatus.FORBIDDEN);
		});
	}

	private static ServerWebExchangeMatcher pages() {
		return ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, STAFF_PAGES);
	}

}
