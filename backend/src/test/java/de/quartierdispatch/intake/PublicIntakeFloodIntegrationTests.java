package de.quartierdispatch.intake;

import java.util.Map;
import java.util.UUID;

import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.StaffLogin;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flood from one client: past its allowance it gets 429 with Retry-After, and nothing
 * of the refused submissions is stored.
 */
@IntegrationTest
@TestPropertySource(properties = { "quartier.intake.submissions-per-client=3",
		"quartier.intake.status-lookups-per-minute=5", "quartier.intake.counter-nearby-per-minute=4" })
class PublicIntakeFloodIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Test
	void aFloodOfSubmissionsIsCutOffWith429AndRetryAfter() {
		int created = 0;
		int refused = 0;
		for (int i = 0; i < 10; i++) {
			int status = this.client.post()
				.uri("/api/reports")
				.contentType(MediaType.APPLICATION_JSON)
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.bodyValue(Map.of("category", "NOISE", "description", "Laute Musik im Hinterhof " + i, "location",
						Map.of("lat", 51.5236, "lon", 6.9286), "language", "de"))
				.exchange()
				.expectHeader()
				.value("Retry-After", (value) -> {
				})
				.returnResult(String.class)
				.getStatus()
				.value();
			if (status == 201) {
				created++;
			}
			else {
				assertThat(status).isEqualTo(429);
				refused++;
			}
		}
		assertThat(created).isEqualTo(3);
		assertThat(refused).isEqualTo(7);
		this.client.post()
			.uri("/api/reports")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.bodyValue(Map.of("category", "NOISE"))
			.exchange()
			.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.value("Retry-After", (seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 600L))
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void theCountersLookAtIncidentsNearbyCannotWalkTheCity() {
		WebTestClient counter = StaffLogin.as(this.client, "counter");
		for (int i = 0; i < 4; i++) {
			counter.get()
				.uri("/api/counter/nearby?category=NOISE&lat=51.52{i}&lon=6.93", i)
				.exchange()
				.expectStatus()
				.isOk();
		}
		counter.get()
			.uri("/api/counter/nearby?category=NOISE&lat=51.53&lon=6.93")
			.exchange()
			.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void statusLookupsCannotEnumerateTrackingCodes() {
		int notFound = 0;
		int refused = 0;
		for (int i = 0; i < 20; i++) {
			// HEAD tells as much as GET (404 or not): both count against one allowance.
			int status = this.client.method((i % 2 == 0) ? HttpMethod.GET : HttpMethod.HEAD)
				.uri("/api/reports/AAAA-AAAA-AA{n}", String.format("%02d", i))
				.exchange()
				.returnResult(String.class)
				.getStatus()
				.value();
			if (status == 404) {
				notFound++;
			}
			else {
				assertThat(status).isEqualTo(429);
				refused++;
			}
		}
		assertThat(notFound).isEqualTo(5);
		assertThat(refused).isEqualTo(15);
	}

}
