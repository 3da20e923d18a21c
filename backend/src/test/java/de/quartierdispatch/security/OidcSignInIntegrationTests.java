package de.quartierdispatch.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import de.quartierdispatch.support.Accessibility;
import de.quartierdispatch.support.BrowserExtension;
import de.quartierdispatch.support.BrowserExtension.BrowserSession;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in through the city's identity provider, against a real OpenID Connect provider
 * (mock-oauth2-server): authorization code flow, ID token checked against the provider's
 * keys, claims mapped to an account and roles here; local sign-in keeps working.
 */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
class OidcSignInIntegrationTests {

	private static MockOAuth2Server provider;

	@Autowired
	private WebTestClient client;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void startProvider() {
		provider = new MockOAuth2Server();
		provider.start();
	}

	@AfterAll
	static void stopProvider() {
		provider.shutdown();
	}

	@DynamicPropertySource
	static void cityProvider(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.client.registration.city.client-id", () -> "quartier-dispatch");
		registry.add("spring.security.oauth2.client.registration.city.client-secret", () -> "not-a-real-secret");
		registry.add("spring.security.oauth2.client.registration.city.scope", () -> "openid,profile");
		registry.add("spring.security.oauth2.client.provider.city.issuer-uri",
				() -> provider.issuerUrl("city").toString());
		registry.add("quartier.security.oidc.label", () -> "Dienstkonto der Stadt Bottrop");
		registry.add("quartier.security.oidc.roles.DISPATCHER", () -> "leitstelle");
		registry.add("quartier.security.oidc.roles.ANALYST", () -> "statistik");
	}

	@Test
	void theSignInPageOffersTheCityProvider() {
		this.client.get()
			.uri("/api/auth/providers")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].label")
			.isEqualTo("Dienstkonto der Stadt Bottrop")
			.jsonPath("$[0].path")
			.isEqualTo("/oauth2/authorization/city");
	}

	@Test
	void aMemberSignsInWithTheRolesTheirClaimsGrantAndLosesSessionsWhenARoleIsTakenAway() throws Exception {
		SignedIn first = signInThroughProvider("4711-ks", "K.Schmidt", List.of("leitstelle", "kantine"));
		assertThat(first.location()).isEqualTo("/login?signedIn");
		JsonNode me = me(first.session());
		assertThat(me.path("username").asString()).isEqualTo("k.schmidt");
		assertThat(me.path("displayName").asString()).isEqualTo("Karin Schmidt");
		assertThat(me.path("roles").toString()).isEqualTo("[\"DISPATCHER\"]");
		this.client.get().uri("/board").cookie("QD_SESSION", first.session()).exchange().expectStatus().isOk();

		SignedIn second = signInThroughProvider("4711-ks", "K.Schmidt", List.of("statistik"));
		assertThat(me(second.session()).path("roles").toString()).isEqualTo("[\"ANALYST\"]");
		this.client.get()
			.uri("/api/auth/me")
			.cookie("QD_SESSION", first.session())
			.exchange()
			.expectStatus()
			.isUnauthorized();
		assertThat(TestDatabase.queryString(
				"SELECT count(*) || ':' || min(username) FROM staff_user WHERE external_subject LIKE '%#4711-ks'"))
			.isEqualTo("1:k.schmidt");
	}

	@Test
	void claimsThatGrantNoRoleOpenNothing() throws Exception {
		SignedIn refused = signInThroughProvider("4712-kantine", "m.mueller", List.of("kantine"));
		assertThat(refused.location()).isEqualTo("/login?providerRefused");
		assertThat(refused.session()).isNull();
		assertThat(TestDatabase
			.queryString("SELECT count(*) FROM staff_user WHERE external_subject LIKE '%#4712-kantine'"))
			.isEqualTo("0");
	}

	@Test
	void aProviderAccountCannotTakeOverALocalAccountsUsername() throws Exception {
		SignedIn refused = signInThroughProvider("4713-other", "dispatcher", List.of("leitstelle"));
		assertThat(refused.location()).isEqualTo("/login?providerRefused");
		assertThat(refused.session()).isNull();
	}

	@Test
	void aTeamLeadSignsInWithTheCityAccountInTheBrowserAndLandsOnTheBoard(BrowserSession browser) {
		provider.enqueueCallback(new DefaultOAuth2TokenCallback("city", "4714-ay", "JWT", List.of("quartier-dispatch"),
				Map.of("preferred_username", "a.yilmaz", "name", "Ayşe Yılmaz", "roles", List.of("leitstelle")), 3600));
		Page page = browser.newPage();
		page.navigate("http://localhost:" + this.port + "/board");
		page.waitForURL("**/login?next=/board");
		Locator cityAccount = page.getByRole(AriaRole.LINK,
				new Page.GetByRoleOptions().setName("Dienstkonto der Stadt Bottrop"));
		PlaywrightAssertions.assertThat(cityAccount).isVisible();
		Accessibility.assertNoSeriousViolations(page);
		cityAccount.click();
		page.waitForURL("**/board");
		PlaywrightAssertions.assertThat(page.locator("h1")).hasText("Einsatzübersicht");
	}

	@Test
	void aSignInThroughTheProviderIsNotAskedForASecondFactor() throws Exception {
		SignedIn signedIn = signInThroughProvider("4715-jb", "j.berger", List.of("leitstelle"));
		assertThat(me(signedIn.session()).path("secondFactorPending").asBoolean()).isFalse();
		this.client.get().uri("/board").cookie("QD_SESSION", signedIn.session()).exchange().expectStatus().isOk();
		this.client.get()
			.uri("/api/auth/mfa")
			.cookie("QD_SESSION", signedIn.session())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("PROVIDER");
	}

	@Test
	void localSignInKeepsWorking() {
		String session = StaffLogin.sessionToken(this.client, "dispatcher");
		assertThat(me(session).path("username").asString()).isEqualTo("dispatcher");
	}

	/**
	 * The browser's way through the authorization code flow: to the provider, which
	 * answers at once with a code for the queued identity, and back.
	 */
	private SignedIn signInThroughProvider(String subject, String username, List<String> roles)
			throws IOException, InterruptedException {
		provider.enqueueCallback(new DefaultOAuth2TokenCallback("city", subject, "JWT", List.of("quartier-dispatch"),
				Map.of("preferred_username", username, "name", "Karin Schmidt", "roles", roles), 3600));
		EntityExchangeResult<byte[]> start = this.client.get()
			.uri("/oauth2/authorization/city")
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectBody()
			.returnResult();
		ResponseCookie webSession = start.getResponseCookies().getFirst("SESSION");
		assertThat(webSession).as("the session that keeps the authorization request").isNotNull();
		HttpResponse<Void> atProvider = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(start.getResponseHeaders().getLocation()).build(),
					HttpResponse.BodyHandlers.discarding());
		URI callback = URI.create(atProvider.headers().firstValue("Location").orElseThrow());
		EntityExchangeResult<byte[]> back = this.client.get()
			.uri(callback)
			.cookie("SESSION", webSession.getValue())
			.exchange()
			.expectStatus()
			.isSeeOther()
			.expectBody()
			.returnResult();
		ResponseCookie session = back.getResponseCookies().getFirst("QD_SESSION");
		return new SignedIn(back.getResponseHeaders().getLocation().toString(),
				(session != null) ? session.getValue() : null);
	}

	private JsonNode me(String session) {
		return this.client.get()
			.uri("/api/auth/me")
			.cookie("QD_SESSION", session)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	private record SignedIn(String location, String session) {
	}

}
