package de.quartierdispatch.intake;

import java.util.Map;
import java.util.UUID;

import de.quartierdispatch.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class PublicReportIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Test
	void acceptsAnAnonymousReportAndShowsItsStatus() {
		Map<String, Object> report = Map.of("category", "NOISE", "description", "Laute Musik seit 23 Uhr im Hinterhof",
				"location", Map.of("lat", 51.5423, "lon", 6.9681), "language", "de", "flags",
				new String[] { "RECURRING" });
		ReportReceipt receipt = this.client.post()
			.uri("/api/reports")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.bodyValue(report)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(ReportReceipt.class)
			.returnResult()
			.getResponseBody();
		assertThat(receipt.trackingCode()).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
		assertThat(receipt.quarter()).isEqualTo("Boy-West");
		this.client.get()
			.uri("/api/reports/{code}", receipt.trackingCode().toLowerCase())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("RECEIVED")
			.jsonPath("$.category")
			.isEqualTo("NOISE");
	}

}
