package de.quartierdispatch.system;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import de.quartierdispatch.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages' styles and scripts and the libraries go out gzipped once at the strongest
 * level to a browser that accepts gzip, as they are to one that does not, and each form
 * says that the other exists. The client here neither asks for nor unpacks gzip by
 * itself: what it reads is what went over the wire.
 */
@IntegrationTest
class StaticAssetCompressionIntegrationTests {

	private static final String LIBRARY = "/webjars/leaflet/1.9.4/dist/leaflet.js";

	private static final String OWN_SCRIPT = "/js/core/api.js";

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient client;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aBrowserThatAcceptsGzipGetsTheFileCompressedAtTheStrongestLevelAndOnlyOnce()
			throws IOException, InterruptedException {
		for (String[] file : new String[][] { { LIBRARY, "META-INF/resources/webjars/leaflet/1.9.4/dist/leaflet.js" },
				{ OWN_SCRIPT, "static/js/core/api.js" } }) {
			byte[] original = new ClassPathResource(file[1]).getContentAsByteArray();
			// Twice: the second answer comes from the resource chain's cache.
			for (int i = 0; i < 2; i++) {
				HttpResponse<byte[]> answer = get(file[0], "br;q=1.0, gzip;q=0.8, *;q=0.1");
				java.net.http.HttpHeaders headers = answer.headers();
				assertThat(headers.firstValue(HttpHeaders.CONTENT_ENCODING)).as(file[0]).contains("gzip");
				assertThat(headers.allValues(HttpHeaders.VARY)).as(file[0]).contains(HttpHeaders.ACCEPT_ENCODING);
				byte[] body = answer.body();
				assertThat(gunzip(body)).as(file[0]).isEqualTo(original);
				assertThat(body).as(file[0]).hasSize(strongestGzip(original).length);
			}
		}
	}

	@Test
	void aClientThatDoesNotAcceptGzipGetsTheFileAsItIsWhateverWasAskedBefore()
			throws IOException, InterruptedException {
		get(LIBRARY, "gzip");
		byte[] original = new ClassPathResource("META-INF/resources/webjars/leaflet/1.9.4/dist/leaflet.js")
			.getContentAsByteArray();
		for (String acceptEncoding : new String[] { null, "identity", "br" }) {
			HttpResponse<byte[]> answer = get(LIBRARY, acceptEncoding);
			assertThat(answer.headers().firstValue(HttpHeaders.CONTENT_ENCODING)).as(acceptEncoding).isEmpty();
			assertThat(answer.headers().allValues(HttpHeaders.VARY)).as(acceptEncoding)
				.contains(HttpHeaders.ACCEPT_ENCODING);
			assertThat(answer.body()).as(acceptEncoding).isEqualTo(original);
		}
	}

	/**
	 * What a shared cache in front may keep says that it comes in two forms, and carries
	 * no visitor's CSRF cookie; a page still sets it.
	 */
	@Test
	void answersACacheMayKeepVaryByEncodingAndCarryNoCookie() throws IOException, InterruptedException {
		for (String path : new String[] { "/api/quarters", "/", LIBRARY, OWN_SCRIPT }) {
			HttpResponse<byte[]> answer = get(path, "gzip");
			assertThat(answer.headers().allValues(HttpHeaders.VARY)).as(path).contains(HttpHeaders.ACCEPT_ENCODING);
		}
		for (String path : new String[] { "/api/quarters", LIBRARY, OWN_SCRIPT, "/i18n/de.json" }) {
			assertThat(get(path, "gzip").headers().allValues(HttpHeaders.SET_COOKIE)).as(path).isEmpty();
		}
		assertThat(get("/", "gzip").headers().allValues(HttpHeaders.SET_COOKIE))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("XSRF-TOKEN="));
	}

	@Test
	void aGzippedFileIsStillRevalidatedByItsDate() throws IOException, InterruptedException {
		HttpResponse<byte[]> first = get(OWN_SCRIPT, "gzip");
		this.client.get()
			.uri(OWN_SCRIPT)
			.header(HttpHeaders.ACCEPT_ENCODING, "gzip")
			.header(HttpHeaders.IF_MODIFIED_SINCE, first.headers().firstValue(HttpHeaders.LAST_MODIFIED).orElseThrow())
			.exchange()
			.expectStatus()
			.isNotModified();
	}

	private HttpResponse<byte[]> get(String path, String acceptEncoding) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30));
		if (acceptEncoding != null) {
			request.header(HttpHeaders.ACCEPT_ENCODING, acceptEncoding);
		}
		HttpResponse<byte[]> answer = this.http.send(request.build(), BodyHandlers.ofByteArray());
		assertThat(answer.statusCode()).as(path).isEqualTo(200);
		return answer;
	}

	private static byte[] gunzip(byte[] body) throws IOException {
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
			return in.readAllBytes();
		}
	}

	private static byte[] strongestGzip(byte[] content) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
			{
				this.def.setLevel(Deflater.BEST_COMPRESSION);
			}
		}) {
			gzip.write(content);
		}
		return out.toByteArray();
	}

}
