package de.quartierdispatch.security;

import java.util.List;

import de.quartierdispatch.security.mfa.NewSecret;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The second factor for the signed-in member, also while their session waits for it:
 * where they stand, setting up an authenticator app, and the code step of a sign-in.
 */
@RestController
@RequestMapping("/api/auth/mfa")
class SecondFactorController {

	private final SecondFactorSignIn secondFactor;

	SecondFactorController(SecondFactorSignIn secondFactor) {
		this.secondFactor = secondFactor;
	}

	@GetMapping
	Mono<SecondFactorStatus> status(@AuthenticationPrincipal StaffPrincipal member) {
		return this.secondFactor.status(member);
	}

	/**
	 * Begins setting up an authenticator app: a new secret, not in force until confirmed.
	 */
	@PostMapping("/enrolment")
	Mono<NewSecret> begin(@AuthenticationPrincipal StaffPrincipal member) {
		return this.secondFactor.begin(member);
	}

	/** Confirms the new app with one of its codes; answers the recovery codes, once. */
	@PostMapping("/enrolment/confirm")
	Mono<RecoveryCodes> confirm(@AuthenticationPrincipal StaffPrincipal member, @Valid @RequestBody Confirmation code,
			ServerWebExchange exchange) {
		return this.secondFactor.confirm(member, code.code(), code.currentCode(), exchange).map(RecoveryCodes::new);
	}

	/** The code step of a sign-in: a code of the app or a recovery code. */
	@PostMapping("/verify")
	Mono<SecondFactorVerified> verify(@AuthenticationPrincipal StaffPrincipal member, @Valid @RequestBody Code code,
			ServerWebExchange exchange) {
		return this.secondFactor.verify(member, code.code(), exchange);
	}

	record Code(@NotBlank @Size(max = 32) String code) {
	}

	/**
	 * A new app's code; when it replaces an app in force, also a code of that one (or a
	 * recovery code).
	 */
	record Confirmation(@NotBlank @Size(max = 32) String code, @Nullable @Size(max = 32) String currentCode) {
	}

	record RecoveryCodes(List<String> recoveryCodes) {
	}

}
