package de.quartierdispatch.system;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class LoggedPathTests {

	@Test
	void aTrackingCodeOrTokenInThePathIsMaskedAndTheQueryLeftOut() {
		assertThat(logged("/api/reports/M5JC-9G57-W4MX?lang=ar")).isEqualTo("/api/reports/…");
		assertThat(logged("/api/reports/m5jc9g57w4mx/still-a-problem")).isEqualTo("/api/reports/…/still-a-problem");
		assertThat(logged("/api/counter/reports/M5JC-9G57-W4MX/photos")).isEqualTo("/api/counter/reports/…/photos");
		assertThat(logged("/status/M5JC-9G57-W4MX")).isEqualTo("/status/…");
		assertThat(logged("/open311/v2/requests/M5JC-9G57-W4MX.json")).isEqualTo("/open311/v2/requests/…");
		assertThat(logged("/open311/v2/tokens/0b7e6f.xml")).isEqualTo("/open311/v2/tokens/…");
	}

	@Test
	void otherPathsStayAsTheyAre() {
		assertThat(logged("/api/incidents/12/assignments?lat=51.5")).isEqualTo("/api/incidents/12/assignments");
		assertThat(logged("/open311/v2/requests.json")).isEqualTo("/open311/v2/requests.json");
		assertThat(logged("/api/counter/reports")).isEqualTo("/api/counter/reports");
	}

	private static String logged(String uri) {
		return LoggedPath.of(MockServerHttpRequest.get(uri).build());
	}

}
