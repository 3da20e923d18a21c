package de.quartierdispatch.geo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.StaffLogin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class QuarterImportIntegrationTests {

	private static final String DUISBURG = "/api/admin/quarters/import?codeProperty=code&nameProperty=name&source=duisburg.geojson";

	@Autowired
	private WebTestClient client;

	@Autowired
	private Quarters quarters;

	private WebTestClient admin;

	@BeforeEach
	void signInAsAdmin() {
		this.admin = StaffLogin.as(this.client, "admin");
	}

	@Test
	void importsNestedDuisburgAreasOnceAndLocatesTheMostSpecific() throws IOException {
		byte[] duisburg = new ClassPathResource("quarters/duisburg-stadtbezirke-ortsteile-osm.geojson")
			.getContentAsByteArray();
		QuarterImportReport first = importFile(duisburg);
		QuarterImportReport second = importFile(duisburg);
		assertThat(first.features()).isEqualTo(35);
		assertThat(first.created() + first.unchanged()).as("all 35 created (or present from an earlier test)")
			.isEqualTo(35);
		assertThat(first.rejected()).isEmpty();
		assertThat(second.created()).isZero();
		assertThat(second.updated()).isZero();
		assertThat(second.unchanged()).isEqualTo(35);
		// Hochfeld (Ortsteil 508) lies in Duisburg-Mitte (500), in Duisburg (000).
		this.client.get()
			.uri("/api/quarters/locate?lat=51.41914&lon=6.74609")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.quarter.code")
			.isEqualTo("508")
			.jsonPath("$.enclosing[0].code")
			.isEqualTo("500")
			.jsonPath("$.enclosing[1].code")
			.isEqualTo("000");
	}

	@Test
	void rejectsAFileWithABrokenPolygonWithoutImportingAnythingOfIt() {
		long before = this.quarters.count().block();
		String file = featureCollection(feature("T-OK", "Fine", "[[[7.0,50.0],[7.01,50.0],[7.01,50.01],[7.0,50.0]]]"),
				feature("T-OPEN", "Open ring", "[[[7.1,50.0],[7.11,50.0],[7.11,50.01],[7.1,50.01]]]"));
		this.admin.post()
			.uri("/api/admin/quarters/import?codeProperty=code&nameProperty=name")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Accept-Language", "en")
			.bodyValue(file.getBytes(StandardCharsets.UTF_8))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Boundary file rejected")
			.jsonPath("$.detail")
			.isEqualTo("Nothing of the file was imported: one problem in it. The report names each one.")
			.jsonPath("$.report.rejected[0].feature")
			.isEqualTo(2)
			.jsonPath("$.report.rejected[0].code")
			.isEqualTo("T-OPEN")
			.jsonPath("$.report.rejected[0].message")
			.value((String message) -> assertThat(message).contains("broken polygon").contains("closed"))
			.jsonPath("$.report.rejected[0].reason")
			.isEqualTo("broken");
		assertThat(this.quarters.count().block()).isEqualTo(before);
	}

	/**
	 * Files exported as latitude, longitude (as WFS 2.0 writes EPSG:4326) read as a
	 * quarter off the Horn of Africa: refused, where the flipped boundary lies by the
	 * city.
	 */
	@Test
	void rejectsABoundaryWithLatitudeAndLongitudeSwapped() {
		long before = this.quarters.count().block();
		String swapped = featureCollection(
				feature("T-SWAP", "Swapped", "[[[51.52,6.93],[51.53,6.93],[51.53,6.94],[51.52,6.93]]]"),
				feature("T-RIGHT", "Right way round", "[[[6.93,51.52],[6.93,51.53],[6.94,51.53],[6.93,51.52]]]"));
		importing(swapped).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.report.rejected.length()")
			.isEqualTo(1)
			.jsonPath("$.report.rejected[0].code")
			.isEqualTo("T-SWAP")
			.jsonPath("$.report.rejected[0].reason")
			.isEqualTo("swapped");
		assertThat(this.quarters.count().block()).isEqualTo(before);
	}

	/**
	 * An edge across half the world cannot be measured on the globe: refused by name, not
	 * a database failure (it was a 503 "try again in a few seconds").
	 */
	@Test
	void rejectsABoundaryThatCannotBeMeasuredOnTheGlobe() {
		long before = this.quarters.count().block();
		importing(featureCollection(feature("T-WORLD", "Welt", "[[[0,0],[180,0],[180,10],[0,10],[0,0]]]")))
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.report.rejected[0].code")
			.isEqualTo("T-WORLD")
			.jsonPath("$.report.rejected[0].reason")
			.isEqualTo("unmeasurable");
		// Across the 180th meridian: read the long way round, a band round the world.
		importing(featureCollection(
				feature("T-DATELINE", "Datumsgrenze", "[[[179,0],[-179,0],[-179,1],[179,1],[179,0]]]")))
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.report.rejected[0].reason")
			.isEqualTo("antimeridian");
		assertThat(this.quarters.count().block()).isEqualTo(before);
	}

	/** PostGIS reads a position of text as 0, 0: a boundary through the Atlantic. */
	@Test
	void rejectsAPolygonWhosePositionsAreNotNumbers() {
		long before = this.quarters.count().block();
		for (String ring : new String[] { "[[[\"7.0\",\"50.0\"],[7.01,50.0],[7.01,50.01],[\"7.0\",\"50.0\"]]]",
				"[[[7.0,50.0],[7.01,null],[7.01,50.01],[7.0,50.0]]]", "[[[7.0,50.0],[7.01],[7.01,50.01],[7.0,50.0]]]",
				"[[[7.0,50.0],[7.01,50.0],{},[7.0,50.0]]]" }) {
			importing(featureCollection(feature("T-TEXT", "Text", ring))).expectStatus()
				.isEqualTo(422)
				.expectBody()
				.jsonPath("$.report.rejected[0].code")
				.isEqualTo("T-TEXT")
				.jsonPath("$.report.rejected[0].reason")
				.isEqualTo("position-not-numbers");
		}
		assertThat(this.quarters.count().block()).isEqualTo(before);
	}

	/**
	 * Repairing a self-intersecting boundary grows with the square of its points and
	 * cannot be interrupted: one of more than 10,000 points is refused at once.
	 */
	@Test
	void refusesToRepairAnInvalidBoundaryOfMoreThanTenThousandPoints() {
		StringBuilder ring = new StringBuilder("[[");
		for (int i = 0; i <= 10_001; i++) {
			ring.append(String.format(java.util.Locale.ROOT, "[%.7f,%.4f],", 7.5 + i * 0.000005,
					(i % 2 == 0) ? 50.0 : 50.01));
		}
		ring.append("[7.5,50.0]]]");
		importing(featureCollection(feature("T-ZIGZAG", "Zickzack", ring.toString()))).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.report.rejected[0].reason")
			.isEqualTo("too-large-to-repair")
			.jsonPath("$.report.rejected[0].detail")
			.isEqualTo("10003");
	}

	@Test
	void rejectsAFeatureWithoutTheNamedPropertyNamingIt() {
		String file = featureCollection(feature("T-A", "A", "[[[7.2,50.0],[7.21,50.0],[7.21,50.01],[7.2,50.0]]]"),
				"{\"type\":\"Feature\",\"properties\":{\"code\":\"T-B\"},\"geometry\":{\"type\":\"Polygon\","
						+ "\"coordinates\":[[[7.3,50.0],[7.31,50.0],[7.31,50.01],[7.3,50.0]]]}}");
		importing(file).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.report.rejected[0].feature")
			.isEqualTo(2)
			.jsonPath("$.report.rejected[0].message")
			.value((String message) -> assertThat(message).contains("\"name\""))
			.jsonPath("$.report.rejected[0].reason")
			.isEqualTo("name-missing")
			.jsonPath("$.report.rejected[0].detail")
			.isEqualTo("name");
		this.client.get().uri("/api/quarters/locate?lat=50.003&lon=7.207").exchange().expectStatus().isNotFound();
	}

	/**
	 * A code names the quarter it updates: one that cleaning would change (a NUL, a
	 * direction override) is refused, not taken as another quarter's; a hole outside its
	 * polygon is refused, not repaired into territory.
	 */
	@Test
	void refusesCodesCleaningWouldChangeAndHolesOutsideTheirPolygon() {
		long before = this.quarters.count().block();
		String square = "[[[7.6,50.0],[7.61,50.0],[7.61,50.01],[7.6,50.01],[7.6,50.0]]]";
		String holeOutside = "[[[7.6,50.0],[7.61,50.0],[7.61,50.01],[7.6,50.01],[7.6,50.0]],"
				+ "[[7.7,50.0],[7.701,50.0],[7.701,50.001],[7.7,50.001],[7.7,50.0]]]";
		for (String[] refusal : new String[][] { { "T-NUL\\u0000", square, "unstorable" },
				{ "\\u202eT-RLO", square, "code-not-plain" }, { "T-HOLE", holeOutside, "hole-outside" } }) {
			importing(featureCollection(feature(refusal[0], "Prüffläche", refusal[1]))).expectStatus()
				.isEqualTo(422)
				.expectBody()
				.jsonPath("$.report.rejected[0].reason")
				.isEqualTo(refusal[2]);
		}
		assertThat(this.quarters.count().block()).isEqualTo(before);
	}

	@Test
	void repairsASelfIntersectingPolygonAndSaysSo() {
		String bowTie = "[[[7.4,50.0],[7.41,50.01],[7.41,50.0],[7.4,50.01],[7.4,50.0]]]";
		QuarterImportReport report = importFile(
				featureCollection(feature("T-BOW", "Bow tie", bowTie)).getBytes(StandardCharsets.UTF_8));
		assertThat(report.repaired()).singleElement().satisfies((note) -> {
			assertThat(note.message()).contains("Self-intersection");
			assertThat(note.reason()).isEqualTo("repaired");
			assertThat(note.detail()).startsWith("Self-intersection[");
		});
		assertThat(report.created() + report.unchanged()).isEqualTo(1);
	}

	@Test
	void rejectsWhatIsNotGeoJson() {
		importing("{\"type\": \"FeatureCollection\", \"features\": [").expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).as("a file cut short: no feature to count")
				.startsWith("Nichts aus der Datei übernommen: ein Problem darin."))
			.jsonPath("$.report.rejected[0].message")
			.value((String message) -> assertThat(message).contains("not a GeoJSON FeatureCollection"));
	}

	/** GeoJSON is UTF-8: a file declared in another charset is not read as if it were. */
	@Test
	void aFileDeclaredInAnotherCharsetIsRefused() {
		this.admin.post()
			.uri("/api/admin/quarters/import?codeProperty=code&nameProperty=name")
			.contentType(MediaType.parseMediaType("application/geo+json; charset=ISO-8859-1"))
			.bodyValue(
					featureCollection(feature("T-LATIN", "Latin", "[[[7.0,50.0],[7.01,50.0],[7.01,50.01],[7.0,50.0]]]"))
						.getBytes(StandardCharsets.ISO_8859_1))
			.exchange()
			.expectStatus()
			.isEqualTo(415);
	}

	private WebTestClient.ResponseSpec importing(String file) {
		return this.admin.post()
			.uri("/api/admin/quarters/import?codeProperty=code&nameProperty=name")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(file.getBytes(StandardCharsets.UTF_8))
			.exchange();
	}

	@Test
	void importIsForAdministratorsOnly() {
		this.client.post()
			.uri(DUISBURG)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isForbidden();
		StaffLogin.as(this.client, "dispatcher")
			.post()
			.uri(DUISBURG)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	private QuarterImportReport importFile(byte[] file) {
		return this.admin.post()
			.uri(DUISBURG)
			.contentType(MediaType.parseMediaType("application/geo+json"))
			.bodyValue(file)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(QuarterImportReport.class)
			.returnResult()
			.getResponseBody();
	}

	static String featureCollection(String... features) {
		return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
	}

	static String feature(String code, String name, String polygon) {
		return "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code + "\",\"name\":\"" + name
				+ "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + polygon + "}}";
	}

}
