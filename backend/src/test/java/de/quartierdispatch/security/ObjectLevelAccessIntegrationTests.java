package de.quartierdispatch.security;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import de.quartierdispatch.support.Fixtures;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.Partners;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TellingPhotos;
import de.quartierdispatch.support.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The right role is not enough where the object matters: field staff act only on their
 * own team's assignments, a team lead limited to some quarters sees and touches nothing
 * outside them, and a partner account sees and answers only its own organisation's
 * referrals. Every endpoint that takes the id of an incident, a report or an assignment
 * (found from the handler mappings) is tried with an id outside the caller's remit and,
 * where ids are nested, with an id of another parent: refused, nothing changed.
 */
@IntegrationTest
class ObjectLevelAccessIntegrationTests {

	/** Mitte and Boy-West lie apart; a scoped lead is limited to Boy-West. */
	private static final double MITTE_LAT = 51.52334;

	private static final double MITTE_LON = 6.92871;

	private static final double BOY_LAT = 51.5423;

	private static final double BOY_LON = 6.9681;

	/**
	 * Parameters that take an id of something other than an incident, a report or an
	 * assignment, and why no remit applies to them here.
	 */
	private static final Map<String, String> OTHER_IDS = Map.ofEntries(
			Map.entry("POST /api/incidents/{id}/assignments teamId", "a team: any team may help in any quarter"),
			Map.entry("POST /api/counter/reports contactPointId", "the contact point that took the report"),
			Map.entry("GET /api/admin/users/{id} id", "a staff account (administrators only)"),
			Map.entry("PUT /api/admin/users/{id} id", "a staff account (administrators only)"),
			Map.entry("PUT /api/admin/users/{id} teamId", "a staff account's team (administrators only)"),
			Map.entry("PUT /api/admin/users/{id} contactPointId", "a staff account's desk (administrators only)"),
			Map.entry("POST /api/admin/users teamId", "a staff account's team (administrators only)"),
			Map.entry("POST /api/admin/users contactPointId", "a staff account's desk (administrators only)"),
			Map.entry("PUT /api/admin/users/{id}/password id", "a staff account (administrators only)"),
			Map.entry("PUT /api/admin/contact-points/{id} id", "a contact point (administrators only)"),
			Map.entry("PUT /api/admin/teams/{id} id", "a team (administrators only)"),
			Map.entry("PUT /api/routing/rules/{id} id", "a routing rule (administrators only)"),
			Map.entry("DELETE /api/routing/rules/{id} id", "a routing rule (administrators only)"),
			Map.entry("PUT /api/routing/rules/order ids", "routing rules (administrators only)"),
			Map.entry("GET /api/admin/audit reportId", "a filter of the audit log, which administrators read unscoped"),
			Map.entry("GET /api/admin/audit before", "a position in the audit log (administrators only)"),
			Map.entry("POST /api/admin/audit/search reportId",
					"a filter of the audit log, which administrators read unscoped"),
			Map.entry("POST /api/admin/audit/search before", "a position in the audit log (administrators only)"),
			Map.entry("GET /api/admin/users/{id}/second-factor id", "a staff account (administrators only)"),
			Map.entry("DELETE /api/admin/users/{id}/second-factor id", "a staff account (administrators only)"),
			Map.entry("DELETE /api/admin/open311/keys/{id} id", "a partner's API key (administrators only)"),
			Map.entry("PUT /api/admin/webhooks/{id} id", "a webhook subscription (administrators only)"),
			Map.entry("DELETE /api/admin/webhooks/{id} id", "a webhook subscription (administrators only)"),
			Map.entry("POST /api/admin/accessibility-feedback/{id}/answer id",
					"a barrier report about the site (administrators only)"),
			Map.entry("PUT /api/admin/partners/{id} id", "a partner organisation (administrators only)"),
			Map.entry("POST /api/admin/partners/{id}/services id", "a partner organisation (administrators only)"),
			Map.entry("PUT /api/admin/partners/services/{serviceId} serviceId",
					"a partner's service (administrators only)"),
			Map.entry("PUT /api/admin/partners/members/{userId} userId", "a staff account (administrators only)"),
			Map.entry("PUT /api/admin/partners/members/{userId} organisationId",
					"a partner organisation (administrators only)"),
			Map.entry("GET /api/directory/services/{id} id", "a public entry of the help directory"),
			Map.entry("POST /api/referrals serviceId", "a public entry of the help directory"),
			Map.entry("POST /api/incidents/{id}/referrals serviceId", "a public entry of the help directory"),
			Map.entry("POST /api/reports supports",
					"an open report on the public map, which any resident may support; covered in PublicMapIntegrationTests"),
			Map.entry("GET /api/partner/referrals/{id} id",
					"a referral, scoped to the partner's organisation: ReferralIntegrationTests.aPartnerOfAnotherOrganisation..."),
			Map.entry("POST /api/partner/referrals/{id}/accept id", "a referral, scoped to the partner's organisation"),
			Map.entry("POST /api/partner/referrals/{id}/decline id",
					"a referral, scoped to the partner's organisation"),
			Map.entry("POST /api/partner/referrals/{id}/notes id", "a referral, scoped to the partner's organisation"),
			Map.entry("POST /api/partner/referrals/{id}/outcome id",
					"a referral, scoped to the partner's organisation"));

	@Autowired
	private WebTestClient client;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping handlers;

	@Test
	void fieldStaffSeeAndMoveOnlyTheirOwnTeamsAssignments() {
		long incident = Fixtures.reportIncident(this.client, "LITTER", BOY_LAT, BOY_LON);
		long ownTeam = Fixtures.team("KOD", BOY_LAT, BOY_LON);
		long otherTeam = Fixtures.team("KOD", BOY_LAT, BOY_LON);
		StaffLogin.as(this.client, "dispatcher")
			.post()
			.uri("/api/incidents/{id}/assignments", incident)
			.bodyValue(Map.of("teamId", otherTeam, "version", Fixtures.incidentVersion(incident)))
			.exchange()
			.expectStatus()
			.isOk();
		long assignment = TestDatabase.queryLong("SELECT id FROM assignment WHERE incident_id = " + incident);
		long report = TestDatabase.queryLong("SELECT id FROM report WHERE incident_id = " + incident);
		WebTestClient outsider = StaffLogin.as(this.client, Fixtures.fieldMember(ownTeam));
		String assigned = "$.assignments[?(@.incident.id == " + incident + ")]";

		StaffLogin.as(this.client, Fixtures.fieldMember(otherTeam))
			.get()
			.uri("/api/field/assignments")
			.exchange()
			.expectBody()
			.jsonPath(assigned)
			.exists();
		outsider.get()
			.uri("/api/field/assignments")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath(assigned)
			.doesNotExist();
		outsider.post()
			.uri("/api/field/assignments/{id}", assignment)
			.bodyValue(Map.of("state", "EN_ROUTE", "version", 0))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:problem:quartier-dispatch:not-your-team");
		outsider.get()
			.uri("/api/field/reports/{id}/contact?purpose=CLARIFY", report)
			.exchange()
			.expectStatus()
			.isForbidden();
		assertThat(TestDatabase.queryString("SELECT state FROM assignment WHERE id = " + assignment))
			.isEqualTo("ASSIGNED");

		// A key the team used is no way in for another team: its replay is refused as its
		// first arrival would be, for a step and for a photo.
		WebTestClient insider = StaffLogin.as(this.client, Fixtures.fieldMember(otherTeam));
		String stepKey = "step-" + UUID.randomUUID();
		String photoKey = "photo-" + UUID.randomUUID();
		for (WebTestClient member : List.of(insider, outsider)) {
			int stepStatus = member.post()
				.uri("/api/field/assignments/{id}", assignment)
				.header("Idempotency-Key", stepKey)
				.bodyValue(Map.of("state", "EN_ROUTE", "version", 0))
				.exchange()
				.returnResult(String.class)
				.getStatus()
				.value();
			int photoStatus = member.post()
				.uri("/api/field/assignments/{id}/photos", assignment)
				.header("Idempotency-Key", photoKey)
				.contentType(MediaType.IMAGE_JPEG)
				.bodyValue(TellingPhotos.plainJpeg(200, 100))
				.exchange()
				.returnResult(String.class)
				.getStatus()
				.value();
			assertThat(List.of(stepStatus, photoStatus)).as((member == insider) ? "the team" : "another team")
				.isEqualTo((member == insider) ? List.of(200, 201) : List.of(403, 403));
		}
	}

	/**
	 * A team off the case (it declined, or a lead declined for it) keeps only what it was
	 * asked: no place, no reports. A team that finished keeps the reports it went out
	 * for, not those added after.
	 */
	@Test
	void aTeamOffTheCaseSeesNothingOfItAndAFinishedTeamNothingAddedAfter() {
		long incident = Fixtures.reportIncident(this.client, "LITTER", BOY_LAT, BOY_LON);
		long declining = Fixtures.team("KOD", BOY_LAT, BOY_LON);
		long finishing = Fixtures.team("KOD", BOY_LAT, BOY_LON);
		WebTestClient lead = StaffLogin.as(this.client, "dispatcher");
		for (long team : List.of(declining, finishing)) {
			assign(lead, incident, team);
		}
		WebTestClient declined = StaffLogin.as(this.client, Fixtures.fieldMember(declining));
		WebTestClient finished = StaffLogin.as(this.client, Fixtures.fieldMember(finishing));
		step(declined, assignmentOf(incident, declining),
				Map.of("state", "DECLINED", "version", 0, "reason", "Kein Personal frei"));
		long done = assignmentOf(incident, finishing);
		int version = 0;
		for (String state : List.of("EN_ROUTE", "ON_SITE", "DONE")) {
			step(finished, done, Map.of("state", state, "version", version++));
		}

		StaffLogin.as(this.client, "counter")
			.post()
			.uri("/api/counter/reports")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.bodyValue(Map.of("channel", "WALK_IN", "contactPointId", 1, "category", "LITTER", "description",
					"Zweite Beschwerde aus Haus 7 über denselben Müll", "location",
					Map.of("lat", BOY_LAT, "lon", BOY_LON), "noContact", true, "language", "de", "attachToIncident",
					incident))
			.exchange()
			.expectStatus()
			.isCreated();

		String job = "$.assignments[?(@.incident.id == " + incident + ")]";
		fieldApp(declined).jsonPath(job + ".state")
			.isEqualTo("DECLINED")
			.jsonPath(job + ".incident.category")
			.isEqualTo("LITTER")
			.jsonPath(job + ".incident.reports")
			.doesNotExist()
			.jsonPath(job + ".incident.lat")
			.doesNotExist()
			.jsonPath(job + ".incident.address")
			.doesNotExist();
		fieldApp(finished).jsonPath(job + ".incident.reports[*].description")
			.value((Object descriptions) -> assertThat(descriptions.toString()).contains("Testmeldung")
				.doesNotContain("Haus 7"));
	}

	/**
	 * A team that finished keeps what the case had then: not a photo added after, nor a
	 * report merged in after (however long before it was filed).
	 */
	@Test
	void aFinishedTeamSeesNoPhotoNorReportTheCaseGotAfterItFinished() {
		String code = Fixtures.submitReport(this.client, "LITTER", "Sperrmüll vor Haus 3 seit Tagen", BOY_LAT, BOY_LON);
		long incident = Fixtures.incidentOf(code);
		long other = Fixtures.incidentOf(Fixtures.submitReport(this.client, "NOISE",
				"Laute Musik am Spielplatz gegenüber", BOY_LAT + 0.002, BOY_LON));
		WebTestClient lead = StaffLogin.as(this.client, "dispatcher");
		FinishedJob finished = finishJob(lead, incident);
		WebTestClient member = finished.member();
		long job = finished.job();

		Fixtures.reportPhoto(this.client, code, TellingPhotos.plainJpeg(400, 300)).expectStatus().isCreated();
		Fixtures.merge(lead, other, incident);

		fieldApp(member).jsonPath("$.assignments[?(@.id == " + job + ")].incident.reports[*].description")
			.value((Object descriptions) -> assertThat(descriptions.toString()).contains("Haus 3")
				.doesNotContain("Spielplatz"));
		member.get().uri("/api/photos?incident={id}", incident).exchange().expectBody().json("[]");
		long photo = TestDatabase.queryLong(
				"SELECT p.id FROM photo p JOIN report r ON r.id = p.report_id WHERE r.tracking_code = '" + code + "'");
		member.get().uri("/api/photos/{id}", photo).exchange().expectStatus().isForbidden();
		lead.get().uri("/api/photos/{id}", photo).exchange().expectStatus().isOk();
	}

	/**
	 * A merge after a team finished moves the case's reports to the other incident: the
	 * team keeps those it went out for and their photos, and gets none of the other
	 * incident's.
	 */
	@Test
	void aFinishedTeamKeepsItsReportsWhenTheCaseIsMergedAfterwards() {
		String code = Fixtures.submitReport(this.client, "LITTER", "Sperrmüll vor Haus 5 seit Tagen", BOY_LAT, BOY_LON);
		long incident = Fixtures.incidentOf(code);
		long other = Fixtures.incidentOf(Fixtures.submitReport(this.client, "LITTER",
				"Müllsäcke am Spielplatz gegenüber", BOY_LAT + 0.002, BOY_LON));
		Fixtures.reportPhoto(this.client, code, TellingPhotos.plainJpeg(400, 300)).expectStatus().isCreated();
		long photo = TestDatabase.queryLong(
				"SELECT p.id FROM photo p JOIN report r ON r.id = p.report_id WHERE r.tracking_code = '" + code + "'");
		WebTestClient lead = StaffLogin.as(this.client, "dispatcher");
		FinishedJob finished = finishJob(lead, incident);
		WebTestClient member = finished.member();
		long job = finished.job();

		Fixtures.merge(lead, incident, other);

		fieldApp(member).jsonPath("$.assignments[?(@.id == " + job + ")].incident.reports[*].description")
			.value((Object descriptions) -> assertThat(descriptions.toString()).contains("Haus 5")
				.doesNotContain("Spielplatz"))
			.jsonPath("$.assignments[?(@.id == " + job + ")].incident.reportedAt")
			.isNotEmpty();
		// And the photo its reporter sent, which went with the report.
		member.get()
			.uri("/api/photos?incident={id}", incident)
			.exchange()
			.expectBody()
			.jsonPath("$[*].id")
			.isEqualTo(List.of((int) photo));
		member.get().uri("/api/photos/{id}", photo).exchange().expectStatus().isOk();
	}

	@Test
	void aTeamTakenOffWhenTheCaseClosedKeepsNeitherItsPlaceNorItsReports() {
		long incident = Fixtures.reportIncident(this.client, "LITTER", BOY_LAT, BOY_LON);
		long team = Fixtures.team("KOD", BOY_LAT, BOY_LON);
		WebTestClient lead = StaffLogin.as(this.client, "dispatcher");
		assign(lead, incident, team);
		Fixtures.decide(this.client, incident, "NOTHING_FOUND");

		String job = "$.assignments[?(@.incident.id == " + incident + ")]";
		fieldApp(StaffLogin.as(this.client, Fixtures.fieldMember(team))).jsonPath(job + ".state")
			.isEqualTo("WITHDRAWN")
			.jsonPath(job + ".incident.reports")
			.doesNotExist()
			.jsonPath(job + ".incident.lat")
			.doesNotExist()
			.jsonPath(job + ".incident.address")
			.doesNotExist();
	}

	/** A new team sent to the incident, on its way, there and done. */
	private FinishedJob finishJob(WebTestClient lead, long incident) {
		long team = Fixtures.team("KOD", BOY_LAT, BOY_LON);
		assign(lead, incident, team);
		WebTestClient member = StaffLogin.as(this.client, Fixtures.fieldMember(team));
		long job = assignmentOf(incident, team);
		int version = 0;
		for (String state : List.of("EN_ROUTE", "ON_SITE", "DONE")) {
			step(member, job, Map.of("state", state, "version", version++));
		}
		return new FinishedJob(member, job);
	}

	/** What the field app gets: the team's jobs and archive. */
	private static WebTestClient.BodyContentSpec fieldApp(WebTestClient member) {
		return member.get().uri("/api/field/assignments").exchange().expectBody();
	}

	private static void assign(WebTestClient lead, long incident, long team) {
		lead.post()
			.uri("/api/incidents/{id}/assignments", incident)
			.bodyValue(Map.of("teamId", team, "version", Fixtures.incidentVersion(incident)))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private static long assignmentOf(long incident, long team) {
		return TestDatabase
			.queryLong("SELECT id FROM assignment WHERE incident_id = " + incident + " AND team_id = " + team);
	}

	private static void step(WebTestClient member, long assignment, Map<String, Object> step) {
		member.post()
			.uri("/api/field/assignments/{id}", assignment)
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.bodyValue(step)
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void aLeadLimitedToSomeQuartersSeesAndTouchesNothingOutsideThem() {
		long outside = Fixtures.reportIncident(this.client, "LITTER", MITTE_LAT, MITTE_LON);
		long inside = Fixtures.reportIncident(this.client, "LITTER", BOY_LAT, BOY_LON);
		long outsideReport = TestDatabase.queryLong("SELECT id FROM report WHERE incident_id = " + outside);
		String boyWest = TestDatabase.queryString("SELECT code FROM quarter WHERE name = 'Boy-West'");
		WebTestClient lead = scopedLead(boyWest);

		lead.get().uri("/api/incidents/{id}", inside).exchange().expectStatus().isOk();
		// A dry run explains with the quarter's recent reports: only in the lead's
		// quarters.
		lead.post()
			.uri("/api/routing/dry-run")
			.bodyValue(Map.of("category", "NOISE", "lat", MITTE_LAT, "lon", MITTE_LON))
			.exchange()
			.expectStatus()
			.isForbidden();
		lead.post()
			.uri("/api/routing/dry-run")
			.bodyValue(Map.of("category", "NOISE", "lat", BOY_LAT, "lon", BOY_LON))
			.exchange()
			.expectStatus()
			.isOk();
		lead.get()
			.uri("/api/incidents/{id}", outside)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:problem:quartier-dispatch:incident-outside-scope");
		lead.post()
			.uri("/api/incidents/{id}/notes", outside)
			.bodyValue(Map.of("text", "Nicht mein Quartier"))
			.exchange()
			.expectStatus()
			.isForbidden();
		lead.get()
			.uri("/api/incidents/reports/{id}/contact?purpose=CALLBACK", outsideReport)
			.exchange()
			.expectStatus()
			.isForbidden();
		lead.get()
			.uri("/api/board/snapshot")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.incidents[?(@.id == " + inside + ")]")
			.exists()
			.jsonPath("$.incidents[?(@.id == " + outside + ")]")
			.doesNotExist();
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM incident_note WHERE incident_id = " + outside))
			.isZero();
		lead.get().uri("/api/incidents/{id}/referrals", inside).exchange().expectStatus().isOk();
		lead.get().uri("/api/incidents/{id}/referrals", outside).exchange().expectStatus().isForbidden();
		lead.post()
			.uri("/api/incidents/{id}/referrals", outside)
			.bodyValue(Map.of("serviceId", Partners.service("Schuldner- und Energieberatung"), "need", "Mediation",
					"language", "de", "consent", false))
			.exchange()
			.expectStatus()
			.isForbidden();
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM referral WHERE incident_id = " + outside)).isZero();
	}

	@Test
	void partnerAccountsSeeAndAnswerOnlyReferralsToTheirOwnOrganisation() {
		long toCaritas = referFromCounter("Erziehungs- und Familienberatung");
		long toDiakonie = referFromCounter("Schuldner- und Energieberatung");
		WebTestClient caritas = StaffLogin.as(this.client, Partners.member(Partners.CARITAS));
		WebTestClient unbound = StaffLogin.as(this.client, Partners.unboundMember());

		caritas.get()
			.uri("/api/partner/referrals")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.id == " + toCaritas + ")]")
			.exists()
			.jsonPath("$[?(@.id == " + toDiakonie + ")]")
			.doesNotExist();
		caritas.get().uri("/api/partner/referrals/{id}", toDiakonie).exchange().expectStatus().isNotFound();
		caritas.post().uri("/api/partner/referrals/{id}/accept", toDiakonie).exchange().expectStatus().isNotFound();
		caritas.post()
			.uri("/api/partner/referrals/{id}/outcome", toDiakonie)
			.bodyValue(Map.of("outcome", "HELPED"))
			.exchange()
			.expectStatus()
			.isNotFound();
		unbound.get()
			.uri("/api/partner/referrals")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:problem:quartier-dispatch:no-partner-organisation");
		unbound.get().uri("/api/partner/referrals/{id}", toCaritas).exchange().expectStatus().isForbidden();
		assertThat(TestDatabase.queryString("SELECT state FROM referral WHERE id = " + toDiakonie)).isEqualTo("OPEN");
	}

	@Test
	void membersOfAnOrganisationNoLongerWorkingWithTheCityReadNothingOfIt() {
		String name = "Nachbarschaftshilfe " + UUID.randomUUID().toString().substring(0, 8);
		long organisation = TestDatabase.queryLong(
				"INSERT INTO partner_organisation (name, kind) VALUES ('" + name + "', 'FREE_CARRIER') RETURNING id");
		TestDatabase.queryLong("INSERT INTO partner_service (organisation_id, name, topic, opening_hours, street, "
				+ "house_number, postcode, city) SELECT " + organisation + ", '" + name
				+ "', topic, opening_hours, street, "
				+ "house_number, postcode, city FROM partner_service WHERE name = 'Erziehungs- und Familienberatung' "
				+ "RETURNING id");
		long referral = referFromCounter(name);
		WebTestClient member = StaffLogin.as(this.client, Partners.member(name));
		member.get().uri("/api/partner/referrals/{id}", referral).exchange().expectStatus().isOk();

		Map<String, Object> inactive = new LinkedHashMap<>();
		inactive.put("name", name);
		inactive.put("kind", "FREE_CARRIER");
		inactive.put("active", false);
		StaffLogin.as(this.client, "admin")
			.put()
			.uri("/api/admin/partners/{id}", organisation)
			.bodyValue(inactive)
			.exchange()
			.expectStatus()
			.isNoContent();

		member.get()
			.uri("/api/partner/referrals")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:problem:quartier-dispatch:partner-organisation-inactive");
		member.get().uri("/api/partner/referrals/{id}", referral).exchange().expectStatus().isForbidden();
		member.post().uri("/api/partner/referrals/{id}/accept", referral).exchange().expectStatus().isForbidden();
		member.post()
			.uri("/api/partner/referrals/{id}/notes", referral)
			.bodyValue(Map.of("text", "Noch da?"))
			.exchange()
			.expectStatus()
			.isForbidden();
		assertThat(TestDatabase.queryString("SELECT state FROM referral WHERE id = " + referral)).isEqualTo("OPEN");
	}

	private long referFromCounter(String service) {
		String created = StaffLogin.as(this.client, "counter")
			.post()
			.uri("/api/referrals")
			.bodyValue(Map.of("serviceId", Partners.service(service), "need", "Beratung", "language", "de", "consent",
					false))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return Long.parseLong(created.replaceAll("\\D", ""));
	}

	@Test
	void everyEndpointNamingAnIncidentReportOrAssignmentRefusesIdsOutsideTheRemitOrOfAnotherParent() {
		long outside = Fixtures.reportIncident(this.client, "LITTER", MITTE_LAT, MITTE_LON);
		long inside = Fixtures.reportIncident(this.client, "LITTER", BOY_LAT, BOY_LON);
		long otherInside = Fixtures.reportIncident(this.client, "LITTER", BOY_LAT, BOY_LON);
		long outsideTeam = Fixtures.team("KOD", MITTE_LAT, MITTE_LON);
		long insideTeam = Fixtures.team("KOD", BOY_LAT, BOY_LON);
		long spareTeam = Fixtures.team("KOD", BOY_LAT, BOY_LON);
		long outsideAssignment = assign(outside, outsideTeam);
		long insideAssignment = assign(inside, insideTeam);
		long outsideReport = TestDatabase.queryLong("SELECT id FROM report WHERE incident_id = " + outside);
		String boyWest = TestDatabase.queryString("SELECT code FROM quarter WHERE name = 'Boy-West'");
		WebTestClient lead = scopedLead(boyWest);
		WebTestClient member = StaffLogin.as(this.client, Fixtures.fieldMember(insideTeam));
		long contactPoint = TestDatabase.queryLong("SELECT min(id) FROM contact_point");
		int outsideVersion = Fixtures.incidentVersion(outside);
		Map<String, List<Attempt>> probes = new LinkedHashMap<>();
		probes.put("GET /api/incidents/{id}", List.of(get(lead, "/api/incidents/" + outside, 403)));
		probes.put("GET /api/incidents/{id}/proposals",
				List.of(get(lead, "/api/incidents/" + outside + "/proposals", 403)));
		probes.put("POST /api/incidents/{id}/assignments",
				List.of(post(lead, "/api/incidents/" + outside + "/assignments",
						Map.of("teamId", spareTeam, "version", outsideVersion), 403)));
		Map<String, Object> enRoute = Map.of("state", "EN_ROUTE", "version", 0);
		probes.put("POST /api/incidents/{id}/assignments/{assignmentId}", List.of(
				post(lead, "/api/incidents/" + otherInside + "/assignments/" + insideAssignment, enRoute, 404),
				post(lead, "/api/incidents/" + inside + "/assignments/" + outsideAssignment, enRoute, 404),
				post(lead, "/api/incidents/" + outside + "/assignments/" + outsideAssignment, enRoute, 403),
				post(lead, "/api/incidents/9223372036854775807/assignments/" + insideAssignment, enRoute, 404)));
		probes.put("POST /api/incidents/{id}/decision", List.of(post(lead, "/api/incidents/" + outside + "/decision",
				Map.of("state", "CLOSED", "reason", "Niemand angetroffen", "version", outsideVersion), 403)));
		probes.put("POST /api/incidents/{id}/decision/undo", List
			.of(post(lead, "/api/incidents/" + outside + "/decision/undo", Map.of("version", outsideVersion), 403)));
		probes.put("POST /api/incidents/{id}/priority", List.of(post(lead, "/api/incidents/" + outside + "/priority",
				Map.of("priority", 1, "version", outsideVersion, "reason", "Nicht mein Quartier"), 403)));
		probes.put("POST /api/incidents/{id}/notes", List
			.of(post(lead, "/api/incidents/" + outside + "/notes", Map.of("text", "Nicht mein Quartier"), 403)));
		probes.put("POST /api/incidents/{id}/merge",
				List.of(post(lead, "/api/incidents/" + outside + "/merge",
						Map.of("into", inside, "version", outsideVersion), 403),
						post(lead, "/api/incidents/" + inside + "/merge",
								Map.of("into", outside, "version", Fixtures.incidentVersion(inside)), 403)));
		probes.put("POST /api/field/assignments/{id}",
				List.of(post(member, "/api/field/assignments/" + outsideAssignment, enRoute, 403)));
		probes.put("POST /api/field/assignments/{id}/photos",
				List.of(postPhoto(member, "/api/field/assignments/" + outsideAssignment + "/photos", 403)));
		String outsideCode = TestDatabase.queryString("SELECT tracking_code FROM report WHERE id = " + outsideReport);
		probes.put("POST /api/counter/reports/{code}/photos",
				List.of(postPhoto(lead, "/api/counter/reports/" + outsideCode + "/photos", 403)));
		probes.put("GET /api/incidents/reports/{reportId}/contact",
				List.of(get(lead, "/api/incidents/reports/" + outsideReport + "/contact?purpose=CALLBACK", 403)));
		probes.put("GET /api/field/reports/{reportId}/contact",
				List.of(get(member, "/api/field/reports/" + outsideReport + "/contact?purpose=CLARIFY", 403)));
		probes.put("POST /api/counter/reports",
				List.of(post(lead, "/api/counter/reports",
						Map.of("channel", "PHONE", "contactPointId", contactPoint, "category", "LITTER", "description",
								"Noch mehr Müll an derselben Stelle", "location",
								Map.of("lat", MITTE_LAT, "lon", MITTE_LON), "noContact", true, "consent", false,
								"language", "de", "interpreterNeeded", false, "attachToIncident", outside),
						403)));

		// The outside team called for help on its job: a lead of other quarters cannot
		// end it.
		TestDatabase.queryLong("INSERT INTO check_in (team_id, assignment_id, due_at, alarm_at, alarm_reason) VALUES ("
				+ outsideTeam + ", " + outsideAssignment + ", now(), now(), 'HELP') RETURNING team_id");
		probes.put("POST /api/board/teams/{teamId}/alarm/end",
				List.of(post(lead, "/api/board/teams/" + outsideTeam + "/alarm/end", Map.of(), 403)));

		long outsidePhoto = photoOf(outsideReport);
		probes.put("GET /api/photos", List.of(get(lead, "/api/photos?incident=" + outside, 403),
				get(member, "/api/photos?incident=" + outside, 403)));
		probes.put("GET /api/photos/{id}", List.of(get(lead, "/api/photos/" + outsidePhoto, 403),
				get(member, "/api/photos/" + outsidePhoto, 403)));
		probes.put("GET /api/photos/{id}/thumbnail",
				List.of(get(lead, "/api/photos/" + outsidePhoto + "/thumbnail", 403),
						get(member, "/api/photos/" + outsidePhoto + "/thumbnail", 403)));
		probes.put("POST /api/photos/{id}/hidden",
				List.of(post(lead, "/api/photos/" + outsidePhoto + "/hidden", Map.of("hidden", true), 403)));
		probes.put("GET /api/incidents/{id}/public-messages",
				List.of(get(lead, "/api/incidents/" + outside + "/public-messages", 403)));
		probes.put("POST /api/incidents/{id}/public-messages", List.of(post(lead,
				"/api/incidents/" + outside + "/public-messages", Map.of("text", "Wir kümmern uns darum."), 403)));
		probes.put("GET /api/incidents/{id}/referrals",
				List.of(get(lead, "/api/incidents/" + outside + "/referrals", 403)));
		probes.put("POST /api/incidents/{id}/referrals",
				List.of(post(lead, "/api/incidents/" + outside + "/referrals",
						Map.of("serviceId", Partners.service("Schuldner- und Energieberatung"), "need",
								"Beratung zu Energieschulden", "language", "de", "consent", false),
						403)));

		assertThat(endpointsTakingObjectIds())
			.as("endpoint parameters taking an incident, report or assignment id, without a probe")
			.allMatch((parameter) -> probes.containsKey(parameter.substring(0, parameter.lastIndexOf(' '))));
		Map<String, String> before = checksums(outside, inside, otherInside, outsideTeam, insideTeam, spareTeam);
		List<String> answered = new ArrayList<>();
		probes.values().forEach((attempts) -> attempts.forEach((attempt) -> answered.add(attempt.run())));
		String nearby = "/api/counter/nearby?category=LITTER&lat=" + MITTE_LAT + "&lon=" + MITTE_LON;
		String seenByLead = lead.get()
			.uri(nearby)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String seenByAll = StaffLogin.as(this.client, "dispatcher")
			.get()
			.uri(nearby)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(answered).as("every attempt refused as expected").allMatch((line) -> line.endsWith(" as expected"));
		assertThat(seenByAll).as("an unlimited lead sees the incident nearby").contains("\"id\":" + outside + ",");
		assertThat(seenByLead).as("a lead limited to Boy-West does not").doesNotContain("\"id\":" + outside + ",");
		assertThat(checksums(outside, inside, otherInside, outsideTeam, insideTeam, spareTeam)).as("nothing changed")
			.isEqualTo(before);
		String insideCode = TestDatabase.queryString("SELECT tracking_code FROM report WHERE incident_id = " + inside);
		lead.post()
			.uri("/api/counter/reports/" + insideCode + "/photos")
			.contentType(MediaType.IMAGE_JPEG)
			.bodyValue(TellingPhotos.plainJpeg(200, 100))
			.exchange()
			.expectStatus()
			.isCreated();
	}

	/**
	 * "METHOD pattern parameter" for every path variable, query parameter or body field
	 * of a mapped endpoint that takes an id (a {@code long}, or a list of them), unless
	 * it names something listed in {@link #OTHER_IDS}.
	 */
	private Set<String> endpointsTakingObjectIds() {
		Set<String> found = new TreeSet<>();
		this.handlers.getHandlerMethods().forEach((mapping, handler) -> endpoints(mapping).forEach((endpoint) -> {
			for (String parameter : idParameters(handler)) {
				if (!OTHER_IDS.containsKey(endpoint + " " + parameter)) {
					found.add(endpoint + " " + parameter);
				}
			}
		}));
		return found;
	}

	private static List<String> endpoints(RequestMappingInfo mapping) {
		List<String> endpoints = new ArrayList<>();
		mapping.getMethodsCondition()
			.getMethods()
			.forEach((method) -> mapping.getPatternsCondition()
				.getPatterns()
				.forEach((pattern) -> endpoints.add(method + " " + pattern.getPatternString())));
		return endpoints;
	}

	private static List<String> idParameters(HandlerMethod handler) {
		List<String> names = new ArrayList<>();
		for (MethodParameter parameter : handler.getMethodParameters()) {
			if (parameter.hasParameterAnnotation(RequestBody.class) && parameter.getParameterType().isRecord()) {
				for (RecordComponent component : parameter.getParameterType().getRecordComponents()) {
					if (isId(component.getType(), component.getGenericType())) {
						names.add(component.getName());
					}
				}
			}
			else if ((parameter.hasParameterAnnotation(PathVariable.class)
					|| parameter.hasParameterAnnotation(RequestParam.class))
					&& isId(parameter.getParameterType(), parameter.getGenericParameterType())) {
				names.add(parameter.getParameterName());
			}
		}
		return names;
	}

	private static boolean isId(Class<?> type, Type generic) {
		if (type == long.class || type == Long.class) {
			return true;
		}
		return generic instanceof ParameterizedType parameterized
				&& List.of(parameterized.getActualTypeArguments()).contains(Long.class);
	}

	/**
	 * Everything a refused request could have touched: this test's incidents with their
	 * reports, contacts, assignments, notes and events, its teams, the audit rows other
	 * than refusals, and every row count. (Other tests' application contexts may still
	 * escalate their own incidents meanwhile.)
	 */
	private static Map<String, String> checksums(long... ids) {
		String incidents = "(" + ids[0] + "," + ids[1] + "," + ids[2] + ")";
		String teams = "(" + ids[3] + "," + ids[4] + "," + ids[5] + ")";
		Map<String, String> sums = new LinkedHashMap<>();
		sums.put("incident", checksum("incident WHERE id IN " + incidents));
		sums.put("report", checksum("report WHERE incident_id IN " + incidents));
		sums.put("reporter_contact", checksum(
				"reporter_contact WHERE report_id IN (SELECT id FROM report WHERE incident_id IN " + incidents + ")"));
		sums.put("assignment", checksum("assignment WHERE incident_id IN " + incidents + " OR team_id IN " + teams));
		sums.put("incident_note", checksum("incident_note WHERE incident_id IN " + incidents));
		sums.put("board_event", checksum("board_event WHERE incident_id IN " + incidents + " OR team_id IN " + teams));
		sums.put("team", checksum("team WHERE id IN " + teams));
		sums.put("audit_log", checksum("audit_log WHERE action NOT LIKE '%\\_REFUSED'"));
		String tables = TestDatabase.queryString("SELECT string_agg(table_name, ',' ORDER BY table_name) "
				+ "FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' "
				+ "AND table_name NOT IN ('flyway_schema_history', 'spatial_ref_sys', 'staff_session', 'staff_totp_used_step', 'audit_log')");
		for (String table : tables.split(",")) {
			sums.put(table + " rows", TestDatabase.queryString("SELECT count(*) FROM " + table));
		}
		return sums;
	}

	private static String checksum(String rows) {
		return TestDatabase.queryString("SELECT coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), 'none') "
				+ "FROM (SELECT * FROM " + rows + ") AS t");
	}

	private long assign(long incident, long team) {
		StaffLogin.as(this.client, "dispatcher")
			.post()
			.uri("/api/incidents/{id}/assignments", incident)
			.bodyValue(Map.of("teamId", team, "version", Fixtures.incidentVersion(incident)))
			.exchange()
			.expectStatus()
			.isOk();
		return TestDatabase
			.queryLong("SELECT id FROM assignment WHERE incident_id = " + incident + " AND team_id = " + team);
	}

	/** A photo of the report, stored as an upload would store it. */
	private static long photoOf(long report) {
		return TestDatabase.queryLong("INSERT INTO photo (report_id, uploaded_by, width, height, image, thumbnail) "
				+ "VALUES (" + report + ", 'resident', 1, 1, '\\xffd8ffd9', '\\xffd8ffd9') RETURNING id");
	}

	private static Attempt get(WebTestClient caller, String uri, int refusal) {
		return new Attempt(caller, "GET", uri, null, refusal);
	}

	private static Attempt post(WebTestClient caller, String uri, Map<String, Object> body, int refusal) {
		return new Attempt(caller, "POST", uri, body, refusal);
	}

	private WebTestClient scopedLead(String quarterCode) {
		String username = "lead-" + UUID.randomUUID().toString().substring(0, 8);
		String password = "Kiesel Laterne Brombeere Hafen";
		StaffLogin.as(this.client, "admin")
			.post()
			.uri("/api/admin/users")
			.bodyValue(Map.of("username", username, "displayName", "Lead Boy-West", "password", password, "roles",
					List.of("DISPATCHER"), "quarterCodes", List.of(quarterCode)))
			.exchange()
			.expectStatus()
			.isCreated();
		return StaffLogin.as(this.client, username, password);
	}

	/** One request that must be refused with the given status. */
	/** A photo, as the field app sends it: the image itself as the body. */
	private static Attempt postPhoto(WebTestClient caller, String uri, int refusal) {
		return new Attempt(caller, "POST", uri, TellingPhotos.plainJpeg(200, 100), refusal);
	}

	private record Attempt(WebTestClient caller, String method, String uri, @Nullable Object body, int refusal) {

		String run() {
			WebTestClient.RequestBodySpec request = this.caller.method(HttpMethod.valueOf(this.method)).uri(this.uri);
			if (this.body instanceof byte[]) {
				request.contentType(MediaType.IMAGE_JPEG);
			}
			WebTestClient.ResponseSpec response = (this.body != null) ? request.bodyValue(this.body).exchange()
					: request.exchange();
			int status = response.returnResult(String.class).getStatus().value();
			String line = this.method + " " + this.uri + " answered " + status;
			return (status == this.refusal) ? line + " as expected" : line + ", not " + this.refusal;
		}

	}

	private record FinishedJob(WebTestClient member, long job) {
	}

}
