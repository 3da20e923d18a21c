package de.quartierdispatch.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import de.quartierdispatch.support.Accessibility;
import de.quartierdispatch.support.AuthenticatorApp;
import de.quartierdispatch.support.BrowserExtension;
import de.quartierdispatch.support.BrowserExtension.BrowserSession;
import de.quartierdispatch.support.BrowserSignIn;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.MutableClock;
import de.quartierdispatch.support.Partners;
import de.quartierdispatch.support.PersonalData;
import de.quartierdispatch.support.RefusedRequests;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The counter as a door into the partner network: counter staff find Arabic-speaking
 * family counselling that is open today (a Tuesday morning by the application's clock),
 * give an anonymous hand-out in Arabic to one person and refer another with consent; the
 * partner signs in, sees the contact details, accepts and records an appointment; the
 * counter sees the appointment.
 */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
@Import(ReferralBrowserIntegrationTests.TestClock.class)
// No background jobs on a clock a year ahead: they would escalate and clean up what the
// other test classes hold in the shared database.
@TestPropertySource(properties = "quartier.scheduling.enabled=false")
class ReferralBrowserIntegrationTests {

	/** A Tuesday, 10:00 in Bottrop. */
	static final MutableClock CLOCK = new MutableClock(Instant.parse("2027-03-02T09:00:00Z"));

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient client;

	@Test
	void counterStaffReferAWalkInWithConsentAndSeeThePartnersAppointment(BrowserSession browser) {
		String need = "Erziehungsberatung, Sohn 9 Jahre, Schule meldet Probleme " + UUID.randomUUID();
		Page counter = browser.newPage();
		// The page's own clock, to move it on to its next reading of the referrals.
		counter.clock().install();
		signIn(counter, "/counter", "counter");
		counter.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Wegweiser")).click();
		counter.waitForURL("**/directory");
		counter.getByLabel("Thema").selectOption("FAMILY_COUNSELLING");
		counter.getByLabel("Sprache im Angebot").selectOption("ar");
		counter.getByLabel("Heute noch geöffnet").check();
		assertThat(counter.locator("#result-status")).hasText("1 Angebot gefunden.");
		assertThat(counter.locator("#services")).containsText("Erziehungs- und Familienberatung");
		assertThat(counter.locator("#services")).not().containsText("Familienberatung Boy/Welheim");
		assertThat(counter.locator("#services .badge--open")).hasText("Jetzt geöffnet");
		Accessibility.assertNoSeriousViolations(counter);

		// Without consent: nothing personal goes anywhere, the person takes a hand-out.
		counter.locator("#services li").first().getByRole(AriaRole.BUTTON).click();
		counter.getByLabel("Was wird gebraucht?").fill("Beratung ohne Kontaktdaten");
		counter.getByLabel("Sprache der Person").selectOption("ar");
		assertThat(counter.locator("#contact-fields")).isHidden();
		counter.locator("#refer-submit").click();
		assertThat(counter.locator("#handout")).hasAttribute("lang", "ar");
		assertThat(counter.locator("#handout")).hasAttribute("dir", "rtl");
		assertThat(counter.locator("#handout-heading")).hasText("هنا تجد المساعدة");
		assertThat(counter.locator("#handout-details")).containsText("Kirchhellener Straße 28");
		assertThat(counter.locator("#handout-not-passed-on")).hasText("لم نُرسل بياناتك إلى أحد.");
		Accessibility.assertNoSeriousViolations(counter);
		counter.locator("#handout-close").click();

		// A hand-out printed before referring says nothing of what is passed on: the
		// referral that follows may carry the person's details.
		counter.locator("#services li").first().getByRole(AriaRole.BUTTON).click();
		counter.getByLabel("Sprache der Person").selectOption("ar");
		counter.locator("#refer-handout").click();
		assertThat(counter.locator("#handout-heading")).hasText("هنا تجد المساعدة");
		assertThat(counter.locator("#handout-not-passed-on")).isHidden();
		counter.locator("#handout-close").click();

		// A need left empty is said at its field by the page itself: no request the
		// server has to refuse (a refusal is an error in the browser's console).
		List<String> refused = RefusedRequests.of(counter);
		counter.locator("#services li").first().getByRole(AriaRole.BUTTON).click();
		counter.locator("#refer-submit").click();
		assertThat(counter.locator("#need")).hasAttribute("aria-invalid", "true");
		assertThat(counter.locator("#refer-errors")).containsText("Bitte füllen Sie dieses Feld aus.");
		assertThat(counter.locator("#refer-errors h2")).isFocused();

		// With consent: the contact details go to the partner.
		counter.getByLabel("Was wird gebraucht?").fill(need);
		counter.getByLabel("Sprache der Person").selectOption("ar");
		counter.locator("#consent").check();
		counter.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Name").setExact(true))
			.fill(PersonalData.NAME);
		counter.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Telefon")).fill(PersonalData.PHONE);
		counter.locator("#refer-submit").click();
		assertThat(counter.locator("#refer-section")).isHidden();
		long referral = TestDatabase.queryLong("SELECT id FROM referral WHERE need = '" + need + "'");
		assertThat(counter.locator("li[data-referral='" + referral + "']")).containsText("Wartet auf Annahme");

		Page partner = browser.newPage();
		signInWithSecondFactorIfAsked(partner, "/partner", Partners.member(Partners.CARITAS));
		partner.locator("#inbox li[data-referral='" + referral + "'] button").click();
		assertThat(partner.locator("#contact-details")).containsText(PersonalData.NAME);
		assertThat(partner.locator("#contact-details")).containsText(PersonalData.PHONE);
		// The number in an element of its own, left to right: beside a name in Arabic
		// script,
		// a line of both read "+49 2041 555" as "555 2041 49+".
		assertThat(partner.locator("#contact-details bdi[dir=ltr]").first()).hasText(PersonalData.PHONE);
		assertThat(partner.locator("#detail-facts")).containsText(need);
		// The person's language as a German caseworker reads it, and as the person would
		// point at it.
		assertThat(partner.locator("#detail-facts")).containsText("Arabisch (العربية)");
		// A decline without its reason: said at the reason's field, nothing sent.
		RefusedRequests.watch(partner, refused);
		partner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ablehnen")).click();
		assertThat(partner.locator("#decline-reason")).hasAttribute("aria-invalid", "true");
		assertThat(partner.locator("#detail-errors")).containsText("Bitte füllen Sie dieses Feld aus.");
		assertThat(partner.locator("#detail-status")).not().hasText("Abgelehnt");
		partner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Annehmen")).click();
		assertThat(partner.locator("#detail-status")).hasText("Angenommen");
		Assertions.assertThat(refused).isEmpty();
		partner.getByLabel("Ergebnis", new Page.GetByLabelOptions().setExact(true)).selectOption("APPOINTMENT");
		partner.getByLabel("Termin am").fill("2027-03-04T14:00");
		// An empty note: said at the note's field, not at the answer's.
		partner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Notiz speichern")).click();
		assertThat(partner.locator("#note-text")).hasAttribute("aria-invalid", "true");
		assertThat(partner.locator("#note-errors h2")).isFocused();
		partner.getByLabel("Neue Notiz").fill("Vater erzählt von Streit mit der Schule");
		partner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Notiz speichern")).click();
		assertThat(partner.locator("#notes")).containsText("Vater erzählt");
		Assertions.assertThat(refused).isEmpty();
		// Saved, said where the caseworker is: the keyboard stays on the button.
		assertThat(partner.locator("#detail-saved")).hasText("Gespeichert.");
		assertThat(partner.locator("#add-note")).isFocused();
		partner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ergebnis speichern")).click();
		assertThat(partner.locator("#detail-status")).containsText("Termin vereinbart");
		// The outcome may still be changed (an appointment missed): the keyboard stays.
		assertThat(partner.locator("#record-outcome")).isFocused();
		Accessibility.assertNoSeriousViolations(partner);
		// Help given closes the referral: the contact details are no longer shown, and
		// the
		// page says so, not that the person withheld them.
		partner.getByLabel("Ergebnis", new Page.GetByLabelOptions().setExact(true)).selectOption("HELPED");
		partner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ergebnis speichern")).click();
		assertThat(partner.locator("#detail-status")).containsText("Hilfe geleistet");
		assertThat(partner.locator("#detail-contact")).containsText("Kontaktdaten ausgeblendet");
		assertThat(partner.locator("#detail-contact")).not().containsText("nicht zugestimmt");
		assertThat(partner.locator("#contact-details")).hasCount(0);
		assertThat(partner.locator("#inbox li[data-referral='" + referral + "']"))
			.containsText("Kontaktdaten nach Abschluss ausgeblendet");

		// The partner's answer reaches the open page without a reload.
		counter.clock().fastForward(31_000);
		assertThat(counter.locator("li[data-referral='" + referral + "']")).containsText("Hilfe geleistet");
		assertThat(counter.locator("#referrals")).not().containsText("Vater erzählt");
	}

	@Test
	void aPartnerAccountWithoutAnOrganisationIsToldWhyItSeesNothing(BrowserSession browser) {
		Page partner = browser.newPage();
		signInWithSecondFactorIfAsked(partner, "/partner", Partners.unboundMember());
		assertThat(partner.locator("#inbox [role=alert]"))
			.hasText("Dieses Konto gehört noch zu keiner Partnerorganisation. "
					+ "Bitte wenden Sie sich an die Administration.");
		Accessibility.assertNoSeriousViolations(partner);
	}

	@Test
	void aPartnerWithoutReferralsIsToldSo(BrowserSession browser) {
		String organisation = "Stadtteilbüro Test " + UUID.randomUUID().toString().substring(0, 8);
		TestDatabase.queryLong("INSERT INTO partner_organisation (name, kind) VALUES ('" + organisation
				+ "', 'FREE_CARRIER') RETURNING id");
		Page partner = browser.newPage();
		signInWithSecondFactorIfAsked(partner, "/partner", Partners.member(organisation));
		assertThat(partner.locator("#inbox")).hasText("Keine Vermittlungen.");
	}

	private void signIn(Page page, String path, String username) {
		page.navigate("http://localhost:" + this.port + path);
		page.waitForURL("**/login?next=" + path);
		BrowserSignIn.password(page, username, Pattern.compile("^http://localhost:\\d+" + path + "$"));
	}

	private void signInWithSecondFactorIfAsked(Page page, String path, String username) {
		AuthenticatorApp app = StaffLogin.authenticator(this.client, username, CLOCK);
		page.navigate("http://localhost:" + this.port + path);
		page.waitForURL("**/login?next=" + path);
		// With PARTNER in MFA_REQUIRED_ROLES, the second factor is asked for; by default
		// not.
		BrowserSignIn.password(page, username, Pattern.compile("^http://localhost:\\d+(/mfa\\?next=)?" + path + "$"));
		if (page.url().contains("/mfa")) {
			BrowserSignIn.code(page, username, app.nextCode(CLOCK, StaffLogin.TIME_STEP_TOLERANCE),
					"http://localhost:" + this.port + path);
		}
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
