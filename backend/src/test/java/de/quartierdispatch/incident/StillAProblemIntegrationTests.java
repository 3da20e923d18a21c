package de.quartierdispatch.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

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
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Still a problem?": within 14 days of closing the reporter reopens the incident, and
 * the board hears of it; later their report opens a new incident that follows the old
 * one.
 */
@IntegrationTest
@Import(StillAProblemIntegrationTests.TestClock.class)
@TestPropertySource(properties = { "quartier.scheduling.enabled=false", "quartier.reopen.window=14d" })
class StillAProblemIntegrationTests {

	static final MutableClock CLOCK = new MutableClock(Instant.parse("2027-03-01T10:00:00Z"));

	@Autowired
	private WebTestClient client;

	@Test
	void withinTheWindowTheIncidentIsReopenedAndTheBoardHearsOfIt() {
		String code = report();
		long incident = Fixtures.incidentOf(code);
		stillAProblem(code).expectStatus().isEqualTo(409);
		close(incident);
		CLOCK.advance(Duration.ofDays(13));

		stillAProblem(code).expectStatus().isOk().expectBody().jsonPath("$.followUp").isEqualTo(false);

		assertThat(Fixtures.incidentState(incident)).isEqualTo("OPEN");
		assertThat(TestDatabase.queryString("SELECT coalesce(outcome, 'none') FROM incident WHERE id = " + incident))
			.isEqualTo("none");
		assertThat(TestDatabase.queryString("SELECT data->>'reopened' FROM board_event WHERE incident_id = " + incident
				+ " ORDER BY seq DESC LIMIT 1"))
			.isEqualTo("true");
		// The board marks it in its queue: the summary says since when it is open again.
		assertThat(TestDatabase.queryString("SELECT (data -> 'incident' ->> 'reopenedAt' IS NOT NULL)::text "
				+ "FROM board_event WHERE incident_id = " + incident + " ORDER BY seq DESC LIMIT 1"))
			.isEqualTo("true");
		this.client.get()
			.uri("/api/reports/{code}", code)
			.exchange()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("RECEIVED");
	}

	@Test
	void pastTheWindowTheReportOpensANewIncidentFollowingTheOldOne() {
		String code = reportWithMail();
		long incident = Fixtures.incidentOf(code);
		close(incident);
		CLOCK.advance(Duration.ofDays(15));

		stillAProblem(code).expectStatus().isOk().expectBody().jsonPath("$.followUp").isEqualTo(true);

		long followUp = Fixtures.incidentOf(code);
		assertThat(followUp).isNotEqualTo(incident);
		assertThat(Fixtures.incidentState(incident)).isEqualTo("CLOSED");
		assertThat(Fixtures.incidentState(followUp)).isEqualTo("OPEN");
		assertThat(TestDatabase.queryLong("SELECT follows_incident FROM incident WHERE id = " + followUp))
			.isEqualTo(incident);
		assertThat(TestDatabase
			.queryString("SELECT type FROM board_event WHERE incident_id = " + followUp + " ORDER BY seq DESC LIMIT 1"))
			.isEqualTo("INCIDENT_OPENED");
		// The reporter hears that it is taken up again, as of a reopening.
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM mail_outbox o JOIN report r ON r.id = o.report_id "
				+ "WHERE r.tracking_code = '" + code + "' AND o.kind = 'REOPENED'"))
			.isOne();
	}

	/**
	 * What staff wrote on the incident a follow-up follows is about the same reporter's
	 * complaint: their export shows it, and their erasure reaches it.
	 */
	@Test
	void theIncidentAFollowUpFollowsStaysInTheReportersCase() {
		String code = reportWithMail();
		long incident = Fixtures.incidentOf(code);
		String note = "Frau Beispiel aus Wohnung 3 " + UUID.randomUUID();
		WebTestClient lead = StaffLogin.as(this.client, "dispatcher", CLOCK);
		noteThenCloseLongAgo(lead, incident, note);
		stillAProblem(code).expectStatus().isOk().expectBody().jsonPath("$.followUp").isEqualTo(true);

		WebTestClient admin = StaffLogin.as(this.client, "admin", CLOCK);
		admin.post()
			.uri("/api/admin/privacy/export")
			.bodyValue(Map.of("trackingCode", code, "request", "Brief vom 3. März"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.notes[*].text")
			.value((Object texts) -> assertThat(texts.toString()).contains(note));
		admin.post()
			.uri("/api/admin/privacy/erase")
			.bodyValue(Map.of("trackingCode", code, "request", "Brief vom 3. März"))
			.exchange()
			.expectStatus()
			.isOk();

		assertThat(TestDatabase.queryLong("SELECT count(*) FROM incident_note WHERE incident_id = " + incident
				+ " AND text LIKE '%" + note + "%'"))
			.isZero();
		assertThat(
				TestDatabase.queryString("SELECT (redacted_at IS NOT NULL)::text FROM incident WHERE id = " + incident))
			.isEqualTo("true");
	}

	/**
	 * Two reporters of one case each say "still a problem": each follow-up moves one
	 * report, so one reporter's erasure leaves the record of a case the other still has.
	 */
	@Test
	void oneFollowUpsErasureLeavesTheCaseAnotherFollowUpStillHas() {
		String first = reportWithMail();
		long incident = Fixtures.incidentOf(first);
		String second = Fixtures.submitReportWithMail(this.client, "LITTER", "Der Sperrmüll ist immer noch da", 51.5386,
				6.9740, "nachbar@example.org");
		WebTestClient lead = StaffLogin.as(this.client, "dispatcher", CLOCK);
		long other = Fixtures.incidentOf(second);
		if (other != incident) {
			Fixtures.merge(lead, other, incident);
		}
		String note = "Herr Beispiel, Erdgeschoss " + UUID.randomUUID();
		noteThenCloseLongAgo(lead, incident, note);
		stillAProblem(first).expectStatus().isOk().expectBody().jsonPath("$.followUp").isEqualTo(true);
		stillAProblem(second).expectStatus().isOk().expectBody().jsonPath("$.followUp").isEqualTo(true);

		StaffLogin.as(this.client, "admin", CLOCK)
			.post()
			.uri("/api/admin/privacy/erase")
			.bodyValue(Map.of("trackingCode", first, "request", "Brief vom 4. März"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.caseContinues")
			.isEqualTo(true);
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM incident_note WHERE incident_id = " + incident
				+ " AND text LIKE '%" + note + "%'"))
			.isOne();
	}

	/** A note on the incident, then the incident closed and the reopening window past. */
	private void noteThenCloseLongAgo(WebTestClient lead, long incident, String note) {
		lead.post()
			.uri("/api/incidents/{id}/notes", incident)
			.bodyValue(Map.of("text", note))
			.exchange()
			.expectStatus()
			.isOk();
		close(incident);
		CLOCK.advance(Duration.ofDays(15));
	}

	private void close(long incident) {
		StaffLogin.as(this.client, "dispatcher", CLOCK)
			.post()
			.uri("/api/incidents/{id}/decision", incident)
			.bodyValue(Map.of("outcome", "NOTHING_FOUND", "version", Fixtures.incidentVersion(incident)))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private WebTestClient.ResponseSpec stillAProblem(String code) {
		String csrf = StaffLogin.csrfToken(this.client);
		return this.client.post()
			.uri("/api/reports/{code}/still-a-problem", code)
			.cookie("XSRF-TOKEN", csrf)
			.header("X-XSRF-TOKEN", csrf)
			.exchange();
	}

	private String reportWithMail() {
		return Fixtures.submitReportWithMail(this.client, "LITTER", "Wieder Sperrmüll an der Ecke", 51.5386, 6.9740,
				"nachbarin@example.org");
	}

	private String report() {
		return Fixtures.submitReport(this.client, "LITTER", "Wieder Sperrmüll an der Ecke", 51.5386, 6.9740);
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
