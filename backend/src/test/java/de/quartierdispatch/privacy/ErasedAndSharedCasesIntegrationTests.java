package de.quartierdispatch.privacy;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import de.quartierdispatch.support.Fixtures;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.Partners;
import de.quartierdispatch.support.PersonalData;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resident's rights reach their own report, not the case of others: a case shared with
 * other reporters keeps its record through one reporter's erasure, and one reporter's
 * export does not carry what staff wrote about the others' case. An erased case takes
 * nothing new and is not reopened; its code no longer stands for anything.
 */
@IntegrationTest
class ErasedAndSharedCasesIntegrationTests {

	private static final double LAT = 51.5419;

	private static final double LON = 6.9672;

	@Autowired
	private WebTestClient client;

	@Test
	void oneReportersErasureLeavesTheRecordOfACaseOthersShareAndTheirExportWithholdsIt() {
		Submitted first = submit();
		Submitted second = submit();
		WebTestClient lead = StaffLogin.as(this.client, "dispatcher");
		lead.post()
			.uri("/api/incidents/{id}/merge", second.incident())
			.bodyValue(Map.of("into", first.incident(), "version", Fixtures.incidentVersion(second.incident())))
			.exchange()
			.expectStatus()
			.isOk();
		String note = "Frau " + PersonalData.NAME + " meldet sich seit Wochen " + UUID.randomUUID();
		lead.post()
			.uri("/api/incidents/{id}/notes", first.incident())
			.bodyValue(Map.of("text", note))
			.exchange()
			.expectStatus()
			.isOk();
		WebTestClient admin = StaffLogin.as(this.client, "admin");
		long notes = TestDatabase.queryLong("SELECT count(*) FROM incident_note WHERE incident_id = " + first.incident()
				+ " AND redacted_at IS NULL");
		assertThat(notes).isGreaterThanOrEqualTo(2);

		// The second reporter's export: their own report, the case's notes only counted.
		admin.post()
			.uri("/api/admin/privacy/export")
			.bodyValue(Map.of("trackingCode", second.code(), "request", "Brief vom 1. Dezember"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.description")
			.isEqualTo(second.description())
			.jsonPath("$.notes.length()")
			.isEqualTo(0)
			.jsonPath("$.sharedCase.otherReports")
			.isEqualTo(1)
			.jsonPath("$.sharedCase.notesWithheld")
			.isEqualTo(notes);

		// Their erasure: their report goes; the case, which the first reporter keeps,
		// keeps its notes, its place and its record.
		admin.post()
			.uri("/api/admin/privacy/erase")
			.bodyValue(Map.of("trackingCode", second.code(), "request", "Brief vom 1. Dezember"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.reportRedacted")
			.isEqualTo(true)
			.jsonPath("$.caseContinues")
			.isEqualTo(true)
			.jsonPath("$.notesRedacted")
			.isEqualTo(0);
		assertThat(TestDatabase.queryString("SELECT description FROM report WHERE id = " + second.id())).isEmpty();
		assertThat(TestDatabase
			.queryString("SELECT string_agg(text, '|') FROM incident_note WHERE incident_id = " + first.incident()))
			.contains(note);
		assertThat(TestDatabase
			.queryString("SELECT (redacted_at IS NULL)::text FROM incident WHERE id = " + first.incident()))
			.isEqualTo("true");

		// The erased report's code no longer stands for anything, for the public either.
		this.client.get().uri("/api/reports/{code}", second.code()).exchange().expectStatus().isNotFound();
		String csrf = StaffLogin.csrfToken(this.client);
		this.client.post()
			.uri("/api/reports/{code}/still-a-problem", second.code())
			.cookie("XSRF-TOKEN", csrf)
			.header("X-XSRF-TOKEN", csrf)
			.exchange()
			.expectStatus()
			.isNotFound();
		this.client.get().uri("/api/reports/{code}", first.code()).exchange().expectStatus().isOk();

		// The first reporter, alone on the case again, gets its notes.
		admin.post()
			.uri("/api/admin/privacy/export")
			.bodyValue(Map.of("trackingCode", first.code(), "request", "Anruf vom 2. Dezember"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.notes[?(@.text == '" + note + "')]")
			.exists()
			.jsonPath("$.sharedCase")
			.doesNotExist();
		Fixtures.decide(this.client, first.incident(), "NOTHING_FOUND");
	}

	@Test
	void anErasedClosedCaseTakesNothingNewAndIsNotReopened() {
		Submitted report = submit();
		Fixtures.decide(this.client, report.incident(), "NOTHING_FOUND");
		StaffLogin.as(this.client, "admin")
			.post()
			.uri("/api/admin/privacy/erase")
			.bodyValue(Map.of("trackingCode", report.code(), "request", "Mail vom 5. Dezember"))
			.exchange()
			.expectStatus()
			.isOk();
		WebTestClient lead = StaffLogin.as(this.client, "dispatcher");
		// The code stands for nothing any more, also as an Open311 token.
		for (String path : new String[] { "/api/reports/{code}", "/open311/v2/tokens/{code}.json" }) {
			this.client.get().uri(path, report.code()).exchange().expectStatus().isNotFound();
		}

		for (var attempt : Map
			.of("/api/incidents/{id}/notes", Map.of("text", "Nachtrag"), "/api/incidents/{id}/public-messages",
					Map.of("text", "Wir waren noch einmal da.", "language", "de"), "/api/incidents/{id}/decision/undo",
					Map.of("version", Fixtures.incidentVersion(report.incident())))
			.entrySet()) {
			lead.post()
				.uri(attempt.getKey(), report.incident())
				.bodyValue(attempt.getValue())
				.exchange()
				.expectStatus()
				.isEqualTo(409)
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.title")
				.isEqualTo("Vorgang gelöscht");
		}
		assertThat(TestDatabase
			.queryLong("SELECT count(*) FROM reporter_message WHERE incident_id = " + report.incident())).isZero();
		assertThat(Fixtures.incidentState(report.incident())).isEqualTo("CLOSED");
	}

	@Test
	void whatAnErasedCaseTakesWhileStillOpenGoesAtTheNextRetentionRun() {
		Submitted report = submit();
		WebTestClient admin = StaffLogin.as(this.client, "admin");
		admin.post()
			.uri("/api/admin/privacy/erase")
			.bodyValue(Map.of("trackingCode", report.code(), "request", "Mail vom 6. Dezember"))
			.exchange()
			.expectStatus()
			.isOk();
		// Still open: the team's work goes on, and the lead may still write.
		WebTestClient lead = StaffLogin.as(this.client, "dispatcher");
		lead.post()
			.uri("/api/incidents/{id}/public-messages", report.incident())
			.bodyValue(Map.of("text", "Ein Team ist unterwegs.", "language", "de"))
			.exchange()
			.expectStatus()
			.isCreated();
		String note = "Frau " + PersonalData.NAME + " war nicht zu Hause " + UUID.randomUUID();
		lead.post()
			.uri("/api/incidents/{id}/notes", report.incident())
			.bodyValue(Map.of("text", note))
			.exchange()
			.expectStatus()
			.isOk();

		admin.post().uri("/api/admin/retention/run").exchange().expectStatus().isOk();

		assertThat(TestDatabase
			.queryLong("SELECT count(*) FROM reporter_message WHERE incident_id = " + report.incident())).isZero();
		// And it can still be closed; the notes it took go at the next run after that.
		Fixtures.decide(this.client, report.incident(), "NOTHING_FOUND");
		assertThat(notesOf(report.incident())).contains(note);
		admin.post().uri("/api/admin/retention/run").exchange().expectStatus().isOk();
		assertThat(notesOf(report.incident())).doesNotContain(note).doesNotContain(PersonalData.NAME);
	}

	/**
	 * Where staff wrote a reporter's own e-mail address or phone number into a referral
	 * from a case others share, the referral is that reporter's: their export names the
	 * partner it went to, and their erasure takes it; the others' referrals stay with the
	 * case.
	 */
	@Test
	void aReferralCarryingTheReportersOwnContactIsTheirsInASharedCase() {
		Submitted first = submit(PersonalData.OTHER_EMAIL);
		Submitted second = submit(PersonalData.EMAIL);
		WebTestClient lead = StaffLogin.as(this.client, "dispatcher");
		// Referred from the second reporter's own incident before it was merged away: it
		// stays where it was written, and is still theirs.
		String theirs = "Mediation mit Frau " + PersonalData.NAME + " " + UUID.randomUUID();
		refer(lead, second.incident(), theirs,
				Map.of("name", PersonalData.NAME, "email", PersonalData.EMAIL.toUpperCase(Locale.ROOT)));
		lead.post()
			.uri("/api/incidents/{id}/merge", second.incident())
			.bodyValue(Map.of("into", first.incident(), "version", Fixtures.incidentVersion(second.incident())))
			.exchange()
			.expectStatus()
			.isOk();
		String others = "Beratung für Herrn " + PersonalData.OTHER_NAME + " " + UUID.randomUUID();
		refer(lead, first.incident(), others, Map.of("phone", PersonalData.OTHER_PHONE));
		long referral = TestDatabase.queryLong("SELECT id FROM referral WHERE need = '" + theirs + "'");
		String organisation = TestDatabase.queryString("SELECT o.name FROM referral r "
				+ "JOIN partner_organisation o ON o.id = r.organisation_id WHERE r.id = " + referral);
		StaffLogin.as(this.client, Partners.member(organisation))
			.get()
			.uri("/api/partner/referrals/{id}", referral)
			.exchange()
			.expectStatus()
			.isOk();
		WebTestClient admin = StaffLogin.as(this.client, "admin");

		admin.post()
			.uri("/api/admin/privacy/export")
			.bodyValue(Map.of("trackingCode", second.code(), "request", "Brief vom 7. Dezember"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.referrals.length()")
			.isEqualTo(1)
			.jsonPath("$.referrals[0].organisation")
			.isNotEmpty()
			.jsonPath("$.referrals[0].contactPassedOn")
			.isEqualTo(true)
			.jsonPath("$.referrals[0].contactReadByPartner.length()")
			.isEqualTo(1)
			.jsonPath("$.sharedCase.referralsWithheld")
			.isEqualTo(1);

		admin.post()
			.uri("/api/admin/privacy/erase")
			.bodyValue(Map.of("trackingCode", second.code(), "request", "Brief vom 7. Dezember"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.caseContinues")
			.isEqualTo(true);
		String ofTheCase = " IN (" + first.incident() + ", " + second.incident() + ")";
		assertThat(TestDatabase.queryString("SELECT string_agg(need, '|') FROM referral WHERE incident_id" + ofTheCase))
			.doesNotContain(theirs)
			.contains(others);
		assertThat(TestDatabase.queryString("SELECT string_agg(concat(c.name, c.email, c.phone), '|')"
				+ " FROM referral_contact c JOIN referral r ON r.id = c.referral_id WHERE r.incident_id" + ofTheCase))
			.doesNotContain(PersonalData.NAME)
			.isEqualTo(PersonalData.OTHER_PHONE);
		Fixtures.decide(this.client, first.incident(), "NOTHING_FOUND");
	}

	/** A number as staff may write it again is the same number. */
	@Test
	void phoneNumbersAreComparedAsDigitsInInternationalForm() {
		for (String written : new String[] { "0176 4455 6677", "+49 176 44556677", "+49 (0)176 4455-6677",
				"0049 176 4455 6677", "0049 (0) 176 / 44 55 66 77" }) {
			assertThat(TestDatabase.queryString("SELECT comparable_phone('" + written + "')")).as(written)
				.isEqualTo("4917644556677");
		}
		// An area code that begins with 49 stays one (Leer, 0491).
		assertThat(TestDatabase.queryString("SELECT comparable_phone('0491 123456')")).isEqualTo("49491123456");
		assertThat(TestDatabase.queryString("SELECT coalesce(comparable_phone(' - '), 'none')")).isEqualTo("none");
	}

	private static void refer(WebTestClient lead, long incident, String need, Map<String, String> contact) {
		lead.post()
			.uri("/api/incidents/{id}/referrals", incident)
			.bodyValue(Map.of("serviceId", Partners.service("Konfliktberatung und Nachbarschaftsmediation"), "need",
					need, "language", "de", "consent", true, "contact", contact))
			.exchange()
			.expectStatus()
			.isCreated();
	}

	private static String notesOf(long incident) {
		return TestDatabase
			.queryString("SELECT string_agg(text, '|') FROM incident_note WHERE incident_id = " + incident);
	}

	private Submitted submit() {
		return submit(PersonalData.EMAIL);
	}

	private Submitted submit(String email) {
		String description = "Lärm aus der Werkstatt im Hinterhof " + UUID.randomUUID();
		String code = Fixtures.submitReport(this.client,
				Map.of("category", "NOISE", "description", description, "location", Map.of("lat", LAT, "lon", LON),
						"language", "de", "contact", Map.of("name", PersonalData.NAME, "email", email), "consent",
						true));
		long id = TestDatabase.queryLong("SELECT id FROM report WHERE tracking_code = '" + code + "'");
		return new Submitted(id, TestDatabase.queryLong("SELECT incident_id FROM report WHERE id = " + id), code,
				description);
	}

	private record Submitted(long id, long incident, String code, String description) {
	}

}
