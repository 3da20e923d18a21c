package de.quartierdispatch.geo;

import java.util.List;

import de.quartierdispatch.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class QuarterLocateIntegrationTests {

	@Autowired
	private WebTestClient client;

	@ParameterizedTest(name = "{0} lies in {2} {3}")
	@CsvSource(delimiter = '|', textBlock = """
			Rathaus, Ernst-Wilczok-Platz         | 51.52334,6.92871   | 1  | Mitte
			Hauptbahnhof                         | 51.50968,6.94468   | 21 | Ebel/Welheimer Mark
			St. Johannes, Kirchhellen            | 51.60431,6.92262   | 26 | Kirchhellen-Mitte
			Movie Park                           | 51.62139,6.97222   | 27 | Kirchhellen-Ost
			2.8 m north-east of Mitte/Mitte-Süd  | 51.5202671,6.9206403 | 2 | Mitte-Süd
			2.8 m south-west of Mitte/Mitte-Süd  | 51.5202289,6.9205792 | 1 | Mitte
			""")
	void locatesPointsInBottropQuarters(String place, String latLon, String code, String name) {
		String[] point = latLon.split(",");
		this.client.get()
			.uri("/api/quarters/locate?lat={lat}&lon={lon}", point[0], point[1])
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.quarter.code")
			.isEqualTo(code)
			.jsonPath("$.quarter.name")
			.isEqualTo(name)
			.jsonPath("$.quarter.id")
			.doesNotExist()
			.jsonPath("$.enclosing")
			.isEmpty();
	}

	/** A corner two quarters share lies in one of them, not outside both. */
	@Test
	void aPointOnTheBorderOfTwoQuartersLiesInOneOfThem() {
		this.client.get()
			.uri("/api/quarters/locate?lat=51.51929480485193&lon=6.929537804344477")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.quarter.code")
			.value((String code) -> assertThat(code).isIn("1", "2"));
	}

	@Test
	void answers404WithProblemDetailsOutsideEveryQuarter() {
		this.client.get()
			.uri("/api/quarters/locate?lat=52.5163&lon=13.3777")
			.header("Accept-Language", "en")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(404)
			.jsonPath("$.title")
			.isEqualTo("Outside the service area");
	}

	@ParameterizedTest(name = "lat={0}, lon={1}")
	@CsvSource({ "NaN,6.9", "51.5,NaN", "Infinity,6.9", "51.5,-Infinity", "90.0001,6.9", "-91,6.9", "51.5,180.5",
			"51.5,-181", "abc,6.9", "'',6.9", "51.5,1e400", "0x1p4,6.9z" })
	void refusesMalformedOrOutOfRangeCoordinatesWith400(String lat, String lon) {
		this.client.get()
			.uri("/api/quarters/locate?lat={lat}&lon={lon}", lat, lon)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.exists();
	}

	@Test
	void refusesMissingCoordinatesWith400() {
		this.client.get()
			.uri("/api/quarters/locate?lat=51.5")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void servesAllBottropQuartersAsGeoJson() {
		// Other tests may have imported more quarters (Duisburg's): room for all of them.
		this.client.mutate()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024))
			.build()
			.get()
			.uri("/api/quarters")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("application/geo+json")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("FeatureCollection")
			.jsonPath("$.features[?(@.properties.code == '15')].properties.name")
			.isEqualTo("Boy-West")
			.jsonPath("$.features[?(@.properties.code == '15')].geometry.type")
			.isEqualTo("MultiPolygon")
			// RFC 7946 3.1.6: exterior rings counterclockwise (a positive area by the
			// shoelace formula), holes clockwise.
			.jsonPath("$.features[*].geometry.coordinates[*][0]")
			.value((rings) -> assertThat((List<?>) rings).isNotEmpty()
				.allSatisfy((ring) -> assertThat(shoelace((List<?>) ring)).isPositive()));
	}

	private static double shoelace(List<?> ring) {
		double sum = 0;
		for (int i = 0; i + 1 < ring.size(); i++) {
			List<?> here = (List<?>) ring.get(i);
			List<?> next = (List<?>) ring.get(i + 1);
			sum += ((Number) here.get(0)).doubleValue() * ((Number) next.get(1)).doubleValue()
					- ((Number) next.get(0)).doubleValue() * ((Number) here.get(1)).doubleValue();
		}
		return sum / 2;
	}

}
