package de.quartierdispatch.system;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import de.quartierdispatch.support.Fixtures;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.Partners;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TellingPhotos;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values a client left out or could not have meant are refused, not read as 0, "no" or a
 * time no one can store: a switch left out of an update does not switch anything off, a
 * position without coordinates is not 0/0, 1.9 is not priority 1, the year 300000 is not
 * a date. Only the yes/no fields whose absence means "no" (consent) may be left out.
 */
@IntegrationTest
class ValuesNoOneMeantIntegrationTests {

	private static final double LAT = 51.5259;

	private static final double LON = 6.9129;

	@Autowired
	private WebTestClient client;

	@LocalServerPort
	private int port;

	@Test
	void aSwitchLeftOutOfAnUpdateIsRefusedAndSwitchesNothingOff() {
		String before = TestDatabase.queryString("SELECT voluntary::text FROM team_type WHERE code = 'STREETWORK'");
		refused(StaffLogin.as(this.client, "admin")
			.put()
			.uri("/api/admin/team-types/STREETWORK/field-settings")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("checkInMinutes", 45))
			.exchange(), 400);
		assertThat(TestDatabase.queryString("SELECT voluntary::text FROM team_type WHERE code = 'STREETWORK'"))
			.isEqualTo(before);
	}

	/**
	 * A partner account's organisation left out of the body (or misspelt) does not unbind
	 * it; an account that does not exist is not found, as on every other administration
	 * path.
	 */
	@Test
	void anOrganisationLeftOutUnbindsNoPartnerAccount() {
		String username = Partners.member(Partners.CARITAS);
		long member = TestDatabase.queryLong("SELECT id FROM staff_user WHERE username = '" + username + "'");
		String bound = "SELECT coalesce(organisation_id::text, 'none') FROM partner_member WHERE user_id = " + member;
		String before = TestDatabase.queryString(bound);
		WebTestClient admin = StaffLogin.as(this.client, "admin");
		for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of(), Map.of("organisation", 2))) {
			refused(admin.put()
				.uri("/api/admin/partners/members/{id}", member)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body)
				.exchange(), 400);
		}
		assertThat(TestDatabase.queryString(bound)).isEqualTo(before);
		refused(admin.put()
			.uri("/api/admin/partners/members/{id}", Long.MAX_VALUE)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("organisationId", 1))
			.exchange(), 404);
	}

	/** A service for quarters that do not exist is found by nobody; named twice, once. */
	@Test
	void aPartnerServiceNamesQuartersThatExistEachOnce() {
		WebTestClient admin = StaffLogin.as(this.client, "admin");
		long organisation = TestDatabase.queryLong("SELECT min(id) FROM partner_organisation");
		String quarter = TestDatabase.queryString("SELECT min(code) FROM quarter");
		String name = "Sprechstunde " + UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> service = new java.util.HashMap<>(Map.of("name", name, "topic", "FAMILY_COUNSELLING",
				"languages", List.of("de", "de", "tr"), "openingHours", "Mo 10:00-12:00", "street", "Hochstraße",
				"houseNumber", "5", "postcode", "46236", "city", "Bottrop", "active", true));
		service.put("quarters", List.of("NIRGENDWO", quarter));
		refused(admin.post()
			.uri("/api/admin/partners/{id}/services", organisation)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(service)
			.exchange(), 422);
		service.put("quarters", List.of(quarter, quarter));
		admin.post()
			.uri("/api/admin/partners/{id}/services", organisation)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(service)
			.exchange()
			.expectStatus()
			.isCreated();
		assertThat(TestDatabase
			.queryString("SELECT array_to_string(languages, ',') || ' ' || array_to_string(quarter_codes, ',') "
					+ "FROM partner_service WHERE name = '" + name + "'"))
			.isEqualTo("de,tr " + quarter);
	}

	/** A period that starts after it ends is a typing error, as in the statistics. */
	@Test
	void aPeriodThatStartsAfterItEndsIsRefusedWherePeriodsAreAskedFor() {
		refused(StaffLogin.as(this.client, "dispatcher")
			.get()
			.uri("/api/incidents/search?from=2026-12-05&to=2026-12-01")
			.exchange(), 422);
		refused(StaffLogin.as(this.client, "admin")
			.post()
			.uri("/api/admin/audit/search")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("from", "2026-12-05T00:00:00Z", "to", "2026-12-01T00:00:00Z"))
			.exchange(), 422);
		this.client.get()
			.uri("/open311/v2/requests.json?start_date=2026-12-05T00:00:00Z&end_date=2026-12-01T00:00:00Z")
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	/** What does not exist is not found, on these paths as on their siblings. */
	@Test
	void aMissingAssignmentOrTeamIsNotFound() {
		long team = Fixtures.team("KOD", LAT, LON);
		WebTestClient field = StaffLogin.as(this.client, Fixtures.fieldMember(team));
		refused(field.post()
			.uri("/api/field/assignments/{id}/photos", Long.MAX_VALUE)
			.contentType(MediaType.IMAGE_JPEG)
			.bodyValue(TellingPhotos.plainJpeg(200, 100))
			.exchange(), 404);
		refused(StaffLogin.as(this.client, "dispatcher")
			.post()
			.uri("/api/board/teams/{id}/alarm/end", Long.MAX_VALUE)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of())
			.exchange(), 404);
	}

	@Test
	void aPositionWithoutCoordinatesIsRefusedNotStoredAsZero() {
		long team = Fixtures.team("KOD", LAT, LON);
		String before = position(team);
		WebTestClient field = StaffLogin.as(this.client, Fixtures.fieldMember(team));
		for (Map<String, Object> position : List.<Map<String, Object>>of(Map.of(), Map.of("lat", 51.54))) {
			refused(field.post()
				.uri("/api/field/team/status")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("status", "AVAILABLE", "position", position))
				.exchange(), 400);
		}
		assertThat(position(team)).isEqualTo(before);
	}

	@Test
	void aDecisionNamingAStateThatEndsNothingClosesNothing() {
		long incident = Fixtures.reportIncident(this.client, "LITTER", LAT, LON);
		WebTestClient lead = StaffLogin.as(this.client, "dispatcher");
		for (String state : new String[] { "OPEN", "DISPATCHED", "ON_SITE" }) {
			refused(lead.post()
				.uri("/api/incidents/{id}/decision", incident)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("state", state, "version", Fixtures.incidentVersion(incident)))
				.exchange(), 422);
		}
		// A number is not a named outcome or state (0 would be the first in the list).
		for (String field : new String[] { "outcome", "state" }) {
			refused(lead.post()
				.uri("/api/incidents/{id}/decision", incident)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of(field, 0, "version", Fixtures.incidentVersion(incident)))
				.exchange(), 400);
		}
		assertThat(Fixtures.incidentState(incident)).isEqualTo("OPEN");
	}

	@Test
	void aLeadsQuartersLeftOutOfAnUpdateAreRefusedNotLifted() {
		long lead = TestDatabase.queryLong("SELECT id FROM staff_user WHERE username = 'dispatcher'");
		refused(StaffLogin.as(this.client, "admin")
			.put()
			.uri("/api/admin/users/{id}", lead)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("displayName", "Lead", "roles", List.of("DISPATCHER"), "enabled", true))
			.exchange(), 400);
	}

	@Test
	void aFractionIsNotAPriority() {
		long incident = Fixtures.reportIncident(this.client, "LITTER", LAT, LON);
		refused(StaffLogin.as(this.client, "dispatcher")
			.post()
			.uri("/api/incidents/{id}/priority", incident)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("priority", 1.9, "reason", "Test", "version", Fixtures.incidentVersion(incident)))
			.exchange(), 400);
		assertThat(TestDatabase.queryLong("SELECT priority FROM incident WHERE id = " + incident)).isNotEqualTo(1);
	}

	@Test
	void aDryRunOfACategoryNoReportCanHaveIsRefusedAtItsField() {
		StaffLogin.as(this.client, "admin")
			.post()
			.uri("/api/routing/dry-run")
			.header("Accept-Language", "de")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("category", "NO_SUCH_CATEGORY", "lat", LAT, "lon", LON))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("category");
	}

	@Test
	void timesNoOneCouldMeanAreRefusedWhereverTheyArrive() {
		refused(StaffLogin.as(this.client, "dispatcher")
			.post()
			.uri("/api/routing/dry-run")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("category", "NOISE", "lat", LAT, "lon", LON, "at", "-999999999-01-01T00:00:00+18:00"))
			.exchange(), 422);
		for (String time : new String[] { "%2B300000-01-01T00:00:00Z", "-999999999-01-01T00:00:00%2B18:00" }) {
			this.client.get()
				.uri("/open311/v2/requests.json?start_date=" + time)
				.exchange()
				.expectStatus()
				.isBadRequest();
		}
		refused(StaffLogin.as(this.client, "admin").get().uri("/api/admin/audit?from=0001-01-01T00:00:00Z").exchange(),
				422);
		WebTestClient lead = StaffLogin.as(this.client, "dispatcher");
		for (Object day : List.of("+1000000000-01-01", "+999999999-12-31", "0001-01-01", List.of(1000000000, 1, 1),
				List.of(999999999, 12, 31))) {
			lead.post()
				.uri("/api/incidents/search")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("to", day))
				.exchange()
				.expectStatus()
				.value((status) -> assertThat(status).as(day.toString()).isBetween(400, 422))
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		}
	}

	@Test
	void aNumberHasOneSpellingInPathsAndQueries() {
		long incident = Fixtures.reportIncident(this.client, "LITTER", LAT, LON);
		WebTestClient lead = StaffLogin.as(this.client, "dispatcher");
		lead.get().uri("/api/incidents/" + incident).exchange().expectStatus().isOk();
		Map<String, Integer> answers = new TreeMap<>();
		for (String spelling : new String[] { "+" + incident, "0x" + Long.toHexString(incident),
				"#" + Long.toHexString(incident), " " + incident, incident + ".0", "1e3" }) {
			answers.put(spelling,
					lead.get()
						.uri("/api/incidents/{id}", spelling)
						.exchange()
						.returnResult(String.class)
						.getStatus()
						.value());
		}
		assertThat(answers).allSatisfy((spelling, status) -> assertThat(status).as(spelling).isEqualTo(400));
		refused(lead.get().uri("/api/incidents/handover?hours=0x10").exchange(), 400);
	}

	/**
	 * Zero-width spaces, direction marks, fillers: text that shows nothing is no text,
	 * wherever text is required; and invisible characters do not make a short description
	 * long enough.
	 */
	@Test
	void textThatShowsNothingIsNoText() {
		for (String description : new String[] { "\u200b".repeat(12), "Müll" + "\u200b\u2060\ufeff".repeat(4) }) {
			refused(this.client.post()
				.uri("/api/reports")
				.contentType(MediaType.APPLICATION_JSON)
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.bodyValue(Map.of("category", "LITTER", "description", description, "location",
						Map.of("lat", LAT, "lon", LON), "language", "de"))
				.exchange(), 422);
		}
		long incident = Fixtures.reportIncident(this.client, "LITTER", LAT, LON);
		WebTestClient lead = StaffLogin.as(this.client, "dispatcher");
		for (String text : new String[] { "\u200b", " \u200b\u3164 ", "\u202e\u2066", "\ufe0f\u2800" }) {
			refused(lead.post()
				.uri("/api/incidents/{id}/notes", incident)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("text", text))
				.exchange(), 400);
		}
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM incident_note WHERE incident_id = " + incident))
			.isZero();
		String teams = "SELECT count(*) FROM team";
		long before = TestDatabase.queryLong(teams);
		refused(StaffLogin.as(this.client, "admin")
			.post()
			.uri("/api/admin/teams")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "\u200b\u200c\u200d", "teamType", "KOD", "languages", List.of("de"), "quarters",
					List.of()))
			.exchange(), 400);
		assertThat(TestDatabase.queryLong(teams)).isEqualTo(before);
		// The field's sibling: a KOD team declines only with a reason that shows; an
		// invisible note with a step is no note.
		long team = Fixtures.team("KOD", LAT, LON);
		long job = Fixtures.reportIncident(this.client, "LITTER", LAT, LON);
		lead.post()
			.uri("/api/incidents/{id}/assignments", job)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("teamId", team, "version", Fixtures.incidentVersion(job)))
			.exchange()
			.expectStatus()
			.isOk();
		long assignment = TestDatabase.queryLong("SELECT id FROM assignment WHERE incident_id = " + job);
		WebTestClient field = StaffLogin.as(this.client, Fixtures.fieldMember(team));
		refused(field.post()
			.uri("/api/field/assignments/{id}", assignment)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("state", "DECLINED", "version", 0, "reason", "\u200b\u2060"))
			.exchange(), 422);
		field.post()
			.uri("/api/field/assignments/{id}", assignment)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("state", "EN_ROUTE", "version", 0, "note", "\u200b"))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM incident_note WHERE incident_id = " + job)).isZero();
		// Visible text with a joiner inside (a family emoji) is text.
		lead.post()
			.uri("/api/incidents/{id}/notes", incident)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("text", "Familie \uD83D\uDC69\u200D\uD83D\uDC67 vor Ort"))
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
	}

	/**
	 * A page of no entries was never meant (a larger page than the longest is cut to it),
	 * and a quarter that does not exist is not dropped from a referral in silence.
	 */
	@Test
	void aPageOfNothingAndAQuarterThatDoesNotExistAreRefused() {
		WebTestClient admin = StaffLogin.as(this.client, "admin");
		refused(admin.get().uri("/api/admin/audit?limit=-1").exchange(), 422);
		refused(admin.post()
			.uri("/api/admin/audit/search")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("limit", 0))
			.exchange(), 422);
		refused(admin.get().uri("/api/routing/rules/changes?limit=0").exchange(), 422);
		admin.get().uri("/api/routing/rules/changes?limit=100000").exchange().expectStatus().isOk();
		String referrals = "SELECT count(*) FROM referral";
		long before = TestDatabase.queryLong(referrals);
		refused(StaffLogin.as(this.client, "counter")
			.post()
			.uri("/api/referrals")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("serviceId", Partners.service("Schuldner- und Energieberatung"), "need", "Beratung",
					"language", "de", "consent", false, "quarter", "NIRGENDWO"))
			.exchange(), 422);
		assertThat(TestDatabase.queryLong(referrals)).isEqualTo(before);
	}

	/**
	 * A coordinate is written in decimal degrees ("51.5d", hexadecimal and exponents are
	 * Java's spellings, not a client's), and a JSON key given twice is no request: which
	 * of the two was meant depends on the parser.
	 */
	@Test
	void coordinatesAndJsonKeysHaveOneSpelling() {
		for (String lat : new String[] { "51.5259d", "0x1.9cp5", "5.15259e1", "51,5259", "++51.5259" }) {
			refused(this.client.get().uri("/api/quarters/locate?lat={lat}&lon={lon}", lat, LON).exchange(), 400);
		}
		// ISO 6709's sign and a double printed in full are decimal degrees too.
		for (String lat : new String[] { " 51.5259 ", "+51.5259", "51.525900000000000000000001" }) {
			this.client.get()
				.uri("/api/quarters/locate?lat={lat}&lon={lon}", lat, LON)
				.exchange()
				.expectStatus()
				.isOk();
		}
		String description = "Doppelt genannt " + UUID.randomUUID();
		refused(this.client.post()
			.uri("/api/reports")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.bodyValue("""
					{"category": "LITTER", "category": "NOISE", "description": "%s",
					 "location": {"lat": %s, "lon": %s}, "language": "de"}""".formatted(description, LAT, LON))
			.exchange(), 400);
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM report WHERE description = '" + description + "'"))
			.isZero();
	}

	private static String position(long team) {
		return TestDatabase.queryString("SELECT coalesce(ST_AsText(last_position), '') FROM team WHERE id = " + team);
	}

	/**
	 * Bytes that are not UTF-8 in a query are no text anyone typed (Spring made "��x" of
	 * them).
	 */
	@Test
	void aQueryThatIsNotUtf8IsRefused() {
		WebTestClient lead = StaffLogin.as(this.client, "dispatcher");
		WebTestClient admin = StaffLogin.as(this.client, "admin");
		refused(lead.get()
			.uri(java.net.URI.create("http://localhost:" + this.port + "/api/incidents/search?q=%ED%A0%80"))
			.exchange(), 400);
		// Named by its parameter, as every other refused value is.
		admin.get()
			.uri(java.net.URI.create("http://localhost:" + this.port + "/api/admin/audit?page=0&username=%C0%AFx"))
			.exchange()
			.expectStatus()
			.isEqualTo(400)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("username");
		// In a path segment too: not looked up as the "/" it would decode to.
		refused(this.client.get()
			.uri(java.net.URI.create("http://localhost:" + this.port + "/api/reports/%C0%AF"))
			.exchange(), 400);
		lead.get()
			.uri(java.net.URI.create("http://localhost:" + this.port + "/api/incidents/search?q=L%C3%A4rm"))
			.exchange()
			.expectStatus()
			.isOk();
	}

	/** A JSON body is UTF-8: an overlong "/" ({@code C0 AF}) is not read as one. */
	@Test
	void aJsonBodyThatIsNotUtf8IsRefused() {
		long incident = Fixtures.reportIncident(this.client, "LITTER", LAT, LON);
		WebTestClient lead = StaffLogin.as(this.client, "dispatcher");
		byte[] overlong = { '{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, (byte) 0xE0,
				(byte) 0x80, (byte) 0xAF, 'a', 'b', 'c', ' ', 'N', 'o', 't', 'i', 'z', '"', '}' };
		refused(lead.post()
			.uri("/api/incidents/{id}/notes", incident)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(overlong)
			.exchange(), 400).expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("text")
			.jsonPath("$.errors[0].code")
			.isEqualTo("UnstorableText");
		// In a property name, after an escape's backslash, cut off at the end: named, or
		// malformed JSON.
		for (byte[] odd : new byte[][] { { '{', '"', 't', 'e', 'x', 't', (byte) 0xC0, '"', ':', '"', 'a', '"', '}' },
				{ '{', '"', 't', 'e', 'x', 't', '"', ':', '"', 'a', '\\', (byte) 0xC0, (byte) 0xAF, '"', '}' },
				{ '{', '"', 't', 'e', 'x', 't', '"', ':', '"', 'a', (byte) 0xE0, (byte) 0x80 },
				{ '{', (byte) 0xFF, '"', 't', 'e', 'x', 't', '"', ':', '"', 'a', '"', '}' } }) {
			refused(lead.post()
				.uri("/api/incidents/{id}/notes", incident)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(odd)
				.exchange(), 400);
		}
		// UTF-16, guessed by Jackson from its zero bytes or declared: not UTF-8 either.
		byte[] utf16 = "{\"text\":\"Notiz in UTF-16\"}".getBytes(java.nio.charset.StandardCharsets.UTF_16BE);
		refused(lead.post()
			.uri("/api/incidents/{id}/notes", incident)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(utf16)
			.exchange(), 400);
		refused(lead.post()
			.uri("/api/incidents/{id}/notes", incident)
			.contentType(MediaType.parseMediaType("application/json;charset=UTF-16BE"))
			.bodyValue(utf16)
			.exchange(), 415);
		refused(lead.post()
			.uri("/api/incidents/{id}/notes", incident)
			.contentType(MediaType.parseMediaType("application/json;charset=US-ASCII"))
			.bodyValue("{\"text\":\"Notiz\"}")
			.exchange(), 415);
		// In the value of a property no request has, however deep: refused as well.
		for (String unknown : new String[] { "{\"text\":\"Notiz\",\"zz\":\"a\\u0000b\"}",
				"{\"text\":\"Notiz\",\"zz\":{\"y\":[\"\\ud800\"]}}" }) {
			refused(lead.post()
				.uri("/api/incidents/{id}/notes", incident)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(unknown)
				.exchange(), 400);
		}
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM incident_note WHERE incident_id = " + incident))
			.isZero();
		lead.post()
			.uri("/api/incidents/{id}/notes", incident)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"text\":\"Lärm: ∕abc Notiz\",\"zz\":{\"y\":[1,\"ok\",null]}}"
				.getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private static WebTestClient.ResponseSpec refused(WebTestClient.ResponseSpec response, int status) {
		return response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
