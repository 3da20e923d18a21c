package de.quartierdispatch.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in through the city's identity provider (OpenID Connect, e.g. Keycloak or Entra
 * ID), next to local accounts. The provider is configured with Spring Boot's own
 * properties under the registration id {@code city}
 * ({@code spring.security.oauth2.client.registration.city.*}, with
 * {@code provider.city.issuer-uri}); these say how its claims become an account here.
 *
 * @param label what the sign-in button says
 * @param usernameClaim the claim that names the account
 * @param roleClaim the claim listing the member's roles or groups
 * @param roles for each role here, the values of {@code roleClaim} that grant it; a
 * member whose claims grant none cannot sign in
 */
@ConfigurationProperties("quartier.security.oidc")
record OidcProperties(@DefaultValue("Dienstkonto der Stadt") String label,
		@DefaultValue("preferred_username") String usernameClaim, @DefaultValue("roles") String roleClaim,
		@DefaultValue Map<Role, List<String>> roles) {

	/** The registration id the provider is configured under. */
	public static final String REGISTRATION_ID = "city";

	/** The roles the given claim values grant. */
	Set<Role> rolesFor(Collection<String> claimValues) {
		Set<Role> granted = EnumSet.noneOf(Role.class);
		this.roles.forEach((role, values) -> {
			if (values.stream().anyMatch(claimValues::contains)) {
				granted.add(role);
			}
		});
		return granted;
	}

}
