package de.quartierdispatch.geo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Address search: the gazetteer imported from CSV, forgiving spelling; and an external
 * Nominatim-compatible geocoder (a stub here) that may be slow, whose absence the answer
 * admits instead of failing.
 */
@IntegrationTest
class GeocodingIntegrationTests {

	private static DisposableServer nominatim;

	@Autowired
	private WebTestClient client;

	@BeforeAll
	static void startNominatimStub() {
		nominatim = HttpServer.create().port(0).route((routes) -> routes.get("/search", (request, response) -> {
			String query = new UriTemplate("/search?q={q}&limit={limit}&format={format}").match(request.uri())
				.getOrDefault("q", "");
			if (query.contains("langsam")) {
				return response.sendString(Mono.delay(Duration.ofSeconds(5)).thenReturn("[]"));
			}
			return response.header("Content-Type", "application/json")
				.sendString(Mono.just(
						"[{\"lat\":\"51.4344\",\"lon\":\"6.7623\",\"display_name\":\"Rathaus, Burgplatz, Duisburg\"}]"));
		})).bindNow();
	}

	@AfterAll
	static void stopNominatimStub() {
		nominatim.disposeNow();
	}

	@DynamicPropertySource
	static void externalGeocoder(DynamicPropertyRegistry registry) {
		registry.add("quartier.geocoder.url", () -> "http://localhost:" + nominatim.port() + "/search");
		registry.add("quartier.geocoder.timeout", () -> "500ms");
	}

	@Test
	void aTappedPointIsNamedByItsNearestAddressWithinAShortDistanceOnly() {
		String street = TestDatabase
			.queryString("SELECT street || ' ' || house_number FROM address ORDER BY id LIMIT 1");
		double lat = Double
			.parseDouble(TestDatabase.queryString("SELECT ST_Y(location) FROM address ORDER BY id LIMIT 1"));
		double lon = Double
			.parseDouble(TestDatabase.queryString("SELECT ST_X(location) FROM address ORDER BY id LIMIT 1"));
		// About 11 m north-east of that address: still named by it (or by an even nearer
		// one).
		String named = this.client.get()
			.uri("/api/geocode/reverse?lat={lat}&lon={lon}", lat + 0.00007, lon + 0.0001)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String nearest = TestDatabase
			.queryString("SELECT street || ' ' || house_number FROM address ORDER BY location <-> "
					+ "ST_SetSRID(ST_MakePoint(" + (lon + 0.0001) + ", " + (lat + 0.00007) + "), 4326) LIMIT 1");
		assertThat(named).contains("\"label\":\"" + nearest + ",").contains("\"source\":\"gazetteer\"");
		assertThat(street).isNotBlank();

		this.client.get()
			.uri("/api/geocode/reverse?lat=51.0&lon=7.5")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.address")
			.doesNotExist();
		this.client.get()
			.uri("/api/geocode/reverse?lat=91&lon=7.5")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void findsHauptstrasse12WhenTypedAsHauptstr12() {
		String csv = """
				STN;HNR;ADZ;PLZ;ONM;EAST;NORTH
				Hauptstraße;10;;46244;Bottrop;354900.00;5720700.00
				Hauptstraße;12;;46244;Bottrop;354910.00;5720710.00
				Hauptstraße;12;a;46244;Bottrop;354912.00;5720712.00
				Hauptstraße;120;;46244;Bottrop;355000.00;5720800.00
				Nebenstraße;12;;46244;Bottrop;354800.00;5720600.00
				""";
		this.client.mutate()
			.build()
			.post()
			.uri("/api/admin/addresses/import")
			.contentType(MediaType.parseMediaType("text/csv"))
			.bodyValue(csv.getBytes(StandardCharsets.UTF_8))
			.exchange()
			.expectStatus()
			.isForbidden();
		StaffLogin.as(this.client, "admin")
			.post()
			.uri("/api/admin/addresses/import")
			.contentType(MediaType.parseMediaType("text/csv"))
			.bodyValue(csv.getBytes(StandardCharsets.UTF_8))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.rows")
			.isEqualTo(5);
		this.client.get()
			.uri("/api/geocode?q=hauptstr 12")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.results[0].label")
			.isEqualTo("Hauptstraße 12, 46244 Bottrop")
			.jsonPath("$.results[1].label")
			.isEqualTo("Hauptstraße 12a, 46244 Bottrop")
			.jsonPath("$.results[0].source")
			.isEqualTo("gazetteer")
			.jsonPath("$.externalUnavailable")
			.isEqualTo(false);
		this.client.get()
			.uri("/api/geocode?q=Hauptstrasse 12")
			.exchange()
			.expectBody()
			.jsonPath("$.results[0].label")
			.isEqualTo("Hauptstraße 12, 46244 Bottrop");
	}

	@Test
	void asksTheExternalGeocoderWhenTheGazetteerKnowsNothing() {
		this.client.get()
			.uri("/api/geocode?q=Burgplatz 19 Duisburg")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.results[0].label")
			.isEqualTo("Rathaus, Burgplatz, Duisburg")
			.jsonPath("$.results[0].source")
			.isEqualTo("external")
			.jsonPath("$.results[0].lat")
			.isEqualTo(51.4344);
	}

	@Test
	void answersInTimeAndSaysSoWhenTheExternalGeocoderIsSlow() {
		long started = System.nanoTime();
		this.client.get()
			.uri("/api/geocode?q=langsame Gasse 1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.results")
			.isEmpty()
			.jsonPath("$.externalUnavailable")
			.isEqualTo(true);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
	}

	@Test
	void rejectsAnAddressFileWithoutTheNamedColumns() {
		StaffLogin.as(this.client, "admin")
			.post()
			.uri("/api/admin/addresses/import?street=Strasse")
			.contentType(MediaType.parseMediaType("text/csv"))
			.header("Accept-Language", "en")
			.bodyValue("STN;HNR\nA;1\n".getBytes(StandardCharsets.UTF_8))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("Strasse").contains("PLZ"));
	}

}
