package de.quartierdispatch.security;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the sign-in page offers besides username and password: the city's identity
 * provider, when one is configured.
 */
@RestController
class SignInProviderController {

	private final ObjectProvider<ReactiveClientRegistrationRepository> registrations;

	private final OidcProperties properties;

	SignInProviderController(ObjectProvider<ReactiveClientRegistrationRepository> registrations,
			OidcProperties properties) {
		this.registrations = registrations;
		this.properties = properties;
	}

	@GetMapping("/api/auth/providers")
	Mono<List<Provider>> providers() {
		ReactiveClientRegistrationRepository repository = this.registrations.getIfAvailable();
		if (repository == null) {
			return Mono.just(List.of());
		}
		return repository.findByRegistrationId(OidcProperties.REGISTRATION_ID)
			.map((registration) -> List
				.of(new Provider(this.properties.label(), "/oauth2/authorization/" + OidcProperties.REGISTRATION_ID)))
			.defaultIfEmpty(List.of());
	}

	/**
	 * A way to sign in.
	 *
	 * @param label what the button says
	 * @param path where it leads
	 */
	record Provider(String label, String path) {
	}

}
