package de.quartierdispatch.system;

import de.quartierdispatch.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Libraries whose path names their version are cached for good; the application's own
 * files, whose paths stay the same across releases, are revalidated on each visit and
 * answered with 304 when unchanged.
 */
@IntegrationTest
class StaticAssetCachingIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Test
	void versionedLibrariesAreImmutableAndTheApplicationsOwnFilesRevalidate() {
		String library = this.client.get()
			.uri("/webjars/leaflet/1.9.4/dist/leaflet.js")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(byte[].class)
			.getResponseHeaders()
			.getCacheControl();
		assertThat(library).contains("max-age=31536000").contains("immutable").contains("public");

		HttpHeaders own = this.client.get()
			.uri("/js/core/api.js")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(byte[].class)
			.getResponseHeaders();
		assertThat(own.getCacheControl()).contains("no-cache").doesNotContain("immutable");
		this.client.get()
			.uri("/js/core/api.js")
			.header(HttpHeaders.IF_MODIFIED_SINCE, own.getFirst(HttpHeaders.LAST_MODIFIED))
			.exchange()
			.expectStatus()
			.isNotModified();
	}

}
