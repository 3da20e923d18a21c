package de.quartierdispatch.system;

import java.util.Map;

import de.quartierdispatch.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The field app loads only its share of a dictionary: the keys {@code i18n/pages.json}
 * lists for it, with the same texts as the whole dictionary, revalidated by entity tag.
 */
@IntegrationTest
class PageDictionaryIntegrationTests {

	private static final ParameterizedTypeReference<Map<String, String>> DICTIONARY = new ParameterizedTypeReference<>() {
	};

	@Autowired
	private WebTestClient client;

	@Test
	void theFieldAppsShareHoldsItsTextsAsTheWholeDictionaryHasThemAndNothingElse() {
		// The whole dictionary is larger than the codec's default limit for one body.
		Map<String, String> whole = this.client.mutate()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(1024 * 1024))
			.build()
			.get()
			.uri("/i18n/de.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(DICTIONARY)
			.returnResult()
			.getResponseBody();
		EntityExchangeResult<Map<String, String>> share = this.client.get()
			.uri("/i18n/field/de.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody(DICTIONARY)
			.returnResult();

		Map<String, String> texts = share.getResponseBody();
		assertThat(texts).containsEntry("field.title", whole.get("field.title"))
			.containsEntry("team.AVAILABLE", whole.get("team.AVAILABLE"))
			.containsEntry("common.logout", whole.get("common.logout"))
			.doesNotContainKeys("admin.title", "board.title", "stats.title");
		assertThat(whole).containsAllEntriesOf(texts);
		assertThat(texts.size()).isLessThan(whole.size() / 4);

		String etag = share.getResponseHeaders().getETag();
		assertThat(share.getResponseHeaders().getCacheControl()).contains("no-cache");
		this.client.get()
			.uri("/i18n/field/de.json")
			.header(HttpHeaders.IF_NONE_MATCH, etag)
			.exchange()
			.expectStatus()
			.isNotModified();
	}

	@Test
	void anUnknownPageOrLanguageIsNotFoundAsProblemDetails() {
		for (String path : new String[] { "/i18n/nowhere/de.json", "/i18n/field/xx.json", "/i18n/FIELD/DE.json" }) {
			this.client.get()
				.uri(path)
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		}
	}

}
