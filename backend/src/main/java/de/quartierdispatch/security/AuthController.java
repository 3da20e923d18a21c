package de.quartierdispatch.security;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Sign-in, sign-out and "who am I" for the staff pages.
 */
@RestController
@RequestMapping("/api/auth")
class AuthController {

	private final SignIn signIn;

	private final StaffSessions sessions;

	private final SessionCookies cookies;

	AuthController(SignIn signIn, StaffSessions sessions, SessionCookies cookies) {
		this.signIn = signIn;
		this.sessions = sessions;
		this.cookies = cookies;
	}

	@PostMapping("/login")
	Mono<CurrentUser> login(@Valid @RequestBody Credentials credentials, ServerWebExchange exchange) {
		Mono<Void> endPrevious = Mono.justOrEmpty(this.cookies.read(exchange)).flatMap(this.sessions::close);
		return endPrevious.then(this.signIn.signIn(credentials.username(), credentials.password())).flatMap((token) -> {
			this.cookies.write(exchange, token);
			return this.sessions.find(token);
		}).map(CurrentUser::of);
	}

	/**
	 * Signs out everywhere: every session of the account ends, with its live connections.
	 */
	@PostMapping("/logout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> logout(@AuthenticationPrincipal @Nullable StaffPrincipal principal, ServerWebExchange exchange) {
		this.cookies.clear(exchange);
		if (principal == null) {
			return Mono.empty();
		}
		if (principal.secondFactorPending()) {
			// The password alone must not end the sessions of the member's other devices.
			return Mono.justOrEmpty(this.cookies.read(exchange)).flatMap(this.sessions::close);
		}
		return this.sessions.closeAll(principal.userId()).then();
	}

	@GetMapping("/me")
	CurrentUser me(@AuthenticationPrincipal StaffPrincipal principal) {
		return CurrentUser.of(principal);
	}

	record Credentials(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 256) String password) {
	}

	/**
	 * The signed-in member. With {@code secondFactorPending}, only the password was
	 * checked: the sign-in continues on the second factor's page.
	 */
	record CurrentUser(String username, String displayName, List<Role> roles, @Nullable Long contactPointId,
			@Nullable Long teamId, boolean secondFactorPending) {

		static CurrentUser of(StaffPrincipal principal) {
			return new CurrentUser(principal.username(), principal.displayName(),
					principal.roles().stream().sorted().toList(), principal.contactPointId(), principal.teamId(),
					principal.secondFactorPending());
		}

	}

}
