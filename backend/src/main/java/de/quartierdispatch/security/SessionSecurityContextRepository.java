package de.quartierdispatch.security;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Finds the signed-in staff member from the session cookie. Sessions are opened by the
 * sign-in endpoint, never implicitly, so {@link #save} has nothing to do.
 */
@Component
class SessionSecurityContextRepository implements ServerSecurityContextRepository {

	private final SessionCookies cookies;

	private final StaffSessions sessions;

	SessionSecurityContextRepository(SessionCookies cookies, StaffSessions sessions) {
		this.cookies = cookies;
		this.sessions = sessions;
	}

	@Override
	public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
		return Mono.empty();
	}

	/**
	 * The session, looked up once per request: Spring Security subscribes to the context
	 * for authorization and again for the handler's principal. Looked up each time, a
	 * session ended in between (another administrator demoting this one) passed
	 * authorization and then gave the handler no principal, a 500; and every request paid
	 * for the lookup twice.
	 */
	@Override
	public Mono<SecurityContext> load(ServerWebExchange exchange) {
		return Mono.justOrEmpty(this.cookies.read(exchange))
			.flatMap(this.sessions::find)
			.map(SessionSecurityContextRepository::toContext)
			.cache();
	}

	static SecurityContext toContext(StaffPrincipal principal) {
		// Waiting for the second factor: none of the account's roles count yet.
		var authorities = principal.secondFactorPending() ? List.of(SecondFactorSignIn.PENDING)
				: principal.roles().stream().map(Role::authority).toList();
		return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
	}

}
