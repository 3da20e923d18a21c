package de.quartierdispatch.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import de.quartierdispatch.support.BoardClient;
import de.quartierdispatch.support.Fixtures;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.MutableClock;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lone-worker safety: a team on site has a check-in timer as long as its team type says;
 * when it runs out unanswered (the clock is moved by hand, the schedule is off so that
 * only the test decides when the check runs) or a member presses "need help", the board
 * gets an alarm event, once; "still fine" starts the timer again and ends the alarm of a
 * timer that ran out, while a call for help stays raised until a lead ends it.
 */
@IntegrationTest
@Import(LoneWorkerSafetyIntegrationTests.TestClock.class)
@TestPropertySource(properties = "quartier.scheduling.enabled=false")
class LoneWorkerSafetyIntegrationTests {

	static final MutableClock CLOCK = new MutableClock(Instant.parse("2027-02-10T21:00:00Z"));

	/**
	 * Mitte-West: a quarter no other test reports in (recurring reports make hotspots).
	 */
	private static final double LAT = 51.5259;

	private static final double LON = 6.9129;

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Autowired
	private LoneWorkerSafety safety;

	@Autowired
	private WebTestClient client;

	@LocalServerPort
	private int port;

	@BeforeEach
	void lateEvening() {
		CLOCK.set(Instant.parse("2027-02-10T21:00:00Z"));
	}

	@Test
	void aCheckInTimerRunningOutUnansweredRaisesOneAlarmOnTheBoard() throws InterruptedException {
		long team = teamWithTenMinuteCheckIns();
		WebTestClient field = StaffLogin.as(this.client, Fixtures.fieldMember(team), CLOCK);
		long incident = onSite(field, team);
		try (BoardClient board = BoardClient.connect(this.port,
				StaffLogin.sessionToken(this.client, "dispatcher", CLOCK), lastSeq())) {
			CLOCK.advance(Duration.ofMinutes(9));
			assertThat(this.safety.raiseOverdueAlarms().block()).doesNotContain(team);

			CLOCK.advance(Duration.ofMinutes(2));
			assertThat(this.safety.raiseOverdueAlarms().block()).containsExactly(team);
			assertThat(this.safety.raiseOverdueAlarms().block()).isEmpty();

			JsonNode alarm = alarmOf(board, team);
			assertThat(alarm.path("data").path("reason").asString()).isEqualTo("OVERDUE");
			assertThat(alarm.path("data").path("team").path("alarm").path("incidentId").asLong()).isEqualTo(incident);
			assertThat(alarm.path("data").path("incident").path("id").asLong()).isEqualTo(incident);
		}
		assertThat(TestDatabase
			.queryLong("SELECT count(*) FROM board_event WHERE type = 'TEAM_ALARM' AND team_id = " + team)).isOne();
	}

	@Test
	void needHelpRaisesAnAlarmAtOnceThatStillFineDoesNotEndButTheLeadDoes() throws InterruptedException {
		long team = teamWithTenMinuteCheckIns();
		WebTestClient field = StaffLogin.as(this.client, Fixtures.fieldMember(team), CLOCK);
		onSite(field, team);
		try (BoardClient board = BoardClient.connect(this.port,
				StaffLogin.sessionToken(this.client, "dispatcher", CLOCK), lastSeq())) {
			field.post().uri("/api/field/help").exchange().expectStatus().isOk();
			JsonNode alarm = alarmOf(board, team);
			assertThat(alarm.path("data").path("reason").asString()).isEqualTo("HELP");
			assertThat(alarm.path("data").path("team").path("alarm").path("reason").asString()).isEqualTo("HELP");

			// Whoever taps "still fine" after calling for help may not be fine: the timer
			// starts again, the alarm stays.
			CLOCK.advance(Duration.ofMinutes(8));
			checkIn(field).jsonPath("$.checkIn.alarm").isEqualTo("HELP");
			JsonNode checkedIn = teamChangeOf(board, team);
			assertThat(checkedIn.path("data").path("team").path("alarm").path("reason").asString()).isEqualTo("HELP");

			field.post().uri("/api/board/teams/{team}/alarm/end", team).exchange().expectStatus().isForbidden();
			WebTestClient lead = StaffLogin.as(this.client, "dispatcher", CLOCK);
			lead.post().uri("/api/board/teams/{team}/alarm/end", team).exchange().expectStatus().isNoContent();
			JsonNode ended = teamChangeOf(board, team);
			assertThat(ended.path("data").path("team").path("alarm").isNull()).isTrue();
			lead.post()
				.uri("/api/board/teams/{team}/alarm/end", team)
				.exchange()
				.expectStatus()
				.isEqualTo(409)
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		}
		assertThat(TestDatabase.queryString("SELECT data ->> 'checkIn' FROM board_event WHERE team_id = " + team
				+ " AND type = 'TEAM_STATUS_CHANGED' ORDER BY seq DESC LIMIT 1"))
			.isEqualTo("ALARM_ENDED");
	}

	/**
	 * A call for help outlives the incident: the lead closing it does not end the alarm.
	 */
	@Test
	void aCallForHelpStaysOnTheBoardWhenTheIncidentIsClosed() {
		long team = teamWithTenMinuteCheckIns();
		WebTestClient field = StaffLogin.as(this.client, Fixtures.fieldMember(team), CLOCK);
		long incident = onSite(field, team);
		field.post().uri("/api/field/help").exchange().expectStatus().isOk();

		WebTestClient lead = StaffLogin.as(this.client, "dispatcher", CLOCK);
		lead.post()
			.uri("/api/incidents/{id}/decision", incident)
			.bodyValue(Map.of("outcome", "RESOLVED", "version", Fixtures.incidentVersion(incident)))
			.exchange()
			.expectStatus()
			.isOk();

		String alarm = "SELECT coalesce(team_summary(" + team + ") -> 'alarm' ->> 'reason', 'none')";
		assertThat(TestDatabase.queryString(alarm)).isEqualTo("HELP");
		lead.post().uri("/api/board/teams/{team}/alarm/end", team).exchange().expectStatus().isNoContent();
		assertThat(TestDatabase.queryString(alarm)).isEqualTo("none");
	}

	@Test
	void stillFineEndsTheAlarmOfATimerThatRanOut() {
		long team = teamWithTenMinuteCheckIns();
		WebTestClient field = StaffLogin.as(this.client, Fixtures.fieldMember(team), CLOCK);
		onSite(field, team);
		CLOCK.advance(Duration.ofMinutes(11));
		assertThat(this.safety.raiseOverdueAlarms().block()).contains(team);
		checkIn(field).jsonPath("$.checkIn.alarm").doesNotExist();
	}

	@Test
	void aLeadOutsideTheIncidentsQuartersCannotEndItsAlarm() {
		long team = teamWithTenMinuteCheckIns();
		WebTestClient field = StaffLogin.as(this.client, Fixtures.fieldMember(team), CLOCK);
		onSite(field, team);
		field.post().uri("/api/field/help").exchange().expectStatus().isOk();
		StaffLogin.as(this.client, Fixtures.leadFor("Boy-West"), CLOCK)
			.post()
			.uri("/api/board/teams/{team}/alarm/end", team)
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void aTeamNotOnSiteCannotCheckIn() {
		long team = teamWithTenMinuteCheckIns();
		WebTestClient field = StaffLogin.as(this.client, Fixtures.fieldMember(team), CLOCK);
		field.post()
			.uri("/api/field/check-in")
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	/** A team of a type of the test's own, whose check-in timer runs ten minutes. */
	private static long teamWithTenMinuteCheckIns() {
		String type = "LONE_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		TestDatabase.queryString("INSERT INTO team_type (code, label_de, label_en, color, check_in_minutes) VALUES ('"
				+ type + "', 'Test', 'Test', '#123456', 10) RETURNING code");
		return Fixtures.team(type, LAT, LON);
	}

	/**
	 * Reports an incident, assigns the team and sets it on site; returns the incident.
	 */
	private long onSite(WebTestClient field, long team) {
		long incident = Fixtures.reportIncident(this.client, "LITTER", LAT, LON);
		StaffLogin.as(this.client, "dispatcher", CLOCK)
			.post()
			.uri("/api/incidents/{id}/assignments", incident)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("teamId", team, "version", Fixtures.incidentVersion(incident)))
			.exchange()
			.expectStatus()
			.isOk();
		long assignment = TestDatabase.queryLong("SELECT id FROM assignment WHERE incident_id = " + incident);
		field.post()
			.uri("/api/field/assignments/{id}", assignment)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("state", "ON_SITE", "version", 0))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.checkIn.dueAt")
			.value((String due) -> assertThat(Instant.parse(due)).isEqualTo(CLOCK.instant().plusSeconds(600)));
		return incident;
	}

	/**
	 * The next alarm of this team (the check also raises alarms of other tests' teams
	 * still on site).
	 */
	private static JsonNode alarmOf(BoardClient board, long team) throws InterruptedException {
		return board.await((json) -> "TEAM_ALARM".equals(json.path("type").asString())
				&& json.path("data").path("team").path("id").asLong() == team, WAIT);
	}

	/**
	 * "Still fine" from the phone: the answer, whose timer runs ten minutes from now
	 * again.
	 */
	private static WebTestClient.BodyContentSpec checkIn(WebTestClient field) {
		WebTestClient.BodyContentSpec answer = field.post()
			.uri("/api/field/check-in")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
		answer.jsonPath("$.checkIn.dueAt")
			.value((String due) -> assertThat(Instant.parse(due)).isEqualTo(CLOCK.instant().plusSeconds(600)));
		return answer;
	}

	private static JsonNode teamChangeOf(BoardClient board, long team) throws InterruptedException {
		return board.await((json) -> "TEAM_STATUS_CHANGED".equals(json.path("type").asString())
				&& json.path("data").path("team").path("id").asLong() == team, WAIT);
	}

	private static long lastSeq() {
		return TestDatabase.queryLong("SELECT last_seq FROM board_event_sequence");
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
