package de.quartierdispatch.security;

import java.net.URI;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The end of a sign-in through the city's identity provider: the member's claims become a
 * local account (created on the first sign-in, its roles and name updated on every one),
 * and the member gets a session like any other. Remits (team, contact point, quarters)
 * stay with the administrators here. A member whose claims grant no role, an account
 * disabled here, or a username already taken by a local account cannot sign in this way.
 *
 * <p>
 * The browser then goes to the sign-in page, which forwards to the member's start page:
 * arriving from the provider is a cross-site navigation, which does not carry the session
 * cookie (SameSite=Strict) until a page of this site navigates on.
 */
@Component
class OidcSignIn implements ServerAuthenticationSuccessHandler, ServerAuthenticationFailureHandler {

	private static final Logger logger = LoggerFactory.getLogger(OidcSignIn.class);

	private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,63}$");

	private static final String UPSERT = """
			WITH previous AS (SELECT roles FROM staff_user WHERE external_subject = :subject)
			INSERT INTO staff_user (username, display_name, roles, external_subject)
			VALUES (:username, :name, :roles, :subject)
			ON CONFLICT (external_subject) DO UPDATE
			    SET display_name = excluded.display_name, roles = excluded.roles, updated_at = now()
			RETURNING id, enabled, (SELECT roles FROM previous) AS previous_roles
			""";

	private final DatabaseClient db;

	private final StaffSessions sessions;

	private final SessionCookies cookies;

	private final OidcProperties properties;

	OidcSignIn(DatabaseClient db, StaffSessions sessions, SessionCookies cookies, OidcProperties properties) {
		this.db = db;
		this.sessions = sessions;
		this.cookies = cookies;
		this.properties = properties;
	}

	@Override
	public Mono<Void> onAuthenticationSuccess(WebFilterExchange exchange, Authentication authentication) {
		if (!(authentication.getPrincipal() instanceof OidcUser user)) {
			return refuse(exchange.getExchange(), "not an OpenID Connect sign-in");
		}
		Object usernameClaim = user.getClaims().get(this.properties.usernameClaim());
		String username = (usernameClaim != null) ? usernameClaim.toString().strip().toLowerCase(Locale.ROOT) : "";
		Set<Role> roles = this.properties.rolesFor(claimValues(user.getClaims().get(this.properties.roleClaim())));
		if (!USERNAME.matcher(username).matches()) {
			return refuse(exchange.getExchange(), "the username claim is missing or not usable");
		}
		if (roles.isEmpty()) {
			return refuse(exchange.getExchange(), "the claims grant no role");
		}
		String subject = user.getIssuer() + "#" + user.getSubject();
		String name = (user.getFullName() != null) ? user.getFullName() : username;
		return this.db.sql(UPSERT)
			.bind("username", username)
			.bind("name", name)
			.bind("roles", roles.stream().map(Role::name).toArray(String[]::new))
			.bind("subject", subject)
			.map((row) -> new Account(row.get("id", Long.class), Boolean.TRUE.equals(row.get("enabled", Boolean.class)),
					row.get("previous_roles", String[].class)))
			.one()
			.flatMap((account) -> account.enabled() ? open(exchange.getExchange(), account, roles)
					: refuse(exchange.getExchange(), "the account " + username + " is disabled"))
			.onErrorResume(DataIntegrityViolationException.class, (taken) -> refuse(exchange.getExchange(),
					"the username " + username + " belongs to a local account"));
	}

	private Mono<Void> open(ServerWebExchange exchange, Account account, Set<Role> roles) {
		// Roles taken away at the provider end the sessions that still carry them.
		boolean narrowed = account.previousRoles() != null
				&& Arrays.stream(account.previousRoles()).map(Role::valueOf).anyMatch((role) -> !roles.contains(role));
		Mono<Long> endOld = narrowed ? this.sessions.closeAll(account.id()) : Mono.just(0L);
		return endOld.then(this.sessions.open(account.id())).flatMap((token) -> {
			logger.info("Sign-in of user id {} through the identity provider succeeded", account.id());
			this.cookies.write(exchange, token);
			return redirect(exchange, "/login?signedIn");
		});
	}

	@Override
	public Mono<Void> onAuthenticationFailure(WebFilterExchange exchange, AuthenticationException exception) {
		return refuse(exchange.getExchange(), exception.getMessage());
	}

	private Mono<Void> refuse(ServerWebExchange exchange, String why) {
		logger.warn("Sign-in through the identity provider refused: {}", why);
		return redirect(exchange, "/login?providerRefused");
	}

	private static Mono<Void> redirect(ServerWebExchange exchange, String location) {
		exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
		exchange.getResponse().getHeaders().setLocation(URI.create(location));
		return exchange.getResponse().setComplete();
	}

	private static Collection<String> claimValues(Object claim) {
		if (claim instanceof Collection<?> values) {
			return values.stream().map(String::valueOf).toList();
		}
		return (claim != null) ? List.of(String.valueOf(claim)) : List.of();
	}

	private record Account(long id, boolean enabled, String[] previousRoles) {
	}

}
