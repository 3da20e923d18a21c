package de.quartierdispatch.privacy;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import de.quartierdispatch.support.Fixtures;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.Partners;
import de.quartierdispatch.support.PersonalData;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import io.r2dbc.spi.R2dbcPermissionDeniedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every look at a reporter's contact details is on record, and the record cannot be
 * changed by the application: its database role may only add to the audit log.
 */
@IntegrationTest
class AuditTrailIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient applicationDatabase;

	@Test
	void readingContactDetailsWritesWhoWhenWhichReportAndWhyBeforeAnswering() {
		Submitted report = submitWithContact();
		long dispatcher = TestDatabase.queryLong("SELECT id FROM staff_user WHERE username = 'dispatcher'");

		String contact = StaffLogin.as(this.client, "dispatcher")
			.get()
			.uri("/api/incidents/reports/{id}/contact?purpose=CALLBACK", report.id())
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.cacheControl(org.springframework.http.CacheControl.noStore())
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(contact).contains(PersonalData.EMAIL).contains(PersonalData.PHONE);
		assertThat(TestDatabase.queryString("SELECT actor || ' ' || action || ' ' || purpose || ' ' || (at > now() - "
				+ "interval '1 minute') FROM audit_log WHERE report_id = " + report.id() + " ORDER BY id DESC LIMIT 1"))
			.isEqualTo("staff:" + dispatcher + " CONTACT_READ CALLBACK true");
	}

	@Test
	void aFieldTeamSentToTheCaseGetsTheNumberToCallBackAndNothingElse() {
		Submitted report = submitWithContact();
		long incident = TestDatabase.queryLong("SELECT incident_id FROM report WHERE id = " + report.id());
		long team = Fixtures.team("KOD", 51.5423, 6.9681);
		StaffLogin.as(this.client, "dispatcher")
			.post()
			.uri("/api/incidents/{id}/assignments", incident)
			.bodyValue(Map.of("teamId", team, "version", Fixtures.incidentVersion(incident)))
			.exchange()
			.expectStatus()
			.isOk();

		StaffLogin.as(this.client, Fixtures.fieldMember(team))
			.get()
			.uri("/api/field/reports/{id}/contact?purpose=CALLBACK", report.id())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.phone")
			.isEqualTo(PersonalData.PHONE)
			.jsonPath("$.name")
			.doesNotExist()
			.jsonPath("$.email")
			.doesNotExist();
		Fixtures.decide(this.client, incident, "NOTHING_FOUND");
	}

	@Test
	void aRefusedLookIsOnRecordToo() {
		Submitted report = submitWithContact();
		String outsider = Fixtures.fieldMember(Fixtures.team("KOD", 51.60, 6.92));

		StaffLogin.as(this.client, outsider)
			.get()
			.uri("/api/field/reports/{id}/contact?purpose=CLARIFY", report.id())
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:problem:quartier-dispatch:contact-not-for-you");

		assertThat(TestDatabase
			.queryString("SELECT action FROM audit_log WHERE report_id = " + report.id() + " ORDER BY id DESC LIMIT 1"))
			.isEqualTo("CONTACT_READ_REFUSED");
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "UPDATE audit_log SET purpose = 'nothing to see' WHERE id = (SELECT max(id) FROM audit_log)",
					"DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)", "TRUNCATE audit_log",
					"ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
					"DROP TRIGGER audit_log_append_only ON audit_log", "UPDATE board_event SET actor = 'x'",
					"DELETE FROM board_event" })
	void theApplicationsDatabaseRoleCannotAlterTheRecord(String statement) {
		submitWithContact();
		long rows = TestDatabase.queryLong("SELECT count(*) FROM audit_log");

		assertThatThrownBy(() -> this.applicationDatabase.sql(statement).then().block(Duration.ofSeconds(10)))
			.as("SQLSTATE 42501, insufficient privilege")
			.hasRootCauseInstanceOf(R2dbcPermissionDeniedException.class);

		assertThat(TestDatabase.queryLong("SELECT count(*) FROM audit_log")).isEqualTo(rows);
	}

	@Test
	void evenTheOwnerCannotChangeAnEntryWithoutTakingTheTriggerAwayFirst() {
		submitWithContact();
		assertThatThrownBy(() -> TestDatabase
			.queryString("UPDATE audit_log SET purpose = 'x' WHERE id = (SELECT max(id) FROM audit_log) RETURNING id"))
			.hasMessageContaining("audit_log is append-only");
	}

	@Test
	void aResidentsDataIsExportedAndErasedOnRequestWithBothOnRecord() {
		Submitted report = submitWithContact();
		WebTestClient admin = StaffLogin.as(this.client, "admin");
		Map<String, String> request = Map.of("trackingCode", report.trackingCode().toLowerCase().replace("-", " "),
				"request", "Schreiben vom 3. März, Az. 32-17");

		admin.post()
			.uri("/api/admin/privacy/export")
			.bodyValue(request)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentDisposition(
					org.springframework.http.ContentDisposition.attachment().filename("report-export.json").build())
			.expectBody()
			.jsonPath("$.description")
			.isEqualTo(report.description())
			.jsonPath("$.contact.email")
			.isEqualTo(PersonalData.EMAIL)
			.jsonPath("$.trackingCode")
			.isEqualTo(report.trackingCode())
			.jsonPath("$.notes")
			.isArray()
			.jsonPath("$.messagesToReporters")
			.isArray()
			.jsonPath("$.mails")
			.isArray()
			.jsonPath("$.photos")
			.isArray()
			.jsonPath("$.accessedBy")
			.isArray();
		admin.post()
			.uri("/api/admin/privacy/erase")
			.bodyValue(request)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.contactErased")
			.isEqualTo(true)
			.jsonPath("$.reportRedacted")
			.isEqualTo(true);

		assertThat(TestDatabase.queryLong("SELECT count(*) FROM reporter_contact WHERE report_id = " + report.id()))
			.isZero();
		assertThat(TestDatabase.queryString("SELECT description FROM report WHERE id = " + report.id())).isEmpty();
		admin.get()
			.uri("/api/admin/audit?reportId={id}", report.id())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].action")
			.isEqualTo("DATA_ERASED")
			.jsonPath("$[0].actorUsername")
			.isEqualTo("admin")
			.jsonPath("$[0].details.request")
			.isEqualTo("Schreiben vom 3. März, Az. 32-17")
			.jsonPath("$[1].action")
			.isEqualTo("DATA_EXPORTED");
		// Reading the record is on record, with what was looked for.
		assertThat(TestDatabase.queryString("SELECT details ->> 'searchedReport' || ' ' || (details ->> 'entries') "
				+ "FROM audit_log WHERE action = 'AUDIT_READ' ORDER BY id DESC LIMIT 1"))
			.isEqualTo(report.id() + " 2");
		// The same search with its terms in the body, as the admin page sends it.
		admin.post()
			.uri("/api/admin/audit/search")
			.bodyValue(Map.of("trackingCode", report.trackingCode().toLowerCase(), "limit", 1))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(1)
			.jsonPath("$[0].action")
			.isEqualTo("DATA_ERASED");
		assertThat(
				TestDatabase.queryString("SELECT details ->> 'searchedTrackingCode' || ' ' || (details ->> 'entries') "
						+ "FROM audit_log WHERE action = 'AUDIT_READ' ORDER BY id DESC LIMIT 1"))
			.isEqualTo(report.trackingCode() + " 1");
	}

	@Test
	void anErasureReachesWhatStaffWroteAboutTheCaseAndItsReferrals() {
		Submitted report = submitWithContact();
		long incident = TestDatabase.queryLong("SELECT incident_id FROM report WHERE id = " + report.id());
		WebTestClient lead = StaffLogin.as(this.client, "dispatcher");
		lead.post()
			.uri("/api/incidents/{id}/notes", incident)
			.bodyValue(Map.of("text", "Herr " + PersonalData.NAME + " ruft morgen wieder an"))
			.exchange()
			.expectStatus()
			.isOk();
		lead.post()
			.uri("/api/incidents/{id}/referrals", incident)
			.bodyValue(Map.of("serviceId", Partners.service("Konfliktberatung und Nachbarschaftsmediation"), "need",
					"Mediation mit " + PersonalData.NAME, "language", "de", "consent", true, "contact",
					Map.of("phone", PersonalData.PHONE)))
			.exchange()
			.expectStatus()
			.isCreated();
		WebTestClient admin = StaffLogin.as(this.client, "admin");
		// The export shows what the erasure removes: what the partner was told.
		admin.post()
			.uri("/api/admin/privacy/export")
			.bodyValue(Map.of("trackingCode", report.trackingCode(), "request", "Mail vom 4. März"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.referrals[0].need")
			.isEqualTo("Mediation mit " + PersonalData.NAME)
			.jsonPath("$.referrals[0].contact.phone")
			.isEqualTo(PersonalData.PHONE);
		// Who was told, and who read it, is found by the report's code too.
		admin.post()
			.uri("/api/admin/audit/search")
			.bodyValue(Map.of("trackingCode", report.trackingCode()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.action == 'REFERRAL_CREATED')]")
			.isNotEmpty();
		// A team on the case: its position there is in events about the team alone too.
		long team = Fixtures.team("KOD", 51.54233, 6.96812);
		TestDatabase
			.queryLong("SELECT append_board_event('TEAM_ASSIGNED', " + incident + ", " + team + ", 'test', '{}')");
		TestDatabase.queryLong("SELECT append_board_event('TEAM_STATUS_CHANGED', NULL, " + team + ", 'test', '{}')");
		String exactPlaces = "SELECT count(*) FROM board_event e, jsonb_path_query(e.data, 'lax $.**.lat') AS lat "
				+ "WHERE (e.incident_id = " + incident + " OR e.team_id = " + team + ") "
				+ "AND lat::text::numeric <> round(lat::text::numeric, 3)";
		assertThat(TestDatabase.queryLong(exactPlaces.replace("e.incident_id = " + incident + " OR ", "")))
			.as("the team's own events carry its exact position")
			.isPositive();
		assertThat(TestDatabase.queryLong(exactPlaces)).as("the board events carry the exact place").isPositive();

		admin.post()
			.uri("/api/admin/privacy/erase")
			.bodyValue(Map.of("trackingCode", report.trackingCode(), "request", "Mail vom 4. März"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.notesRedacted")
			.isEqualTo(1)
			.jsonPath("$.incidentId")
			.doesNotExist();

		assertThat(TestDatabase.queryString("SELECT string_agg(text, '|') FROM incident_note WHERE incident_id = "
				+ incident + " AND kind <> 'SYSTEM'"))
			.doesNotContain(PersonalData.NAME);
		assertThat(
				TestDatabase.queryString("SELECT string_agg(need, '|') FROM referral WHERE incident_id = " + incident))
			.isEmpty();
		assertThat(TestDatabase
			.queryLong("SELECT count(*) FROM referral_contact c JOIN referral r ON r.id = c.referral_id "
					+ "WHERE r.incident_id = " + incident))
			.isZero();
		// The only report of its incident: the incident is redacted as by retention, its
		// place coarsened.
		assertThat(TestDatabase.queryString("SELECT (redacted_at IS NOT NULL) || ' ' || "
				+ "(ST_Y(location) = round(ST_Y(location)::numeric, 3)) FROM incident WHERE id = " + incident))
			.isEqualTo("true true");
		assertThat(TestDatabase.queryString("SELECT details ->> 'referralContactsErased' FROM audit_log "
				+ "WHERE action = 'DATA_ERASED' AND report_id = " + report.id()))
			.isEqualTo("1");
		// A board replaying the stream reads the coarse place, not the one erased.
		assertThat(TestDatabase.queryLong(exactPlaces)).isZero();
		// Nor does a board's snapshot, nor the field app, from the team's live position.
		assertThat(TestDatabase
			.queryString("SELECT ST_Y(last_position) || ' ' || ST_X(last_position) FROM team " + "WHERE id = " + team))
			.isEqualTo("51.542 6.968");
	}

	@Test
	void anUnknownTrackingCodeIsAClearNotFound() {
		StaffLogin.as(this.client, "admin")
			.post()
			.uri("/api/admin/privacy/export")
			.bodyValue(Map.of("trackingCode", "ZZZZ-ZZZZ-ZZZZ", "request", "Anruf"))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Keine Meldung mit diesem Vorgangscode");
	}

	private Submitted submitWithContact() {
		String description = "Streit im Treppenhaus, laute Drohungen " + UUID.randomUUID();
		String code = Fixtures.submitReport(this.client,
				Map.of("category", "NEIGHBOUR_CONFLICT", "description", description, "location",
						Map.of("lat", 51.5423, "lon", 6.9681), "language", "de", "contact",
						Map.of("name", PersonalData.NAME, "email", PersonalData.EMAIL, "phone", PersonalData.PHONE),
						"consent", true));
		return new Submitted(TestDatabase.queryLong("SELECT id FROM report WHERE tracking_code = '" + code + "'"), code,
				description);
	}

	private record Submitted(long id, String trackingCode, String description) {
	}

}
