package de.quartierdispatch.system;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names that differ only in case name the same thing to a person: a second partner
 * organisation "caritas …" next to "Caritas …", or a second webhook subscriber, is
 * refused like the same name (teams and contact points: their administration tests).
 */
@IntegrationTest
class NamesInAnyCaseIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Test
	void aPartnerOrganisationsNameIsTakenInAnyCase() {
		WebTestClient admin = StaffLogin.as(this.client, "admin");
		String name = "Beratungsstelle " + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
		organisation(admin, name).expectStatus().isCreated();
		organisation(admin.mutate().defaultHeader("Accept-Language", "de").build(), name.toLowerCase(Locale.ROOT))
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("name")
			.jsonPath("$.errors[0].message")
			.isEqualTo("Eine Organisation mit diesem Namen gibt es schon.");
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM partner_organisation WHERE name ILIKE '" + name + "'"))
			.isEqualTo(1);
	}

	@Test
	void aWebhookSubscribersNameIsTakenInAnyCase() {
		WebTestClient admin = StaffLogin.as(this.client, "admin");
		String name = "Stadt-System " + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
		try {
			subscriber(admin, name).expectStatus().isCreated();
			subscriber(admin, name.toLowerCase(Locale.ROOT)).expectStatus()
				.isEqualTo(409)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:problem:quartier-dispatch:webhook-name-taken");
			assertThat(
					TestDatabase.queryLong("SELECT count(*) FROM webhook_subscriber WHERE name ILIKE '" + name + "'"))
				.isEqualTo(1);
		}
		finally {
			// Gone again, so that no sender tries the address while later tests run.
			TestDatabase.queryString("DELETE FROM webhook_subscriber WHERE name ILIKE '" + name + "' RETURNING 'gone'");
		}
	}

	private static WebTestClient.ResponseSpec organisation(WebTestClient admin, String name) {
		return admin.post()
			.uri("/api/admin/partners")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", name, "kind", "FREE_CARRIER", "active", true))
			.exchange();
	}

	private static WebTestClient.ResponseSpec subscriber(WebTestClient admin, String name) {
		return admin.post()
			.uri("/api/admin/webhooks")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(
					Map.of("name", name, "url", "https://stadt.example.org/hook", "events", Set.of("INCIDENT_OPENED")))
			.exchange();
	}

}
