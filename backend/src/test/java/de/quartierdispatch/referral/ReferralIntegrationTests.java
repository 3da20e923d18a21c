package de.quartierdispatch.referral;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import de.quartierdispatch.privacy.RetentionCutoffs;
import de.quartierdispatch.support.Fixtures;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.MutableClock;
import de.quartierdispatch.support.Partners;
import de.quartierdispatch.support.PersonalData;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Referrals from the counter and from an incident to partner services: contact details
 * reach the partner only with consent, each partner organisation sees only its own
 * referrals, the referrer sees status and outcome but never the partner's notes, a
 * referral not accepted in time is flagged, and retention removes what has lapsed. The
 * clock is moved by hand; the schedule is off.
 */
@IntegrationTest
@Import(ReferralIntegrationTests.TestClock.class)
@TestPropertySource(properties = { "quartier.scheduling.enabled=false", "quartier.referral.accept-within=48h" })
class ReferralIntegrationTests {

	/** A Tuesday, 10:00 in Bottrop. */
	static final Instant TUESDAY_MORNING = Instant.parse("2027-03-02T09:00:00Z");

	static final MutableClock CLOCK = new MutableClock(TUESDAY_MORNING);

	private static final String FAMILY_COUNSELLING = "Erziehungs- und Familienberatung";

	private static final String DEBT_COUNSELLING = "Schuldner- und Energieberatung";

	@Autowired
	private WebTestClient client;

	@Autowired
	private StaleReferrals stale;

	@Autowired
	private ReferralRetention retention;

	@BeforeEach
	void tuesdayMorning() {
		CLOCK.set(TUESDAY_MORNING);
	}

	@Test
	void aReferralWithConsentReachesThePartnerWithTheContactDetailsAndEveryReadIsAudited() {
		long referral = refer(counter(), FAMILY_COUNSELLING, true,
				Map.of("name", PersonalData.NAME, "phone", PersonalData.PHONE));
		WebTestClient partner = StaffLogin.as(this.client, Partners.member(Partners.CARITAS), CLOCK);
		long readsBefore = contactReads(referral);

		partner.get()
			.uri("/api/partner/referrals")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.id == " + referral + ")].hasContact")
			.isEqualTo(List.of(true))
			.jsonPath("$[?(@.id == " + referral + ")].contact")
			.doesNotExist();
		assertThat(contactReads(referral)).as("the list carries no contact details").isEqualTo(readsBefore);
		partner.get()
			.uri("/api/partner/referrals/{id}", referral)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.contact.name")
			.isEqualTo(PersonalData.NAME)
			.jsonPath("$.contact.phone")
			.isEqualTo(PersonalData.PHONE)
			.jsonPath("$.need")
			.isEqualTo("Beratung zur Erziehung, Kind 7 Jahre");
		assertThat(contactReads(referral)).isEqualTo(readsBefore + 1);
	}

	@Test
	void aPartnerThatDeclinedNoLongerSeesTheContactDetails() {
		long referral = refer(counter(), FAMILY_COUNSELLING, true, Map.of("phone", PersonalData.PHONE));
		WebTestClient partner = StaffLogin.as(this.client, Partners.member(Partners.CARITAS), CLOCK);
		partner.get()
			.uri("/api/partner/referrals/{id}", referral)
			.exchange()
			.expectBody()
			.jsonPath("$.contact.phone")
			.isEqualTo(PersonalData.PHONE);
		partner.post()
			.uri("/api/partner/referrals/{id}/decline", referral)
			.bodyValue(Map.of("reason", "Keine Kapazität"))
			.exchange()
			.expectStatus()
			.isOk();

		String declined = partner.get()
			.uri("/api/partner/referrals/{id}", referral)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(declined).contains("DECLINED").doesNotContain(PersonalData.PHONE).contains("\"hasContact\": false");
		assertThat(contactReads(referral)).isEqualTo(1);
	}

	@Test
	void aReferralWithoutConsentReachesThePartnerWithoutAnyContactDetails() {
		long referral = refer(counter(), FAMILY_COUNSELLING, false, null);
		WebTestClient partner = StaffLogin.as(this.client, Partners.member(Partners.CARITAS), CLOCK);

		partner.get()
			.uri("/api/partner/referrals/{id}", referral)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.consent")
			.isEqualTo(false)
			.jsonPath("$.hasContact")
			.isEqualTo(false)
			.jsonPath("$.contact")
			.doesNotExist();
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM referral_contact WHERE referral_id = " + referral))
			.isZero();
		assertThat(contactReads(referral)).isZero();
	}

	@Test
	void contactDetailsWithoutConsentAreRefusedAndNothingIsStored() {
		long before = TestDatabase.queryLong("SELECT count(*) FROM referral");
		Map<String, Object> body = request(FAMILY_COUNSELLING, false,
				Map.of("name", PersonalData.OTHER_NAME, "phone", PersonalData.OTHER_PHONE));

		counter().post()
			.uri("/api/referrals")
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("consent");
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM referral")).isEqualTo(before);
		long anonymous = refer(counter(), FAMILY_COUNSELLING, false, null);
		assertThatThrownBy(() -> TestDatabase.queryLong("INSERT INTO referral_contact (referral_id, phone) VALUES ("
				+ anonymous + ", '0201 123456') RETURNING 1"))
			.as("the database refuses contact details of a referral without consent, too")
			.hasStackTraceContaining("has no consent");
	}

	/**
	 * Contact details a partner could not reach anyone with are refused, as on the public
	 * form; text is cleaned as everywhere (control characters go), and text that shows
	 * nothing is no reason and no "where to turn".
	 */
	@Test
	void unreachableContactDetailsAreRefusedAndTextIsCleanedOnTheWayToThePartner() {
		long before = TestDatabase.queryLong("SELECT count(*) FROM referral");
		for (Map<String, String> contact : List.of(Map.of("phone", "+++"), Map.of("phone", "()", "email", "a@b"),
				Map.of("name", "Frau K.", "email", "kein-punkt@domain"))) {
			counter().post()
				.uri("/api/referrals")
				.bodyValue(request(FAMILY_COUNSELLING, true, contact))
				.exchange()
				.expectStatus()
				.isBadRequest();
		}
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM referral")).isEqualTo(before);

		Map<String, Object> body = request(FAMILY_COUNSELLING, false, null);
		body.put("need", "Familie\u0007\u001b[2J braucht Beratung");
		long referral = refer(counter(), body);
		assertThat(TestDatabase.queryString("SELECT need FROM referral WHERE id = " + referral))
			.isEqualTo("Familie[2J braucht Beratung");
		WebTestClient partner = StaffLogin.as(this.client, Partners.member(Partners.CARITAS), CLOCK);
		partner.post()
			.uri("/api/partner/referrals/{id}/decline", referral)
			.bodyValue(Map.of("reason", "\u200b\u2060"))
			.exchange()
			.expectStatus()
			.isBadRequest();
		partner.post()
			.uri("/api/partner/referrals/{id}/decline", referral)
			.bodyValue(Map.of("reason", "\u200bKeine Kapazität\u0007"))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(TestDatabase.queryString("SELECT decline_reason FROM referral WHERE id = " + referral))
			.isEqualTo("\u200bKeine Kapazität");
	}

	@Test
	void aPartnerOfAnotherOrganisationSeesNoReferralOfCaritasByListOrByIdAndCannotActOnIt() {
		long referral = refer(counter(), FAMILY_COUNSELLING, true, Map.of("phone", PersonalData.PHONE));
		WebTestClient diakonie = StaffLogin.as(this.client, Partners.member(Partners.DIAKONIE), CLOCK);
		long refusedBefore = TestDatabase.queryLong(
				"SELECT count(*) FROM audit_log WHERE action = 'REFERRAL_READ_REFUSED' AND details->>'referral' = '"
						+ referral + "'");

		diakonie.get()
			.uri("/api/partner/referrals")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.id == " + referral + ")]")
			.doesNotExist()
			.jsonPath("$[?(@.service == '" + FAMILY_COUNSELLING + "')]")
			.doesNotExist();
		diakonie.get().uri("/api/partner/referrals/{id}", referral).exchange().expectStatus().isNotFound();
		diakonie.post().uri("/api/partner/referrals/{id}/accept", referral).exchange().expectStatus().isNotFound();
		diakonie.post()
			.uri("/api/partner/referrals/{id}/decline", referral)
			.bodyValue(Map.of("reason", "nicht unseres"))
			.exchange()
			.expectStatus()
			.isNotFound();
		diakonie.post()
			.uri("/api/partner/referrals/{id}/notes", referral)
			.bodyValue(Map.of("text", "Notiz einer fremden Organisation"))
			.exchange()
			.expectStatus()
			.isNotFound();
		assertThat(TestDatabase.queryString("SELECT state FROM referral WHERE id = " + referral)).isEqualTo("OPEN");
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM referral_note WHERE referral_id = " + referral))
			.isZero();
		assertThat(contactReads(referral)).isZero();
		assertThat(TestDatabase.queryLong(
				"SELECT count(*) FROM audit_log WHERE action = 'REFERRAL_READ_REFUSED' AND details->>'referral' = '"
						+ referral + "'"))
			.as("the look, and the tries to accept, decline and add a note")
			.isEqualTo(refusedBefore + 4);
	}

	@Test
	void theReferrerSeesStatusAndOutcomeButNeverTheNotes() {
		long referral = refer(counter(), FAMILY_COUNSELLING, true, Map.of("phone", PersonalData.PHONE));
		WebTestClient partner = StaffLogin.as(this.client, Partners.member(Partners.CARITAS), CLOCK);
		partner.post().uri("/api/partner/referrals/{id}/accept", referral).exchange().expectStatus().isOk();
		partner.post()
			.uri("/api/partner/referrals/{id}/notes", referral)
			.bodyValue(Map.of("text", "Vater berichtet von Gewalt in der Familie"))
			.exchange()
			.expectStatus()
			.isOk();
		// Yesterday is no appointment made (it is help given, or none); nothing is
		// recorded.
		partner.post()
			.uri("/api/partner/referrals/{id}/outcome", referral)
			.header("Accept-Language", "de")
			.bodyValue(Map.of("outcome", "APPOINTMENT", "appointmentAt", "2027-03-01T15:00:00Z"))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("appointmentAt")
			.jsonPath("$.errors[0].message")
			.isEqualTo("Der Termin liegt in der Vergangenheit. "
					+ "Bitte den vereinbarten Termin angeben oder die Hilfe als geleistet eintragen.");
		assertThat(TestDatabase.queryString("SELECT coalesce(outcome, '-') FROM referral WHERE id = " + referral))
			.isEqualTo("-");
		partner.post()
			.uri("/api/partner/referrals/{id}/outcome", referral)
			.bodyValue(Map.of("outcome", "APPOINTMENT", "appointmentAt", "2027-03-04T13:00:00Z"))
			.exchange()
			.expectStatus()
			.isOk();

		String mine = counter().get()
			.uri("/api/referrals")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(mine).doesNotContain("Gewalt").doesNotContain("notes").doesNotContain(PersonalData.PHONE);
		counter().get()
			.uri("/api/referrals")
			.exchange()
			.expectBody()
			.jsonPath("$[?(@.id == " + referral + ")].appointmentAt")
			.isEqualTo(List.of("2027-03-04T13:00:00+00:00"))
			.jsonPath("$[?(@.id == " + referral + ")].state")
			.isEqualTo(List.of("ACCEPTED"))
			.jsonPath("$[?(@.id == " + referral + ")].outcome")
			.isEqualTo(List.of("APPOINTMENT"));
		partner.get()
			.uri("/api/partner/referrals/{id}", referral)
			.exchange()
			.expectBody()
			.jsonPath("$.notes[0].text")
			.isEqualTo("Vater berichtet von Gewalt in der Familie");

		// The help given later: the appointment it came from stays on record.
		partner.post()
			.uri("/api/partner/referrals/{id}/outcome", referral)
			.bodyValue(Map.of("outcome", "HELPED"))
			.exchange()
			.expectStatus()
			.isOk();
		counter().get()
			.uri("/api/referrals")
			.exchange()
			.expectBody()
			.jsonPath("$[?(@.id == " + referral + ")].outcome")
			.isEqualTo(List.of("HELPED"))
			.jsonPath("$[?(@.id == " + referral + ")].appointmentAt")
			.isEqualTo(List.of("2027-03-04T13:00:00+00:00"));
	}

	/**
	 * Two members of the organisation at once, and a partner app sending again after a
	 * lost answer: an outcome recorded meanwhile is not overwritten, a note is stored
	 * once.
	 */
	@Test
	void anOutcomeRecordedMeanwhileIsNotOverwrittenAndANoteSentTwiceIsStoredOnce() {
		long referral = refer(counter(), FAMILY_COUNSELLING, false, Map.of());
		WebTestClient partner = StaffLogin.as(this.client, Partners.member(Partners.CARITAS), CLOCK);
		partner.post().uri("/api/partner/referrals/{id}/accept", referral).exchange().expectStatus().isOk();
		int read = (int) TestDatabase.queryLong("SELECT version FROM referral WHERE id = " + referral);
		// The second time, sent again after a lost answer: recorded already, no conflict.
		for (int attempt = 0; attempt < 2; attempt++) {
			partner.post()
				.uri("/api/partner/referrals/{id}/outcome", referral)
				.bodyValue(Map.of("outcome", "APPOINTMENT", "appointmentAt", "2027-03-04T13:00:00Z", "version", read))
				.exchange()
				.expectStatus()
				.isOk();
		}
		partner.post()
			.uri("/api/partner/referrals/{id}/outcome", referral)
			.header("Accept-Language", "de")
			.bodyValue(Map.of("outcome", "NOT_REACHED", "version", read))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:problem:quartier-dispatch:referral-changed-meanwhile")
			.jsonPath("$.title")
			.isEqualTo("Vermittlung inzwischen geändert");
		assertThat(TestDatabase.queryString("SELECT outcome FROM referral WHERE id = " + referral))
			.isEqualTo("APPOINTMENT");

		String key = UUID.randomUUID().toString();
		for (int attempt = 0; attempt < 2; attempt++) {
			partner.post()
				.uri("/api/partner/referrals/{id}/notes", referral)
				.header("Idempotency-Key", key)
				.bodyValue(Map.of("text", "Termin telefonisch bestätigt"))
				.exchange()
				.expectStatus()
				.isOk();
		}
		partner.post()
			.uri("/api/partner/referrals/{id}/notes", referral)
			.header("Idempotency-Key", key)
			.bodyValue(Map.of("text", "Etwas anderes"))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:problem:quartier-dispatch:referral-note-key-reused");
		partner.post()
			.uri("/api/partner/referrals/{id}/notes", referral)
			.header("Idempotency-Key", "kurz")
			.bodyValue(Map.of("text", "Noch eine"))
			.exchange()
			.expectStatus()
			.isBadRequest();
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM referral_note WHERE referral_id = " + referral))
			.isOne();
	}

	/**
	 * A referral made at the counter has no tracking code: the person's request for
	 * access or erasure (or a consent withdrawn) finds it by the contact details they
	 * gave.
	 */
	@Test
	void aPersonReferredAtTheCounterIsFoundByTheirContactDetailsForAccessAndErasure() {
		String digits = String.valueOf(ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999));
		String email = "person-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		long referral = refer(counter(), FAMILY_COUNSELLING, true,
				Map.of("name", "Jana Nowak", "phone", "0176 " + digits, "email", email));
		WebTestClient partner = StaffLogin.as(this.client, Partners.member(Partners.CARITAS), CLOCK);
		partner.get().uri("/api/partner/referrals/{id}", referral).exchange().expectStatus().isOk();
		partner.post()
			.uri("/api/partner/referrals/{id}/notes", referral)
			.bodyValue(Map.of("text", "Frau Nowak ruft Donnerstag an"))
			.exchange()
			.expectStatus()
			.isOk();
		WebTestClient admin = StaffLogin.as(this.client, "admin", CLOCK);
		admin.post()
			.uri("/api/admin/privacy/referrals/export")
			.bodyValue(Map.of("phone", "+49 176 " + digits, "request", "Brief vom 2. März"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.referrals.length()")
			.isEqualTo(1)
			.jsonPath("$.referrals[0].contact.email")
			.isEqualTo(email)
			.jsonPath("$.referrals[0].need")
			.value((String need) -> assertThat(need).isNotBlank())
			.jsonPath("$.referrals[0].partnerNotes")
			.isEqualTo(1)
			.jsonPath("$.referrals[0].contactReadByPartner.length()")
			.isEqualTo(1);
		admin.post()
			.uri("/api/admin/privacy/referrals/erase")
			.header("Accept-Language", "de")
			.bodyValue(Map.of("email", " ", "request", "Brief vom 2. März"))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("email");
		admin.post()
			.uri("/api/admin/privacy/referrals/erase")
			.bodyValue(Map.of("email", email.toUpperCase(), "request", "Widerruf der Einwilligung, 2. März"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.referrals")
			.isEqualTo(List.of((int) referral))
			.jsonPath("$.contactsErased")
			.isEqualTo(1)
			.jsonPath("$.notesRedacted")
			.isEqualTo(1);
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM referral_contact WHERE referral_id = " + referral))
			.isZero();
		assertThat(TestDatabase.queryString("SELECT need || string_agg(n.text, '') FROM referral r "
				+ "JOIN referral_note n ON n.referral_id = r.id WHERE r.id = " + referral + " GROUP BY r.need"))
			.isEmpty();
		assertThat(TestDatabase.queryString("SELECT string_agg(action, ',' ORDER BY id) FROM audit_log "
				+ "WHERE purpose = 'DATA_SUBJECT_REQUEST' AND details -> 'referrals' @> '[" + referral + "]'"))
			.isEqualTo("DATA_EXPORTED,DATA_ERASED");
		// The partner is told the details were erased, not that the person never
		// consented.
		partner.get()
			.uri("/api/partner/referrals/{id}", referral)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.consent")
			.isEqualTo(true)
			.jsonPath("$.contactErased")
			.isEqualTo(true)
			.jsonPath("$.hasContact")
			.isEqualTo(false)
			.jsonPath("$.contact")
			.doesNotExist();
	}

	@Test
	void aTeamLeadRefersFromAnIncidentAndTheOutcomeFlowsBackToTheIncident() {
		long incident = Fixtures.reportIncident(this.client, "NEIGHBOUR_CONFLICT", 51.5423, 6.9681);
		WebTestClient lead = StaffLogin.as(this.client, "dispatcher", CLOCK);
		long referral = lead.post()
			.uri("/api/incidents/{id}/referrals", incident)
			.bodyValue(request(DEBT_COUNSELLING, false, null))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Referral.class)
			.returnResult()
			.getResponseBody()
			.id();
		WebTestClient diakonie = StaffLogin.as(this.client, Partners.member(Partners.DIAKONIE), CLOCK);
		// From an incident, not from a contact point: the partner reads no place at
		// all, not an empty name.
		diakonie.get()
			.uri("/api/partner/referrals/{id}", referral)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.fromIncident")
			.isEqualTo(true)
			.jsonPath("$.referredFrom")
			.doesNotExist();
		diakonie.post()
			.uri("/api/partner/referrals/{id}/outcome", referral)
			.bodyValue(Map.of("outcome", "HELPED"))
			.exchange()
			.expectStatus()
			.isEqualTo(409);
		diakonie.post()
			.uri("/api/partner/referrals/{id}/decline", referral)
			.bodyValue(Map.of("reason", "Bitte an die Schuldnerberatung der Stadt wenden"))
			.exchange()
			.expectStatus()
			.isOk();

		lead.get()
			.uri("/api/incidents/{id}/referrals", incident)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].id")
			.isEqualTo(referral)
			.jsonPath("$[0].state")
			.isEqualTo("DECLINED")
			.jsonPath("$[0].declineReason")
			.isEqualTo("Bitte an die Schuldnerberatung der Stadt wenden");
		assertThat(TestDatabase.queryLong("SELECT quarter_id FROM referral WHERE id = " + referral))
			.isEqualTo(TestDatabase.queryLong("SELECT quarter_id FROM incident WHERE id = " + incident));
	}

	@Test
	void aReferralNotAcceptedInTimeIsFlaggedToTheReferrerOnce() {
		long waiting = refer(counter(), FAMILY_COUNSELLING, false, null);
		long accepted = refer(counter(), FAMILY_COUNSELLING, false, null);
		StaffLogin.as(this.client, Partners.member(Partners.CARITAS), CLOCK)
			.post()
			.uri("/api/partner/referrals/{id}/accept", accepted)
			.exchange()
			.expectStatus()
			.isOk();

		CLOCK.advance(Duration.ofHours(47));
		assertThat(this.stale.flagDue().block()).doesNotContain(waiting, accepted);
		CLOCK.advance(Duration.ofHours(2));
		assertThat(this.stale.flagDue().block()).contains(waiting).doesNotContain(accepted);
		assertThat(this.stale.flagDue().block()).doesNotContain(waiting);

		counter().get()
			.uri("/api/referrals")
			.exchange()
			.expectBody()
			.jsonPath("$[?(@.id == " + waiting + ")].stale")
			.isEqualTo(List.of(true))
			.jsonPath("$[?(@.id == " + accepted + ")].stale")
			.isEqualTo(List.of(false));
	}

	@Test
	void retentionErasesContactDetailsAndRedactsNeedsAndNotesOfClosedReferrals() {
		long referral = refer(counter(), FAMILY_COUNSELLING, true, Map.of("email", PersonalData.EMAIL));
		WebTestClient partner = StaffLogin.as(this.client, Partners.member(Partners.CARITAS), CLOCK);
		partner.post().uri("/api/partner/referrals/{id}/accept", referral).exchange().expectStatus().isOk();
		partner.post()
			.uri("/api/partner/referrals/{id}/notes", referral)
			.bodyValue(Map.of("text", "Gespräch geführt"))
			.exchange()
			.expectStatus()
			.isOk();
		partner.post()
			.uri("/api/partner/referrals/{id}/outcome", referral)
			.bodyValue(Map.of("outcome", "HELPED"))
			.exchange()
			.expectStatus()
			.isOk();

		CLOCK.advance(Duration.ofDays(31));
		this.retention.removeLapsed(cutoffs()).block(Duration.ofSeconds(30));
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM referral_contact WHERE referral_id = " + referral))
			.isZero();
		assertThat(TestDatabase.queryString("SELECT need FROM referral WHERE id = " + referral)).isNotEmpty();
		CLOCK.advance(Duration.ofDays(335));
		this.retention.removeLapsed(cutoffs()).block(Duration.ofSeconds(30));
		assertThat(TestDatabase.queryString("SELECT need || '|' || (redacted_at IS NOT NULL) || '|' || outcome "
				+ "FROM referral WHERE id = " + referral))
			.isEqualTo("|true|HELPED");
		assertThat(TestDatabase
			.queryString("SELECT string_agg(text, '') FROM referral_note WHERE referral_id = " + referral)).isEmpty();
	}

	@Test
	void aReferralNeverClosedLapsesAsAWholeAYearAfterItsLastStep() {
		long referral = refer(counter(), FAMILY_COUNSELLING, true, Map.of("phone", PersonalData.PHONE));
		WebTestClient partner = StaffLogin.as(this.client, Partners.member(Partners.CARITAS), CLOCK);
		partner.post().uri("/api/partner/referrals/{id}/accept", referral).exchange().expectStatus().isOk();
		partner.post()
			.uri("/api/partner/referrals/{id}/outcome", referral)
			.bodyValue(Map.of("outcome", "APPOINTMENT", "appointmentAt", "2027-03-04T13:00:00Z"))
			.exchange()
			.expectStatus()
			.isOk();

		// An appointment keeps the referral open: still at work after a month.
		CLOCK.advance(Duration.ofDays(31));
		this.retention.removeLapsed(cutoffs()).block(Duration.ofSeconds(30));
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM referral_contact WHERE referral_id = " + referral))
			.isOne();
		// No outcome ever came: a year after its last step, nothing personal is left.
		CLOCK.advance(Duration.ofDays(335));
		this.retention.removeLapsed(cutoffs()).block(Duration.ofSeconds(30));
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM referral_contact WHERE referral_id = " + referral))
			.isZero();
		assertThat(TestDatabase.queryString("SELECT need || '|' || (appointment_at IS NULL) || '|' || state "
				+ "FROM referral WHERE id = " + referral))
			.isEqualTo("|true|ACCEPTED");
	}

	@Test
	void statisticsCountReferralsByTopicAndOutcomeAndSuppressSmallCounts() {
		for (int i = 0; i < 3; i++) {
			refer(counter(), DEBT_COUNSELLING, false, null);
		}
		StaffLogin.as(this.client, "analyst")
			.get()
			.uri("/api/stats/referrals?from=2027-01-01&to=2027-12-31")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.minimumCount")
			.isEqualTo(3)
			.jsonPath("$.byTopic.DEBT_COUNSELLING")
			.value((Integer count) -> assertThat(count).isGreaterThanOrEqualTo(3))
			.jsonPath("$.byPeriod[0].period")
			.isEqualTo("2027-Q1")
			.jsonPath("$.byTopic.EARLY_HELP")
			.doesNotExist();
		refer(counter(), "Frühe Hilfen – Familienbüro", false, null);
		StaffLogin.as(this.client, "analyst")
			.get()
			.uri("/api/stats/referrals?from=2027-01-01&to=2027-12-31")
			.exchange()
			.expectBody()
			.jsonPath("$.byTopic")
			.value((Map<String, Object> topics) -> assertThat(topics).containsEntry("EARLY_HELP", null));
	}

	/**
	 * Contact details 30 days after closing, texts 365 days after closing (the defaults).
	 */
	private static RetentionCutoffs cutoffs() {
		Instant now = CLOCK.instant();
		return new RetentionCutoffs(now, now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(365)),
				now.minus(Duration.ofDays(730)));
	}

	private WebTestClient counter() {
		return StaffLogin.as(this.client, "counter");
	}

	private long refer(WebTestClient as, String service, boolean consent, Map<String, String> contact) {
		return refer(as, request(service, consent, contact));
	}

	private long refer(WebTestClient as, Map<String, Object> body) {
		return as.post()
			.uri("/api/referrals")
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Referral.class)
			.returnResult()
			.getResponseBody()
			.id();
	}

	private static Map<String, Object> request(String service, boolean consent, Map<String, String> contact) {
		Map<String, Object> body = new HashMap<>();
		body.put("serviceId", Partners.service(service));
		body.put("need", "Beratung zur Erziehung, Kind 7 Jahre");
		body.put("language", "ar");
		body.put("consent", consent);
		if (contact != null) {
			body.put("contact", contact);
		}
		return body;
	}

	private static long contactReads(long referral) {
		return TestDatabase.queryLong("SELECT count(*) FROM audit_log WHERE action = 'REFERRAL_CONTACT_READ' "
				+ "AND details->>'referral' = '" + referral + "'");
	}

	record Referral(long id) {
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
