package de.quartierdispatch.stats;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.StatsData;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics in a month of their own (March 2011, long before any other test's data):
 * the CSV adds up to the page's figures, with groups below the minimum shown as "< 3"
 * rather than left out; times and the share within target; the hexagon grid shows only
 * cells with at least the minimum; bad periods are refused with a problem, never a 500.
 */
@IntegrationTest
class StatsIntegrationTests {

	private static final String PERIOD = "from=2011-03-01&to=2011-03-31";

	private static final OffsetDateTime MORNING = OffsetDateTime.parse("2011-03-10T10:00:00+01:00");

	private static String first;

	private static String second;

	/** Written once per run, when the application (and so its database) is up. */
	private static boolean written;

	@Autowired
	private WebTestClient client;

	/**
	 * In the first quarter 5 noise reports by web (their incidents reached on site after
	 * 10 to 50 minutes against a target of 35, closed after 1 to 5 hours) and 2 litter
	 * reports by phone; in the second quarter, 3.5 km east, one other report.
	 */
	@BeforeEach
	void reportsOfMarch2011() {
		if (written) {
			return;
		}
		written = true;
		first = StatsData.quarter(0);
		second = StatsData.quarter(1);
		for (int i = 1; i <= 5; i++) {
			StatsData.report(first, 0, "NOISE", "WEB", MORNING.plusHours(i), Duration.ofMinutes(35),
					Duration.ofMinutes(10L * i), Duration.ofHours(i));
		}
		for (int i = 0; i < 2; i++) {
			StatsData.report(first, 0, "LITTER", "PHONE", MORNING.plusDays(1), null, null, null);
		}
		StatsData.report(second, 0.05, "OTHER", "WEB", MORNING.plusDays(2), null, null, null);
	}

	@Test
	void theCsvAddsUpToThePageAndShowsSmallGroupsAsSuppressed() {
		JsonNode summary = get("/api/stats/summary?" + PERIOD).expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		String csv = analyst().get()
			.uri("/api/stats/reports.csv?" + PERIOD)
			.header("Accept-Language", "de")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(new MediaType("text", "csv"))
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		List<String> lines = Arrays.asList(csv.replace("\uFEFF", "").split("\r\n"));
		assertThat(lines.get(0)).startsWith("# Meldungen je Monat").contains("\"< 3\"");
		// Read by people in a spreadsheet: columns, categories and channels in words.
		assertThat(lines.get(1)).isEqualTo("Monat,Kategorie,Quartier,Eingangsweg,Meldungen");
		List<String> rows = lines.subList(2, lines.size() - 1);
		// Quarters by name, as on the page.
		String firstName = TestDatabase.queryString("SELECT name FROM quarter WHERE code = '" + first + "'");
		String secondName = TestDatabase.queryString("SELECT name FROM quarter WHERE code = '" + second + "'");
		assertThat(rows).containsExactlyInAnyOrder("2011-03,Müll / illegale Ablagerung," + firstName + ",Telefon,< 3",
				"2011-03,Lärm," + firstName + ",Online-Formular,5",
				"2011-03,Sonstiges," + secondName + ",Online-Formular,< 3");
		String total = lines.get(lines.size() - 1);
		assertThat(total).isEqualTo("Summe,,,," + summary.path("reports").asLong());
		assertThat(summary.path("reports").asLong()).isEqualTo(8);

		// The page's groups say the same: shown counts equal, small ones suppressed.
		assertThat(summary.path("byQuarter").findValuesAsString("quarter")).containsExactly(first, second);
		assertThat(summary.path("byQuarter").get(0).path("reports").asLong()).isEqualTo(7);
		assertThat(summary.path("byQuarter").get(1).path("reports").isNull()).isTrue();
		assertThat(summary.path("byChannel").path("WEB").asLong()).isEqualTo(6);
		assertThat(summary.path("byChannel").path("PHONE").isNull()).isTrue();
		assertThat(summary.path("byMonth").get(0).path("reports").asLong()).isEqualTo(8);
		JsonNode week = summary.path("byWeek").get(0);
		assertThat(week.path("week").asString()).isEqualTo("2011-03-07");

		String english = analyst().get()
			.uri("/api/stats/reports.csv?" + PERIOD)
			.header("Accept-Language", "en")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		byte[] bytes = analyst().get()
			.uri("/api/stats/reports.csv?" + PERIOD)
			.exchange()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(Arrays.copyOf(bytes, 5)).as("a spreadsheet takes it for UTF-8 by its byte order mark")
			.containsExactly(0xEF, 0xBB, 0xBF, '#', ' ');
		assertThat(english.replace("\uFEFF", "")).startsWith("# Reports per month")
			.contains("Month,Category,Quarter,Channel,Reports")
			.contains(",Noise,")
			.endsWith("Total,,,,8\r\n");
		assertThat(analyst().get()
			.uri("/api/stats/reports.csv?" + PERIOD + "&lang=en")
			.header("Accept-Language", "de")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).as("the page's language, which its link names, before the browser's")
			.isEqualTo(english);
	}

	@Test
	void timesAreMediansAndNinetiethPercentilesWithTheShareWithinTarget() {
		JsonNode summary = get("/api/stats/summary?" + PERIOD).expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		JsonNode noise = summary.path("byCategory")
			.valueStream()
			.filter((row) -> row.path("category").asString().equals("NOISE"))
			.findFirst()
			.orElseThrow();
		assertThat(noise.path("incidents").asLong()).isEqualTo(5);
		assertThat(noise.path("reachedOnSite").asLong()).isEqualTo(5);
		assertThat(noise.path("medianMinutesToSite").asDouble()).isEqualTo(30);
		assertThat(noise.path("p90MinutesToSite").asDouble()).isEqualTo(46);
		assertThat(noise.path("withinTarget").asDouble()).isEqualTo(0.6);
		assertThat(noise.path("medianHoursToClose").asDouble()).isEqualTo(3.0);
		assertThat(noise.path("p90HoursToClose").asDouble()).isEqualTo(4.6);
		// Two litter incidents: too few for any figure.
		JsonNode litter = summary.path("byCategory")
			.valueStream()
			.filter((row) -> row.path("category").asString().equals("LITTER"))
			.findFirst()
			.orElseThrow();
		assertThat(litter.path("incidents").isNull()).isTrue();
		assertThat(litter.path("medianHoursToClose").isNull()).isTrue();
		// The row for all categories is a total: exact, like the page's figures.
		assertThat(summary.path("times").path("incidents").asLong()).isEqualTo(8);
		assertThat(summary.path("times").path("reachedOnSite").asLong()).isEqualTo(5);
		assertThat(summary.path("times").path("withinTarget").asDouble()).isEqualTo(0.6);
	}

	@Test
	void aRowForAllCategoriesBelowTheMinimumIsSuppressedLikeTheCategoryItWouldReveal() {
		// 11 March: only the two litter incidents.
		JsonNode summary = get("/api/stats/summary?from=2011-03-11&to=2011-03-11").expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(summary.path("byCategory").valueStream().map((row) -> row.path("category").asString()))
			.containsExactly("LITTER");
		assertThat(summary.path("times").path("incidents").isNull()).isTrue();
		assertThat(summary.path("times").path("closed").isNull()).isTrue();
		// Nor do the totals at the top of the page say it.
		assertThat(summary.path("reports").isNull()).isTrue();
		assertThat(summary.path("incidents").isNull()).isTrue();
		assertThat(summary.path("closed").isNull()).isTrue();
		assertThat(analyst().get()
			.uri("/api/stats/reports.csv?from=2011-03-11&to=2011-03-11")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).endsWith(",< 3\r\n");
	}

	@Test
	void theGridShowsOnlyCellsWithAtLeastTheMinimumAndAccountsForTheRest() {
		JsonNode grid = get("/api/stats/grid?" + PERIOD).expectBody(JsonNode.class).returnResult().getResponseBody();
		assertThat(grid.path("type").asString()).isEqualTo("FeatureCollection");
		assertThat(grid.path("features")).hasSize(1);
		JsonNode cell = grid.path("features").get(0);
		assertThat(cell.path("properties").path("reports").asLong()).isEqualTo(7);
		assertThat(cell.path("properties").path("quarter").asString())
			.isEqualTo(TestDatabase.queryString("SELECT name FROM quarter WHERE code = '" + first + "'"));
		assertThat(cell.path("geometry").path("type").asString()).isEqualTo("Polygon");
		assertThat(cell.path("geometry").path("coordinates").get(0)).hasSize(7);
		assertThat(grid.path("reports").asLong()).isEqualTo(8);
		assertThat(grid.path("hiddenCells").asLong()).isEqualTo(1);
		assertThat(grid.path("reportsInHiddenCells").asLong()).isEqualTo(1);
	}

	/**
	 * A report far from the others (a boundary imported far away, a stray point) cannot
	 * be projected into their UTM zone: counted off the grid, not a failure of the map.
	 */
	@Test
	void aReportFarFromTheOthersIsCountedOffTheGrid() {
		OffsetDateTime may = OffsetDateTime.parse("2011-05-10T10:00:00+02:00");
		for (int i = 0; i < 3; i++) {
			StatsData.report(first, 0, "LITTER", "WEB", may.plusHours(i), null, null, null);
		}
		StatsData.report(first, 93, "LITTER", "WEB", may.plusDays(1), null, null, null);

		JsonNode grid = get("/api/stats/grid?from=2011-05-01&to=2011-05-31").expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(grid.path("reports").asLong()).isEqualTo(4);
		assertThat(grid.path("reportsOffTheGrid").asLong()).isEqualTo(1);
		assertThat(grid.path("features")).hasSize(1);
	}

	@Test
	void badPeriodsAreRefusedWithAProblem() {
		for (String path : List.of("/api/stats/summary", "/api/stats/grid", "/api/stats/reports.csv")) {
			analyst().get()
				.uri(path + "?from=2011-04-01&to=2011-03-01")
				.exchange()
				.expectStatus()
				.isEqualTo(422)
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
			analyst().get()
				.uri(path + "?from=2001-01-01&to=2011-03-01")
				.exchange()
				.expectStatus()
				.isEqualTo(422)
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
			analyst().get()
				.uri(path + "?from=gestern")
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		}
	}

	private WebTestClient.ResponseSpec get(String uri) {
		return analyst().get().uri(uri).accept(MediaType.APPLICATION_JSON).exchange().expectStatus().isOk();
	}

	private WebTestClient analyst() {
		return StaffLogin.as(this.client, "analyst");
	}

}
