package de.quartierdispatch.routing;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import de.quartierdispatch.geo.GeoPoint;
import de.quartierdispatch.geo.QuarterLocation;
import de.quartierdispatch.geo.Quarters;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every seed rule of the demo city, routed through the real database: the table says
 * where and when a report comes in and what should happen.
 */
@IntegrationTest
class SeedRuleRoutingIntegrationTests {

	@Autowired
	private Router router;

	@Autowired
	private Quarters quarters;

	@Autowired
	private WebTestClient client;

	// A Saturday a year back: reports that other tests submit today never make these
	// places hotspots.
	@ParameterizedTest(name = "{0} {3} at {2} ({1}) → {4} P{5}")
	@CsvSource(delimiter = '|',
			textBlock = """
					AGGRESSION         | 51.5423,6.9681 | 2025-11-22T12:00:00Z | -          | KOD                     | 1 | Aggression oder Bedrohung
					YOUTH_GROUPS       | 51.5423,6.9681 | 2025-11-22T12:00:00Z | AGGRESSION | STREETWORK+KOD          | 2 | Jugendliche, Aggression
					YOUTH_GROUPS       | 51.5423,6.9681 | 2025-11-22T22:30:00Z | -          | STREETWORK+KOD          | 2 | Jugendliche nachts
					YOUTH_GROUPS       | 51.5423,6.9681 | 2025-11-22T12:00:00Z | -          | STREETWORK              | 3 | Jugendgruppen
					NOISE              | 51.5423,6.9681 | 2025-11-22T23:10:00Z | -          | KOD                     | 2 | Lärm nachts
					NOISE              | 51.5423,6.9681 | 2025-11-22T12:00:00Z | -          | KOD                     | 3 | Lärm tagsüber
					DRUGS_ALCOHOL      | 51.52334,6.92871 | 2025-11-22T12:00:00Z | -        | OUTREACH+KOD            | 2 | Drogen und Alkohol in der Innenstadt
					DRUGS_ALCOHOL      | 51.5423,6.9681 | 2025-11-22T12:00:00Z | -          | OUTREACH                | 3 | Drogen und Alkohol
					NEIGHBOUR_CONFLICT | 51.5423,6.9681 | 2025-11-22T12:00:00Z | -          | CONFLICT_MGMT+OUTREACH  | 3 | Nachbarschaftskonflikt
					LITTER             | 51.5423,6.9681 | 2025-11-22T12:00:00Z | -          | KOD                     | 3 | Müll und illegale Ablagerung
					PROBLEM_PROPERTY   | 51.5423,6.9681 | 2025-11-22T12:00:00Z | -          | QUARTER_MGMT+KOD        | 3 | Problemimmobilie
					PERSON_IN_NEED     | 51.5423,6.9681 | 2025-11-22T12:00:00Z | -          | OUTREACH                | 2 | Hilfebedürftige Person
					VANDALISM          | 51.5423,6.9681 | 2025-11-22T12:00:00Z | -          | KOD                     | 3 | Vandalismus
					OTHER              | 51.5423,6.9681 | 2025-11-22T12:00:00Z | -          | CONFLICT_MGMT           | 4 | Standard: Klärung durch das Konfliktmanagement
					NOISE              | 51.5423,6.9681 | 2026-03-29T04:30:00Z | -          | KOD                     | 3 | Lärm tagsüber
					NOISE              | 51.5423,6.9681 | 2026-03-29T03:30:00Z | -          | KOD                     | 2 | Lärm nachts
					""")
	void routesEverySeedRule(String category, String latLon, Instant at, String flags, String teamTypes, int priority,
			String rule) {
		String[] point = latLon.split(",");
		QuarterLocation location = this.quarters
			.locate(new GeoPoint(Double.parseDouble(point[0]), Double.parseDouble(point[1])))
			.block();
		Set<ReportFlag> flagSet = "-".equals(flags) ? Set.of() : EnumSet.of(ReportFlag.valueOf(flags));
		RoutingDecision decision = this.router
			.route(new RoutingRequest(category, location.quarter().id(), location.codes(), at, flagSet))
			.block();
		assertThat(decision.teamTypes()).containsExactlyElementsOf(Arrays.asList(teamTypes.split("\\+")));
		assertThat(decision.priority()).isEqualTo(priority);
		assertThat(decision.explanation()).contains("\"" + rule + "\"");
	}

	@Test
	void aNightReportOfYoungPeopleWithAggressionGoesToStreetWorkAndKodAndSaysWhy() {
		String body = StaffLogin.as(this.client, "dispatcher")
			.post()
			.uri("/api/routing/dry-run")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("category", "YOUTH_GROUPS", "lat", 51.5423, "lon", 6.9681, "at",
					"2025-11-22T23:10:00+01:00", "flags", List.of("AGGRESSION")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("\"teamTypes\":[\"STREETWORK\",\"KOD\"]")
			.contains("\"priority\":2")
			.contains("category YOUTH_GROUPS, flag AGGRESSION")
			.contains("\"quarter\":\"Boy-West\"");
	}

	@Test
	void theThirdReportOfAKindInAQuarterWithinAWeekMakesItAHotspot() {
		String third = null;
		for (int i = 0; i < 3; i++) {
			third = this.client.post()
				.uri("/api/reports")
				.contentType(MediaType.APPLICATION_JSON)
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.bodyValue(
						Map.of("category", "PROBLEM_PROPERTY", "description", "Leerstehendes Haus, Fenster offen " + i,
								"location", Map.of("lat", 51.5919, "lon", 6.9468), "language", "de"))
				.exchange()
				.expectStatus()
				.isCreated()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
		}
		String code = third.replaceAll(".*\"trackingCode\":\"([^\"]+)\".*", "$1");
		String explanation = TestDatabase.queryString(
				"SELECT i.routing_explanation || '|' || i.hotspot || '|' || array_to_string(i.team_types, '+') "
						+ "FROM report r JOIN incident i ON i.id = r.incident_id WHERE r.tracking_code = '" + code
						+ "'");
		assertThat(explanation).contains("hotspot: 3 PROBLEM_PROPERTY reports in Overhagen within 7 days")
			.endsWith("|true|QUARTER_MGMT+KOD");
	}

}
