package de.quartierdispatch.system;

import java.io.IOException;

import de.quartierdispatch.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
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
	void versionedLibrariesAreImmutableAndTheApplicationsOwnFilesRevalidate() throws IOException {
		String library = this.client.get()
			.uri("/webjars/leaflet/1.9.4/dist/leaflet.js")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(byte[].class)
			.getResponseHeaders()
			.getCacheControl();
		assertThat(library).contains("max-age=31536000").contains("immutable").contains("public");

		EntityExchangeResult<byte[]> answer = this.client.get()
			.uri("/js/core/api.js")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult();
		// Served from memory: the very bytes of the file.
		assertThat(answer.getResponseBody())
			.isEqualTo(new ClassPathResource("static/js/core/api.js").getContentAsByteArray());
		HttpHeaders own = answer.getResponseHeaders();
		assertThat(own.getCacheControl()).contains("no-cache").doesNotContain("immutable");
		this.client.get()
			.uri("/js/core/api.js")
			.header(HttpHeaders.IF_MODIFIED_SINCE, own.getFirst(HttpHeaders.LAST_MODIFIED))
			.exchange()
			.expectStatus()
			.isNotModified();
	}

	@Test
	void theResidentsFormIsServedFromMemoryAndRevalidated() throws IOException {
		EntityExchangeResult<byte[]> form = this.client.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult();
		assertThat(form.getResponseBody())
			.isEqualTo(new ClassPathResource("static/index.html").getContentAsByteArray());
		assertThat(form.getResponseHeaders().getCacheControl()).contains("no-cache");
	}

}
