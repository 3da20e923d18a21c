package de.quartierdispatch.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import de.quartierdispatch.support.Fixtures;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.MutableClock;
import de.quartierdispatch.support.Parallel;
import de.quartierdispatch.support.SecondInstance;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Overdue incidents are escalated as their rule said, once, also when two application
 * instances run the escalation at the same moment. The clock is moved by hand; the
 * schedule is off so that only the test decides when escalation runs.
 */
@IntegrationTest
@Import(EscalationIntegrationTests.TestClock.class)
@TestPropertySource(properties = "quartier.scheduling.enabled=false")
class EscalationIntegrationTests {

	static final MutableClock CLOCK = new MutableClock(Instant.parse("2027-01-15T11:00:00Z"));

	private static ConfigurableApplicationContext secondInstance;

	@Autowired
	private Escalation escalation;

	@Autowired
	private WebTestClient client;

	@BeforeEach
	void noonOnAWeekday() {
		CLOCK.set(Instant.parse("2027-01-15T11:00:00Z"));
	}

	@AfterAll
	static void stopSecondInstance() {
		if (secondInstance != null) {
			secondInstance.close();
		}
	}

	@Test
	void anIncidentWithoutATeamOnSiteIsEscalatedOnceWhenItsTargetTimePasses() {
		// "Lärm tagsüber": KOD, P3, 120 min; once overdue conflict management joins.
		long incident = Fixtures.reportIncident(this.client, "NOISE", 51.5423, 6.9681);
		CLOCK.advance(Duration.ofMinutes(119));
		assertThat(this.escalation.escalateDue().block()).doesNotContain(incident);
		CLOCK.advance(Duration.ofMinutes(2));
		assertThat(this.escalation.escalateDue().block()).contains(incident);
		assertThat(
				TestDatabase.queryString("SELECT overdue || ':' || priority || ':' || array_to_string(team_types, '+') "
						+ "FROM incident WHERE id = " + incident))
			.isEqualTo("true:3:KOD+CONFLICT_MGMT");
		CLOCK.advance(Duration.ofHours(5));
		assertThat(this.escalation.escalateDue().block()).doesNotContain(incident);
		assertThat(TestDatabase.queryString("SELECT string_agg(data ->> 'addedTeamType', ',') FROM board_event "
				+ "WHERE type = 'INCIDENT_ESCALATED' AND incident_id = " + incident))
			.isEqualTo("CONFLICT_MGMT");
	}

	@Test
	void escalationRaisesThePriorityWhenTheRuleSaysSo() {
		// "Hilfebedürftige Person": OUTREACH, P2, 60 min, escalated to P1.
		long incident = Fixtures.reportIncident(this.client, "PERSON_IN_NEED", 51.5423, 6.9681);
		CLOCK.advance(Duration.ofMinutes(61));
		assertThat(this.escalation.escalateDue().block()).contains(incident);
		assertThat(TestDatabase.queryString(
				"SELECT priority || ':' || array_to_string(team_types, '+') FROM incident WHERE id = " + incident))
			.isEqualTo("1:OUTREACH");
		assertThat(TestDatabase
			.queryString("SELECT (data ->> 'fromPriority') || '>' || (data ->> 'toPriority') FROM board_event "
					+ "WHERE type = 'INCIDENT_ESCALATED' AND incident_id = " + incident))
			.isEqualTo("2>1");
	}

	@Test
	void anIncidentWithATeamOnSiteIsNotEscalated() {
		long incident = Fixtures.reportIncident(this.client, "LITTER", 51.5423, 6.9681);
		long team = Fixtures.team("KOD", 51.5423, 6.9681);
		WebTestClient lead = StaffLogin.as(this.client, "dispatcher", CLOCK);
		lead.post()
			.uri("/api/incidents/{id}/assignments", incident)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("teamId", team, "version", Fixtures.incidentVersion(incident)))
			.exchange()
			.expectStatus()
			.isOk();
		long assignment = TestDatabase.queryLong("SELECT id FROM assignment WHERE incident_id = " + incident);
		lead.post()
			.uri("/api/incidents/{id}/assignments/{a}", incident, assignment)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("state", "ON_SITE", "version", 0))
			.exchange()
			.expectStatus()
			.isOk();
		CLOCK.advance(Duration.ofDays(2));
		assertThat(this.escalation.escalateDue().block()).doesNotContain(incident);
	}

	@Test
	void twoInstancesRacingEscalateEachIncidentExactlyOnce() throws Exception {
		Escalation other = secondInstance().getBean(Escalation.class);
		Set<Long> incidents = new HashSet<>();
		for (int i = 0; i < 25; i++) {
			incidents.add(Fixtures.reportIncident(this.client, "VANDALISM", 51.5423, 6.9681));
		}
		CLOCK.advance(Duration.ofDays(3));
		List<Callable<List<Long>>> runs = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			runs.add(() -> this.escalation.escalateDue().block());
			runs.add(() -> other.escalateDue().block());
		}
		List<List<Long>> results = Parallel.race(runs);
		List<Long> escalated = results.stream().flatMap(List::stream).filter(incidents::contains).toList();
		assertThat(escalated).as("each escalated by one run only").doesNotHaveDuplicates().hasSameSizeAs(incidents);
		String ids = incidents.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();
		assertThat(TestDatabase.queryLong(
				"SELECT count(*) FROM board_event WHERE type = 'INCIDENT_ESCALATED' AND incident_id IN (" + ids + ")"))
			.isEqualTo(incidents.size());
	}

	private static ConfigurableApplicationContext secondInstance() {
		if (secondInstance == null) {
			secondInstance = SecondInstance.start(new Class<?>[] { TestClock.class }, "--server.port=0",
					"--quartier.scheduling.enabled=false");
		}
		return secondInstance;
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
