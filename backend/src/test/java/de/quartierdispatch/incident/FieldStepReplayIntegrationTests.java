package de.quartierdispatch.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

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
 * Field steps sent again by the app (queued offline and replayed, or retried) count once:
 * the Idempotency-Key of a step that arrived before changes nothing, a key used for
 * another step or assignment and a malformed key are refused as problem details.
 */
@IntegrationTest
class FieldStepReplayIntegrationTests {

	/**
	 * Mitte-West: a quarter no other test reports in (recurring reports make hotspots).
	 */
	private static final double LAT = 51.5259;

	private static final double LON = 6.9129;

	@Autowired
	private WebTestClient client;

	@Test
	void aStepSentTwiceWithItsKeyIsAppliedOnce() {
		long team = Fixtures.team("KOD", LAT, LON);
		long assignment = assigned(team);
		WebTestClient field = StaffLogin.as(this.client, Fixtures.fieldMember(team));
		String key = UUID.randomUUID().toString();

		step(field, assignment, key, "EN_ROUTE", 0).expectStatus().isOk();
		step(field, assignment, key, "EN_ROUTE", 0).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.assignments[?(@.id == " + assignment + ")].state")
			.isEqualTo("EN_ROUTE");

		assertThat(TestDatabase.queryLong("SELECT count(*) FROM board_event WHERE type = 'ASSIGNMENT_CHANGED' "
				+ "AND data ->> 'assignment' = '" + assignment + "'"))
			.isOne();
		assertThat(TestDatabase.queryLong("SELECT version FROM assignment WHERE id = " + assignment)).isOne();
	}

	@Test
	void aKeySentAgainWithAnotherStepIsRefusedAndChangesNothing() {
		long team = Fixtures.team("KOD", LAT, LON);
		long assignment = assigned(team);
		WebTestClient field = StaffLogin.as(this.client, Fixtures.fieldMember(team));
		String key = UUID.randomUUID().toString();
		step(field, assignment, key, "EN_ROUTE", 0).expectStatus().isOk();

		step(field, assignment, key, "ON_SITE", 1).expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.value((type) -> assertThat(type.toString()).endsWith("step-key-reused"));

		assertThat(TestDatabase.queryString("SELECT state FROM assignment WHERE id = " + assignment))
			.isEqualTo("EN_ROUTE");
	}

	@Test
	void aStepOfAnAssignmentChangedMeanwhileIsRefusedWithItsKey() {
		long team = Fixtures.team("KOD", LAT, LON);
		long assignment = assigned(team);
		WebTestClient field = StaffLogin.as(this.client, Fixtures.fieldMember(team));
		step(field, assignment, UUID.randomUUID().toString(), "EN_ROUTE", 0).expectStatus().isOk();

		step(field, assignment, UUID.randomUUID().toString(), "ON_SITE", 0).expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

		// Said in words the member knows: the state by its name, no version number.
		WebTestClient german = field.mutate().defaultHeader("Accept-Language", "de").build();
		step(german, assignment, UUID.randomUUID().toString(), "ON_SITE", 0).expectBody()
			.jsonPath("$.detail")
			.isEqualTo(
					"Er wurde an anderer Stelle geändert (von der Leitstelle oder Ihrem Team) und ist jetzt unterwegs.")
			.jsonPath("$.currentState")
			.isEqualTo("EN_ROUTE");
		step(german, assignment, UUID.randomUUID().toString(), "ASSIGNED", 1).expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Das geht nicht, solange er unterwegs ist (gewünscht: zugewiesen).");
	}

	@Test
	void aKeyUsedForAnotherAssignmentOrMalformedIsRefused() {
		long team = Fixtures.team("KOD", LAT, LON);
		long first = assigned(team);
		WebTestClient field = StaffLogin.as(this.client, Fixtures.fieldMember(team));
		String key = UUID.randomUUID().toString();
		step(field, first, key, "ON_SITE", 0).expectStatus().isOk();
		step(field, first, UUID.randomUUID().toString(), "DONE", 1).expectStatus().isOk();
		long second = assigned(team);

		step(field, second, key, "EN_ROUTE", 0).expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		step(field, second, "no spaces allowed", "EN_ROUTE", 0).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(TestDatabase.queryString("SELECT state FROM assignment WHERE id = " + second)).isEqualTo("ASSIGNED");
	}

	@Test
	void aStepThatWaitedOnThePhoneCountsFromWhenItWasTakenWithinWhatTheServerKnows() {
		long team = Fixtures.team("KOD", LAT, LON);
		long assignment = assigned(team);
		long incident = TestDatabase.queryLong("SELECT incident_id FROM assignment WHERE id = " + assignment);
		// Assigned two hours ago; the team went without network since.
		TestDatabase.queryString("UPDATE incident SET created_at = created_at - interval '3 hours' WHERE id = "
				+ incident + " RETURNING id");
		TestDatabase.queryString("UPDATE assignment SET updated_at = updated_at - interval '2 hours' WHERE id = "
				+ assignment + " RETURNING id");
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		WebTestClient field = StaffLogin.as(this.client, Fixtures.fieldMember(team));

		step(field, assignment, "EN_ROUTE", 0, now.minus(Duration.ofMinutes(90))).expectStatus().isOk();
		step(field, assignment, "ON_SITE", 1, now.minus(Duration.ofMinutes(70))).expectStatus().isOk();

		assertThat(epoch("SELECT updated_at FROM assignment WHERE id = " + assignment))
			.isEqualTo(now.minus(Duration.ofMinutes(70)).getEpochSecond());
		assertThat(epoch("SELECT on_site_at FROM incident WHERE id = " + incident))
			.isEqualTo(now.minus(Duration.ofMinutes(70)).getEpochSecond());
		assertThat(TestDatabase.queryString("SELECT data ->> 'takenAt' FROM board_event WHERE type = "
				+ "'ASSIGNMENT_CHANGED' AND data ->> 'state' = 'ON_SITE' AND incident_id = " + incident))
			.isEqualTo(now.minus(Duration.ofMinutes(70)).toString());

		// Before the previous step it cannot have been: it counts from that step.
		step(field, assignment, "DONE", 2, now.minus(Duration.ofHours(5))).expectStatus().isOk();
		assertThat(epoch("SELECT updated_at FROM assignment WHERE id = " + assignment))
			.isEqualTo(now.minus(Duration.ofMinutes(70)).getEpochSecond());
	}

	@Test
	void aStepTakenLaterThanItArrivedCountsFromItsArrivalAndAMalformedTimeIsRefused() {
		long team = Fixtures.team("KOD", LAT, LON);
		long assignment = assigned(team);
		WebTestClient field = StaffLogin.as(this.client, Fixtures.fieldMember(team));

		long before = Instant.now().getEpochSecond();
		step(field, assignment, "EN_ROUTE", 0, Instant.now().plus(Duration.ofDays(400))).expectStatus().isOk();
		assertThat(epoch("SELECT updated_at FROM assignment WHERE id = " + assignment)).isBetween(before,
				Instant.now().getEpochSecond());
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM board_event WHERE type = 'ASSIGNMENT_CHANGED' "
				+ "AND data ? 'takenAt' AND data ->> 'assignment' = '" + assignment + "'"))
			.isZero();

		field.post()
			.uri("/api/field/assignments/{id}", assignment)
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("state", "ON_SITE", "version", 1, "takenAt", "gestern Abend"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(TestDatabase.queryString("SELECT state FROM assignment WHERE id = " + assignment))
			.isEqualTo("EN_ROUTE");
	}

	private static long epoch(String sql) {
		return TestDatabase.queryLong("SELECT floor(extract(epoch FROM (" + sql + ")))::bigint");
	}

	private static WebTestClient.ResponseSpec step(WebTestClient field, long assignment, String state, int version,
			Instant takenAt) {
		return field.post()
			.uri("/api/field/assignments/{id}", assignment)
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("state", state, "version", version, "takenAt", takenAt.toString()))
			.exchange();
	}

	private long assigned(long team) {
		long incident = Fixtures.reportIncident(this.client, "LITTER", LAT, LON);
		StaffLogin.as(this.client, "dispatcher")
			.post()
			.uri("/api/incidents/{id}/assignments", incident)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("teamId", team, "version", Fixtures.incidentVersion(incident)))
			.exchange()
			.expectStatus()
			.isOk();
		return TestDatabase.queryLong("SELECT id FROM assignment WHERE incident_id = " + incident);
	}

	private static WebTestClient.ResponseSpec step(WebTestClient field, long assignment, String key, String state,
			int version) {
		return field.post()
			.uri("/api/field/assignments/{id}", assignment)
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("state", state, "version", version))
			.exchange();
	}

}
