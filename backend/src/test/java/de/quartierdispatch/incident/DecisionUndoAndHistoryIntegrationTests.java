package de.quartierdispatch.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import de.quartierdispatch.support.Fixtures;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.MutableClock;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lead's decision "closed without action" needs a reason and can be taken back by the
 * same lead within the configured window, by nobody else and not later; closed incidents
 * stay findable by tracking code, number, address or text within the lead's quarters, and
 * their timeline names each step's actor.
 */
@IntegrationTest
@Import(DecisionUndoAndHistoryIntegrationTests.TestClock.class)
@TestPropertySource(properties = { "quartier.scheduling.enabled=false", "quartier.decision.undo-window=2m" })
class DecisionUndoAndHistoryIntegrationTests {

	static final MutableClock CLOCK = new MutableClock(Instant.parse("2027-05-03T08:00:00Z"));

	private static final double BOY_LAT = 51.5423;

	private static final double BOY_LON = 6.9681;

	private static final double MITTE_LAT = 51.52334;

	private static final double MITTE_LON = 6.92871;

	@Autowired
	private WebTestClient client;

	@Test
	void closingWithoutActionNeedsAReasonAndOnlyTheSameLeadCanTakeItBackWithinTheWindow() {
		long incident = Fixtures.reportIncident(this.client, "OTHER", BOY_LAT, BOY_LON);
		WebTestClient lead = StaffLogin.as(this.client, "dispatcher", CLOCK);
		WebTestClient otherLead = lead(List.of());

		decide(lead, incident, Map.of("outcome", "NO_ACTION_POSSIBLE", "version", Fixtures.incidentVersion(incident)))
			.expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("reason");
		decide(lead, incident,
				Map.of("outcome", "NO_ACTION_POSSIBLE", "reason", "Ruhestörung war vorbei", "version",
						Fixtures.incidentVersion(incident)))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.undoableUntil")
			.exists();
		int closed = Fixtures.incidentVersion(incident);
		otherLead.get()
			.uri("/api/incidents/{id}", incident)
			.exchange()
			.expectBody()
			.jsonPath("$.undoableUntil")
			.doesNotExist();

		undo(otherLead, incident, closed).expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:problem:quartier-dispatch:undo-other-lead");
		undo(lead, incident, closed).expectStatus().isOk().expectBody().jsonPath("$.incident.state").isEqualTo("OPEN");
		undo(lead, incident, Fixtures.incidentVersion(incident)).expectStatus().isEqualTo(409);

		assertThat(Fixtures.incidentState(incident)).isEqualTo("OPEN");
		assertThat(TestDatabase.queryString("SELECT coalesce(outcome, 'none') FROM incident WHERE id = " + incident))
			.isEqualTo("none");
		assertThat(TestDatabase.queryString("SELECT data->>'undone' FROM board_event WHERE incident_id = " + incident
				+ " ORDER BY seq DESC LIMIT 1"))
			.isEqualTo("true");
	}

	/**
	 * A team not there yet is called off, not counted as done; one on site has done its
	 * part. Undoing the decision gives both their jobs back, and the incident follows
	 * them.
	 */
	@Test
	void closingCallsOffATeamNotThereYetAndUndoingGivesTheJobsBack() {
		long incident = Fixtures.reportIncident(this.client, "OTHER", BOY_LAT, BOY_LON);
		long onTheWay = Fixtures.team("KOD", BOY_LAT, BOY_LON);
		long there = Fixtures.team("KOD", BOY_LAT, BOY_LON);
		WebTestClient lead = StaffLogin.as(this.client, "dispatcher", CLOCK);
		for (long team : List.of(onTheWay, there)) {
			lead.post()
				.uri("/api/incidents/{id}/assignments", incident)
				.bodyValue(Map.of("teamId", team, "version", Fixtures.incidentVersion(incident)))
				.exchange()
				.expectStatus()
				.isOk();
		}
		long job = TestDatabase.queryLong("SELECT id FROM assignment WHERE team_id = " + there);
		lead.post()
			.uri("/api/incidents/{id}/assignments/{job}", incident, job)
			.bodyValue(Map.of("state", "ON_SITE", "version",
					TestDatabase.queryLong("SELECT version FROM assignment WHERE id = " + job)))
			.exchange()
			.expectStatus()
			.isOk();
		String timers = "SELECT count(*) FROM check_in WHERE team_id = " + there;
		assertThat(TestDatabase.queryLong(timers)).as("its safety timer runs while on site").isOne();
		decide(lead, incident, Map.of("outcome", "NO_ACTION_POSSIBLE", "reason", "Hausverwaltung kümmert sich",
				"version", Fixtures.incidentVersion(incident)))
			.expectStatus()
			.isOk();
		assertThat(jobs(incident)).isEqualTo(onTheWay + ":WITHDRAWN," + there + ":DONE");
		assertThat(TestDatabase.queryString(
				"SELECT string_agg(status, ',' ORDER BY id) FROM team WHERE id IN (" + onTheWay + ", " + there + ")"))
			.isEqualTo("AVAILABLE,AVAILABLE");
		assertThat(TestDatabase.queryLong(timers)).as("the timer ended with the job").isZero();

		undo(lead, incident, Fixtures.incidentVersion(incident)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.incident.state")
			.isEqualTo("ON_SITE");
		assertThat(jobs(incident)).isEqualTo(onTheWay + ":ASSIGNED," + there + ":ON_SITE");
		assertThat(TestDatabase.queryString("SELECT status FROM team WHERE id = " + there)).isEqualTo("ON_SITE");
		assertThat(TestDatabase.queryLong(timers)).as("back on site, its timer runs again").isOne();

		// Decided again: only this decision's ends are undone, once.
		decide(lead, incident, Map.of("outcome", "RESOLVED", "version", Fixtures.incidentVersion(incident)))
			.expectStatus()
			.isOk();
		assertThat(jobs(incident)).isEqualTo(onTheWay + ":WITHDRAWN," + there + ":DONE");
	}

	/**
	 * The team finished by itself, the lead decided, then took it back: the incident
	 * waits for the decision on site again (not open, as if no team had been there), and
	 * the outcome mail held for the window is withdrawn. Likewise with a team given its
	 * job back, where the incident is dispatched again rather than open.
	 */
	@Test
	void undoingGoesBackToWhereTheIncidentWaitedAndWithdrawsTheOutcomeMail() {
		WebTestClient lead = StaffLogin.as(this.client, "dispatcher", CLOCK);
		long finished = reportedWithMail();
		long team = Fixtures.team("KOD", BOY_LAT, BOY_LON);
		lead.post()
			.uri("/api/incidents/{id}/assignments", finished)
			.bodyValue(Map.of("teamId", team, "version", Fixtures.incidentVersion(finished)))
			.exchange()
			.expectStatus()
			.isOk();
		long job = TestDatabase.queryLong("SELECT id FROM assignment WHERE team_id = " + team);
		for (String state : List.of("ON_SITE", "DONE")) {
			lead.post()
				.uri("/api/incidents/{id}/assignments/{job}", finished, job)
				.bodyValue(Map.of("state", state, "version",
						TestDatabase.queryLong("SELECT version FROM assignment WHERE id = " + job)))
				.exchange()
				.expectStatus()
				.isOk();
		}
		assertThat(Fixtures.incidentState(finished)).isEqualTo("ON_SITE");
		long dispatched = reportedWithMail();
		lead.post()
			.uri("/api/incidents/{id}/assignments", dispatched)
			.bodyValue(Map.of("teamId", Fixtures.team("KOD", BOY_LAT, BOY_LON), "version",
					Fixtures.incidentVersion(dispatched)))
			.exchange()
			.expectStatus()
			.isOk();

		for (long incident : List.of(finished, dispatched)) {
			String state = Fixtures.incidentState(incident);
			decide(lead, incident, Map.of("outcome", "RESOLVED", "version", Fixtures.incidentVersion(incident)))
				.expectStatus()
				.isOk();
			assertThat(outcomeMails(incident, "closed_at IS NULL")).as("held for the window").isOne();

			undo(lead, incident, Fixtures.incidentVersion(incident)).expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.incident.state")
				.isEqualTo(state);
			assertThat(outcomeMails(incident, "closed_at IS NULL")).as("nothing left to send").isZero();
			assertThat(outcomeMails(incident, "sent_at IS NOT NULL")).isZero();
		}
	}

	private long reportedWithMail() {
		return Fixtures.incidentOf(Fixtures.submitReportWithMail(this.client, "OTHER", "Sperrmüll vor der Einfahrt",
				BOY_LAT, BOY_LON, "anwohnerin@example.org"));
	}

	private static long outcomeMails(long incident, String condition) {
		return TestDatabase.queryLong("SELECT count(*) FROM mail_outbox o JOIN report r ON r.id = o.report_id "
				+ "WHERE o.kind = 'OUTCOME' AND r.incident_id = " + incident + " AND o." + condition);
	}

	/**
	 * A decided incident the resident reopened and a lead then merged into another: the
	 * old decision is gone, and the merge is no decision an undo takes back (it would
	 * bring the incident back open, without its reports).
	 */
	@Test
	void anIncidentReopenedAndThenMergedCannotBeBroughtBackByUndoingTheOldDecision() {
		String code = Fixtures.submitReport(this.client, "OTHER", "Sperrmüll vor dem Haus", BOY_LAT, BOY_LON);
		long reopened = Fixtures.incidentOf(code);
		long survivor = Fixtures.reportIncident(this.client, "OTHER", BOY_LAT, BOY_LON);
		WebTestClient lead = StaffLogin.as(this.client, "dispatcher", CLOCK);
		decide(lead, reopened, Map.of("outcome", "NOTHING_FOUND", "version", Fixtures.incidentVersion(reopened)))
			.expectStatus()
			.isOk();
		String csrf = StaffLogin.csrfToken(this.client);
		this.client.post()
			.uri("/api/reports/{code}/still-a-problem", code)
			.cookie("XSRF-TOKEN", csrf)
			.header("X-XSRF-TOKEN", csrf)
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(Fixtures.incidentState(reopened)).isEqualTo("OPEN");
		lead.post()
			.uri("/api/incidents/{id}/merge", reopened)
			.bodyValue(Map.of("into", survivor, "version", Fixtures.incidentVersion(reopened)))
			.exchange()
			.expectStatus()
			.isOk();

		undo(lead, reopened, Fixtures.incidentVersion(reopened)).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:problem:quartier-dispatch:undo-not-decided");
		assertThat(TestDatabase
			.queryString("SELECT state || ':' || outcome || ':' || merged_into FROM incident WHERE id = " + reopened))
			.isEqualTo("CLOSED:DUPLICATE:" + survivor);
		lead.get()
			.uri("/api/incidents/{id}", reopened)
			.exchange()
			.expectBody()
			.jsonPath("$.undoableUntil")
			.doesNotExist();
	}

	private static String jobs(long incident) {
		return TestDatabase.queryString("SELECT string_agg(team_id || ':' || state, ',' ORDER BY team_id) "
				+ "FROM assignment WHERE incident_id = " + incident);
	}

	@Test
	void aDecisionCannotBeTakenBackOnceTheWindowHasPassed() {
		long incident = Fixtures.reportIncident(this.client, "OTHER", BOY_LAT, BOY_LON);
		WebTestClient lead = StaffLogin.as(this.client, "dispatcher", CLOCK);
		decide(lead, incident, Map.of("outcome", "NOTHING_FOUND", "version", Fixtures.incidentVersion(incident)))
			.expectStatus()
			.isOk();
		CLOCK.advance(Duration.ofMinutes(3));

		undo(lead, incident, Fixtures.incidentVersion(incident)).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:problem:quartier-dispatch:undo-too-late");
		assertThat(Fixtures.incidentState(incident)).isEqualTo("CLOSED");
	}

	@Test
	void closedIncidentsAreFoundByTrackingCodeNumberOrTextWithinTheLeadsQuarters() {
		String marker = "Sperrmüll-" + UUID.randomUUID().toString().substring(0, 8);
		long inside = Fixtures.reportIncident(this.client, "DRUGS_ALCOHOL", BOY_LAT, BOY_LON);
		long outside = Fixtures.reportIncident(this.client, "DRUGS_ALCOHOL", MITTE_LAT, MITTE_LON);
		TestDatabase.queryLong(
				"WITH changed AS (UPDATE report SET description = '" + marker + " am Kiosk' WHERE incident_id IN ("
						+ inside + "," + outside + ") RETURNING 1) SELECT count(*) FROM changed");
		String code = TestDatabase.queryString("SELECT tracking_code FROM report WHERE incident_id = " + inside);
		String street = "Teststraße " + marker.substring(marker.length() - 4);
		TestDatabase.queryLong("WITH placed AS (UPDATE report SET address_label = '" + street
				+ " 2, 46240 Bottrop' WHERE incident_id = " + inside + " RETURNING 1) SELECT count(*) FROM placed");
		WebTestClient lead = StaffLogin.as(this.client, "dispatcher", CLOCK);
		decide(lead, inside, Map.of("outcome", "NOTHING_FOUND", "version", Fixtures.incidentVersion(inside)))
			.expectStatus()
			.isOk();
		String boyWest = TestDatabase.queryString("SELECT code FROM quarter WHERE name = 'Boy-West'");

		search(lead, "q=" + code + "&closed=true").jsonPath("$.total")
			.isEqualTo(1)
			.jsonPath("$.items[0].id")
			.isEqualTo(inside)
			.jsonPath("$.items[0].outcome")
			.isEqualTo("NOTHING_FOUND");
		search(lead, "q=" + inside).jsonPath("$.items[?(@.id == " + inside + ")]").exists();
		// As a resident reads it out: lower case, without dashes.
		search(lead, "q=" + code.replace("-", "").toLowerCase(Locale.ROOT) + "&closed=true").jsonPath("$.total")
			.isEqualTo(1);
		search(lead, "q=" + street.toLowerCase()).jsonPath("$.total")
			.isEqualTo(1)
			.jsonPath("$.items[0].address")
			.isEqualTo(street + " 2, 46240 Bottrop");
		search(lead, "q=" + marker + "&closed=false").jsonPath("$.items[?(@.id == " + outside + ")]").exists();
		search(lead, "q=" + marker + "&closed=true&outcome=NOTHING_FOUND&category=DRUGS_ALCOHOL&quarter=" + boyWest)
			.jsonPath("$.total")
			.isEqualTo(1);
		search(lead(List.of(boyWest)), "q=" + marker).jsonPath("$.items[?(@.id == " + outside + ")]")
			.doesNotExist()
			.jsonPath("$.items[?(@.id == " + inside + ")]")
			.exists();
		// Erased (or past retention), the code names no one's case any more, as on the
		// status page.
		TestDatabase
			.queryLong("UPDATE report SET redacted_at = now() WHERE tracking_code = '" + code + "' RETURNING id");
		search(lead, "q=" + code + "&closed=true").jsonPath("$.total").isEqualTo(0);
		for (String bad : List.of("size=0", "page=-1", "outcome=MAYBE", "from=yesterday", "closed=perhaps")) {
			lead.get()
				.uri("/api/incidents/search?" + bad)
				.exchange()
				.expectStatus()
				.is4xxClientError()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
		// Checks made in code read as the same sentences as Bean Validation's.
		lead.get()
			.uri("/api/incidents/search?size=500")
			.header("Accept-Language", "de")
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("Dieser Wert liegt außerhalb des Bereichs, den wir speichern können.");
	}

	@Test
	void theTimelineNamesTheActorOfEveryStepNeverAnAccountOrPublic() {
		long incident = Fixtures.reportIncident(this.client, "OTHER", BOY_LAT, BOY_LON);
		WebTestClient lead = StaffLogin.as(this.client, "dispatcher", CLOCK);
		decide(lead, incident, Map.of("outcome", "NOTHING_FOUND", "version", Fixtures.incidentVersion(incident)))
			.expectStatus()
			.isOk();
		String name = TestDatabase.queryString("SELECT display_name FROM staff_user WHERE username = 'dispatcher'");

		lead.get()
			.uri("/api/incidents/{id}", incident)
			.exchange()
			.expectBody()
			.jsonPath("$.timeline[0].type")
			.isEqualTo("INCIDENT_OPENED")
			.jsonPath("$.timeline[0].actorKind")
			.isEqualTo("reporter")
			.jsonPath("$.timeline[0].actor")
			.doesNotExist()
			.jsonPath("$.timeline[1].details.outcome")
			.isEqualTo("NOTHING_FOUND")
			.jsonPath("$.timeline[1].actorKind")
			.isEqualTo("staff")
			.jsonPath("$.timeline[1].actor")
			.isEqualTo(name);
	}

	/**
	 * "Last updated" on the status page and in Open311 is the last change the reporter
	 * can see. A note or a priority is internal work: it told the reporter of it, and
	 * showed them no change.
	 */
	@Test
	void theReporterIsToldOfAnUpdateOnlyWhenThereIsOneToSee() {
		String code = Fixtures.submitReport(this.client, "OTHER", "Sperrmüll am Spielplatz", BOY_LAT, BOY_LON);
		long incident = Fixtures.incidentOf(code);
		long request = TestDatabase.queryLong("SELECT id FROM report WHERE tracking_code = '" + code + "'");
		Instant before = statusUpdatedAt(code);
		WebTestClient lead = StaffLogin.as(this.client, "dispatcher", CLOCK);

		CLOCK.advance(Duration.ofMinutes(10));
		lead.post()
			.uri("/api/incidents/{id}/notes", incident)
			.bodyValue(Map.of("text", "Hausmeister informiert"))
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
		lead.post()
			.uri("/api/incidents/{id}/priority", incident)
			.bodyValue(Map.of("priority", 1, "reason", "Kinder spielen dort", "version",
					Fixtures.incidentVersion(incident)))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(statusUpdatedAt(code)).isEqualTo(before);
		assertThat(open311UpdatedAt(request)).isEqualTo(before);

		CLOCK.advance(Duration.ofMinutes(10));
		Instant dispatched = CLOCK.instant().truncatedTo(ChronoUnit.SECONDS);
		lead.post()
			.uri("/api/incidents/{id}/assignments", incident)
			.bodyValue(Map.of("teamId", Fixtures.team("KOD", BOY_LAT, BOY_LON), "version",
					Fixtures.incidentVersion(incident)))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(statusUpdatedAt(code)).isEqualTo(dispatched);
		assertThat(open311UpdatedAt(request)).isEqualTo(dispatched);

		CLOCK.advance(Duration.ofMinutes(10));
		Instant written = CLOCK.instant().truncatedTo(ChronoUnit.SECONDS);
		lead.post()
			.uri("/api/incidents/{id}/public-messages", incident)
			.bodyValue(Map.of("text", "Wir kümmern uns darum.", "language", "de"))
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
		assertThat(statusUpdatedAt(code)).as("the message is on the status page").isEqualTo(written);
		assertThat(open311UpdatedAt(request)).as("Open311 does not carry messages").isEqualTo(dispatched);
	}

	private Instant statusUpdatedAt(String code) {
		return instant(this.client.get().uri("/api/reports/{code}", code).exchange(), "$.updatedAt");
	}

	private Instant open311UpdatedAt(long request) {
		return instant(this.client.get().uri("/open311/v2/requests/{id}.json", request).exchange(),
				"$[0].updated_datetime");
	}

	private static Instant instant(WebTestClient.ResponseSpec answer, String path) {
		String body = answer.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		String time = JsonPath.read(body, path);
		return OffsetDateTime.parse(time).toInstant().truncatedTo(ChronoUnit.SECONDS);
	}

	private WebTestClient.BodyContentSpec search(WebTestClient lead, String query) {
		return lead.get().uri("/api/incidents/search?" + query).exchange().expectStatus().isOk().expectBody();
	}

	private static WebTestClient.ResponseSpec decide(WebTestClient lead, long incident, Map<String, Object> body) {
		return lead.post().uri("/api/incidents/{id}/decision", incident).bodyValue(body).exchange();
	}

	private static WebTestClient.ResponseSpec undo(WebTestClient lead, long incident, int version) {
		return lead.post()
			.uri("/api/incidents/{id}/decision/undo", incident)
			.bodyValue(Map.of("version", version))
			.exchange();
	}

	private WebTestClient lead(List<String> quarterCodes) {
		String username = "lead-" + UUID.randomUUID().toString().substring(0, 8);
		String password = "Kiesel Laterne Brombeere Hafen";
		StaffLogin.as(this.client, "admin", CLOCK)
			.post()
			.uri("/api/admin/users")
			.bodyValue(Map.of("username", username, "displayName", "Lead " + username, "password", password, "roles",
					List.of("DISPATCHER"), "quarterCodes", quarterCodes))
			.exchange()
			.expectStatus()
			.isCreated();
		return StaffLogin.as(this.client, username, password, CLOCK);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestClock {

		@Bean
		@Primary
		Clock testClock() {
			return CLOCK;
		}

	}

}
