package de.quartierdispatch.incident;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.quartierdispatch.support.Fixtures;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shift handover names what the next lead must know: the open incidents, the alarms
 * of the shift (a P1 opened), what was closed and how, what changed, and where no team of
 * a needed type is free (coverage), within the lead's quarters only.
 */
@IntegrationTest
class ShiftHandoverIntegrationTests {

	private static final double BOY_LAT = 51.5423;

	private static final double BOY_LON = 6.9681;

	private static final double MITTE_LAT = 51.52334;

	private static final double MITTE_LON = 6.92871;

	@Autowired
	private WebTestClient client;

	@Test
	void theHandoverNamesOpenIncidentsAlarmsAndWhatWasClosedWithinTheLeadsQuarters() {
		long alarm = Fixtures.reportIncident(this.client, "AGGRESSION", BOY_LAT, BOY_LON);
		long closed = Fixtures.reportIncident(this.client, "OTHER", BOY_LAT, BOY_LON);
		long elsewhere = Fixtures.reportIncident(this.client, "AGGRESSION", MITTE_LAT, MITTE_LON);
		TestDatabase.queryLong("WITH added AS (INSERT INTO team_type (code, label_de, label_en, color, sort_order) "
				+ "VALUES ('NIGHT_WATCH', 'Nachtwache', 'Night watch', '#333333', 99) ON CONFLICT DO NOTHING RETURNING 1) "
				+ "SELECT count(*) FROM added");
		TestDatabase.queryLong("WITH needed AS (UPDATE incident SET team_types = team_types || '{NIGHT_WATCH}' "
				+ "WHERE id = " + alarm + " RETURNING 1) SELECT count(*) FROM needed");
		WebTestClient lead = StaffLogin.as(this.client, "dispatcher");
		lead.post()
			.uri("/api/incidents/{id}/decision", closed)
			.bodyValue(Map.of("outcome", "NOTHING_FOUND", "version", Fixtures.incidentVersion(closed)))
			.exchange()
			.expectStatus()
			.isOk();

		lead.get()
			.uri("/api/incidents/handover?hours=8")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.open[?(@.id == " + alarm + ")].priority")
			.isEqualTo(List.of(1))
			.jsonPath("$.open[?(@.id == " + closed + ")]")
			.doesNotExist()
			.jsonPath("$.alarms[?(@.incidentId == " + alarm + ")].type")
			.isEqualTo(List.of("INCIDENT_OPENED"))
			.jsonPath("$.closed[?(@.id == " + closed + ")].outcome")
			.isEqualTo(List.of("NOTHING_FOUND"))
			.jsonPath("$.changes.INCIDENT_STATE_CHANGED")
			.isNumber()
			.jsonPath("$.overdue")
			.isNumber()
			.jsonPath("$.coverage[?(@.teamType == 'NIGHT_WATCH' && @.quarter == 'Boy-West')].incidents[0]")
			.isEqualTo(List.of((int) alarm));
		scopedLead("Boy-West").get()
			.uri("/api/incidents/handover")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.open[?(@.id == " + alarm + ")]")
			.exists()
			.jsonPath("$.open[?(@.id == " + elsewhere + ")]")
			.doesNotExist()
			.jsonPath("$.alarms[?(@.incidentId == " + elsewhere + ")]")
			.doesNotExist();
		for (String hours : List.of("0", "25", "many")) {
			lead.get()
				.uri("/api/incidents/handover?hours=" + hours)
				.exchange()
				.expectStatus()
				.is4xxClientError()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
	}

	@Test
	void aMergeCountsOnceAmongTheShiftsChanges() {
		WebTestClient lead = scopedLead("Boy-West");
		long before = merges(lead);
		long kept = Fixtures.reportIncident(this.client, "LITTER", BOY_LAT, BOY_LON);
		long duplicate = Fixtures.reportIncident(this.client, "LITTER", BOY_LAT, BOY_LON);
		lead.post()
			.uri("/api/incidents/{id}/merge", duplicate)
			.bodyValue(Map.of("into", kept, "version", Fixtures.incidentVersion(duplicate)))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(merges(lead)).isEqualTo(before + 1);
	}

	private static long merges(WebTestClient lead) {
		String handover = lead.get()
			.uri("/api/incidents/handover?hours=8")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		Matcher merges = Pattern.compile("\"INCIDENT_MERGED\": ?(\\d+)").matcher(handover);
		return merges.find() ? Long.parseLong(merges.group(1)) : 0;
	}

	private WebTestClient scopedLead(String quarterName) {
		String code = TestDatabase.queryString("SELECT code FROM quarter WHERE name = '" + quarterName + "'");
		String username = "lead-" + UUID.randomUUID().toString().substring(0, 8);
		String password = "Kiesel Laterne Brombeere Hafen";
		StaffLogin.as(this.client, "admin")
			.post()
			.uri("/api/admin/users")
			.bodyValue(Map.of("username", username, "displayName", "Lead " + quarterName, "password", password, "roles",
					List.of("DISPATCHER"), "quarterCodes", List.of(code)))
			.exchange()
			.expectStatus()
			.isCreated();
		return StaffLogin.as(this.client, username, password);
	}

}
