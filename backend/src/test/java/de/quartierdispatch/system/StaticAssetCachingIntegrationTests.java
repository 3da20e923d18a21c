package de.quartierdispatch.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import de.quartierdispatch.support.Fixtures;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.StaffLogin;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files whose path names their version are cached for good: the libraries, and the
 * application's own files under the release's path, which the pages name. Under their
 * plain paths, and under an earlier release's, the application's files are revalidated on
 * each visit and answered with 304 when unchanged. Every answer is whole, whatever range
 * is asked for.
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

		HttpHeaders own = theApiModuleAt("/js/core/api.js");
		assertThat(own.getCacheControl()).contains("no-cache").doesNotContain("immutable");
		this.client.get()
			.uri("/js/core/api.js")
			.header(HttpHeaders.IF_MODIFIED_SINCE, own.getFirst(HttpHeaders.LAST_MODIFIED))
			.exchange()
			.expectStatus()
			.isNotModified();
	}

	@Test
	void thePagesNameTheirOwnFilesUnderTheReleaseWhereTheyAreKeptForGood() throws IOException {
		EntityExchangeResult<String> form = this.client.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		assertThat(form.getResponseHeaders().getCacheControl()).contains("no-cache");
		String page = form.getResponseBody();
		String release = "/r/" + FrontendRelease.tag() + "/";
		assertThat(page).contains("src=\"" + release + "js/pages/report-form.js\"")
			.contains("href=\"" + release + "css/base.css\"")
			.doesNotContain("=\"/js/")
			.doesNotContain("=\"/css/");
		assertThat(page.replace(release, "/"))
			.isEqualTo(new ClassPathResource("static/index.html").getContentAsString(StandardCharsets.UTF_8));
		// The page itself is the same until the next release. Its tag is weak: the same
		// tag goes with the gzip and the plain bytes.
		assertThat(form.getResponseHeaders().getETag()).startsWith("W/\"");
		this.client.get()
			.uri("/")
			.header(HttpHeaders.IF_NONE_MATCH, form.getResponseHeaders().getETag())
			.exchange()
			.expectStatus()
			.isNotModified();

		assertThat(theApiModuleAt(release + "js/core/api.js").getCacheControl()).contains("max-age=31536000")
			.contains("immutable");
	}

	@Test
	void anEarlierReleasesPathIsAnsweredWithTheCurrentFileRevalidated() throws IOException {
		assertThat(theApiModuleAt("/r/0123456789ab/js/core/api.js").getCacheControl()).contains("no-cache")
			.doesNotContain("immutable");
		// Only the pages' styles and scripts have a release path: nothing else is reached
		// through it (the public configuration would answer 200; an unknown path asks an
		// anonymous visitor to sign in).
		this.client.get().uri("/r/0123456789ab/api/config").exchange().expectStatus().isUnauthorized();
		this.client.get().uri("/r/" + FrontendRelease.tag() + "/index.html").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void theFieldAppsPageKeepsThePlainPathsItsServiceWorkerStores() throws IOException {
		StaffLogin.as(this.client, Fixtures.fieldMember(Fixtures.team("KOD", 51.5259, 6.9129)))
			.get()
			.uri("/field")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("src=\"/js/pages/").doesNotContain("/r/"));
	}

	@Test
	void anUptimeMonitorMayAskForThePublicPagesHeadersAlone() {
		String etag = this.client.get().uri("/").exchange().returnResult(String.class).getResponseHeaders().getETag();
		this.client.head()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, etag)
			.expectBody()
			.isEmpty();
		this.client.head().uri("/r/" + FrontendRelease.tag() + "/js/core/api.js").exchange().expectStatus().isOk();
		// Staff pages still ask for a sign-in; a public API answers HEAD as GET (and
		// counts
		// it against the same allowance).
		this.client.head().uri("/board").exchange().expectStatus().isUnauthorized();
		this.client.head().uri("/api/reports/ABCD-EFGH-JKLM").exchange().expectStatus().isNotFound();
		this.client.head().uri("/api/categories").exchange().expectStatus().isOk();
	}

	@Test
	void theStatusPageAnswersWithATrailingSlashToo() {
		this.client.get()
			.uri("/status/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("id=\"lookup\""));
	}

	/**
	 * A {@code Range} is ignored: whatever is asked for (a satisfiable range, several, an
	 * unsatisfiable or a malformed one), the whole file comes with its own length, and no
	 * range is offered.
	 */
	@Test
	void everyAnswerIsWholeWhateverRangeIsAskedFor() throws IOException {
		byte[] module = new ClassPathResource("static/js/core/api.js").getContentAsByteArray();
		for (String path : List.of("/js/core/api.js", "/r/" + FrontendRelease.tag() + "/js/core/api.js")) {
			for (String range : List.of("bytes=0-9", "bytes=5-1", "bytes=0-0,1-1", "bytes=999999999-", "garbage")) {
				EntityExchangeResult<byte[]> answer = this.client.get()
					.uri(path)
					.header(HttpHeaders.RANGE, range)
					.exchange()
					.expectStatus()
					.isOk()
					.expectHeader()
					.doesNotExist(HttpHeaders.ACCEPT_RANGES)
					.expectBody(byte[].class)
					.returnResult();
				assertThat(answer.getResponseBody()).as("%s with %s", path, range).isEqualTo(module);
			}
		}
		for (String path : List.of("/", "/field-sw.js", "/status/ABCD-EFGH-JKLM")) {
			EntityExchangeResult<byte[]> answer = this.client.get()
				.uri(path)
				.header(HttpHeaders.RANGE, "bytes=5-1")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(byte[].class)
				.returnResult();
			long declared = answer.getResponseHeaders().getContentLength();
			assertThat((long) answer.getResponseBody().length).as(path)
				.isPositive()
				.isEqualTo((declared >= 0) ? declared : answer.getResponseBody().length);
		}
	}

	/**
	 * Asks for {@code js/core/api.js} under a path: served from memory, the very bytes of
	 * the file. Returns the answer's headers.
	 */
	private HttpHeaders theApiModuleAt(String path) throws IOException {
		EntityExchangeResult<byte[]> answer = this.client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult();
		assertThat(answer.getResponseBody())
			.isEqualTo(new ClassPathResource("static/js/core/api.js").getContentAsByteArray());
		return answer.getResponseHeaders();
	}

}
