package de.quartierdispatch.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import de.quartierdispatch.support.Accessibility;
import de.quartierdispatch.support.BrowserExtension;
import de.quartierdispatch.support.BrowserExtension.BrowserSession;
import de.quartierdispatch.support.BrowserSignIn;
import de.quartierdispatch.support.Fixtures;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TellingPhotos;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The field app on a phone: an assignment's place (map, street address of a map tap,
 * navigation link) and flags; work without a network (the list from the phone, steps
 * queued and sent once the network is back, in order and once); and a queued step the
 * server refuses on replay, which the member is told about.
 */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
class FieldAppBrowserIntegrationTests {

	/** The service worker's first install fetches the whole app shell. */
	private static final LocatorAssertions.HasAttributeOptions INSTALLED = new LocatorAssertions.HasAttributeOptions()
		.setTimeout(20000);

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient client;

	@Test
	void anAssignmentShowsItsPlaceAddressNavigationLinkAndFlags(BrowserSession browser) {
		Assigned job = assignedReport(
				Map.of("flags", List.of("AGGRESSION"), "contact", Map.of("phone", "+49 2041 555123"), "consent", true));
		String address = TestDatabase.queryString(
				"SELECT nearest_address_label(location, 75) FROM report WHERE incident_id = " + job.incident());
		Page field = signIn(phone(browser), Fixtures.fieldMember(job.team()), "/field");

		Locator card = card(field, job.incident());
		assertThat(card.locator(".address")).hasText(address);
		assertThat(address).startsWith("Am Lamperfeld");
		assertThat(card.locator(".card-map.leaflet-container")).isVisible();
		assertThat(card.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Dorthin navigieren")))
			.hasAttribute("href", Pattern.compile("^geo:51\\.\\d+,6\\.\\d+\\?q=.*"));
		assertThat(card.locator(".flags")).containsText("Aggression / Bedrohung");
		assertThat(card).containsText("Gemeldet vor");

		card.getByLabel("Wozu brauchen Sie die Nummer der meldenden Person?").selectOption("CALLBACK");
		card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Nummer zeigen")).click();
		assertThat(card.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("+49 2041 555123 anrufen")))
			.hasAttribute("href", "tel:+492041555123");
		assertThat(TestDatabase.queryString("SELECT purpose FROM audit_log WHERE report_id = "
				+ "(SELECT id FROM report WHERE incident_id = " + job.incident() + ") ORDER BY id DESC LIMIT 1"))
			.isEqualTo("CALLBACK");

		// A job that arrives while the app is open is counted as new (and rings). A
		// team has one job at a time: the lead takes this one back first.
		assertThat(field.locator("#new-assignments")).isHidden();
		leadWithdraws(job);
		Assigned next = assignedReport(Map.of(), "KOD", job.team());
		assertThat(card(field, next.incident())).isVisible();
		assertThat(field.locator("#new-assignments")).hasText("1 neuer Einsatz");
	}

	@Test
	void aDoubleTapTakesAStepOnceAndWarnsOfNothing(BrowserSession browser) {
		Assigned job = assignedReport(Map.of());
		Page field = signIn(phone(browser), Fixtures.fieldMember(job.team()), "/field");
		Locator card = card(field, job.incident());
		// Each card has the same buttons: each is described by its card's heading.
		assertThat(card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Unterwegs").setExact(true)))
			.hasAccessibleDescription(Pattern.compile("^P\\d · "));
		assertThat(card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Fotos ansehen")))
			.hasAccessibleDescription(Pattern.compile("^P\\d · "));
		assertThat(card.getByLabel("Notiz")).hasAccessibleDescription(Pattern.compile("^P\\d · "));
		card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Unterwegs").setExact(true)).dblclick();

		assertThat(card.locator(".meta").first()).containsText("unterwegs");
		assertThat(card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Unterwegs").setExact(true)))
			.hasCount(0);
		assertThat(field.locator("#queue")).isEmpty(new LocatorAssertions.IsEmptyOptions().setTimeout(20000));
		assertThat(TestDatabase.queryString("SELECT count(*) || '' FROM board_event WHERE type = 'ASSIGNMENT_CHANGED' "
				+ "AND data ->> 'assignment' = '" + job.assignment() + "'"))
			.isEqualTo("1");

		// On a phone the second tap can come after the card was drawn anew, on the next
		// step's button where the first one stood: it is still the double tap's.
		// (Dispatched on the button, not at a place on the screen: live updates draw the
		// card anew at any time.)
		Locator onSite = card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Vor Ort"));
		onSite.dispatchEvent("click", Map.of("detail", 2));
		// A tap of its own is a step: had the second tap been taken, "on site" would be
		// gone, and this click would not find it.
		onSite.click();
		assertThat(card.locator(".meta").first()).containsText("vor Ort");
		assertThat(field.locator("#queue")).isEmpty(new LocatorAssertions.IsEmptyOptions().setTimeout(20000));
		assertThat(TestDatabase.queryString("SELECT string_agg(data ->> 'state', ',' ORDER BY seq) FROM board_event "
				+ "WHERE type = 'ASSIGNMENT_CHANGED' AND data ->> 'assignment' = '" + job.assignment() + "'"))
			.isEqualTo("EN_ROUTE,ON_SITE");
	}

	@Test
	void onASlowNetworkAStepShowsAtOnceAndTheNextCanFollowWhileItIsOnItsWay(BrowserSession browser) {
		Assigned job = assignedReport(Map.of());
		Page field = signIn(phone(browser), Fixtures.fieldMember(job.team()), "/field");
		Locator card = card(field, job.incident());
		assertThat(card).isVisible();
		List<Route> held = new ArrayList<>();
		String stepPath = "**/api/field/assignments/" + job.assignment();
		field.route(stepPath, held::add);

		step(card, "Unterwegs");
		assertThat(field.locator("#queue")).containsText("1 Eintrag wird gesendet");
		assertThat(card.locator(".meta").first()).containsText("unterwegs");
		assertThat(card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Vor Ort"))).isFocused();
		step(card, "Vor Ort");
		assertThat(field.locator("#queue")).containsText("2 Einträge werden gesendet");
		assertThat(held).as("the first step is still on its way").hasSize(1);

		field.unroute(stepPath);
		held.get(0).resume();
		assertThat(field.locator("#queue")).isEmpty(new LocatorAssertions.IsEmptyOptions().setTimeout(20000));
		assertThat(TestDatabase.queryString("SELECT string_agg(data ->> 'state', ',' ORDER BY seq) FROM board_event "
				+ "WHERE type = 'ASSIGNMENT_CHANGED' AND data ->> 'assignment' = '" + job.assignment() + "'"))
			.isEqualTo("EN_ROUTE,ON_SITE");
	}

	@Test
	void stepsTakenOfflineReachTheBoardInOrderAndOnceWhenTheNetworkIsBack(BrowserSession browser) {
		Assigned job = assignedReport(Map.of());
		Page field = signIn(phone(browser), Fixtures.fieldMember(job.team()), "/field");
		assertThat(card(field, job.incident())).isVisible();
		assertThat(field.locator("#offline-ready")).hasAttribute("data-ready", "yes", INSTALLED);
		assertThat(field.locator("#team-status")).hasText("zugewiesen");

		field.context().setOffline(true);
		field.reload();
		Locator card = card(field, job.incident());
		assertThat(field.locator("#offline")).containsText("Offline");
		step(card, "Unterwegs");
		assertThat(field.locator("#queue")).containsText("1 Eintrag wartet auf Netz");
		// The team's status follows the step at once, offline too.
		assertThat(field.locator("#team-status")).hasText("unterwegs");
		// The card is drawn anew: the keyboard waits on its next step, not at the page's
		// top.
		assertThat(card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Vor Ort"))).isFocused();
		// Scrolled down to the last card's buttons, the phone still says it is offline.
		field.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)");
		assertThat(field.locator("#offline")).isInViewport();
		step(card, "Vor Ort");
		assertThat(field.locator("#queue")).containsText("2 Einträge warten auf Netz");
		card.getByLabel("Kurze Notiz (freiwillig)").fill("Sperrmüll an die Seite geräumt");
		step(card, "Erledigt");
		assertThat(field.locator("#queue")).containsText("3 Einträge warten auf Netz");
		// Done, the team is free again, as the server will say: not still on its way.
		assertThat(field.locator("#team-status")).hasText("verfügbar");
		// Finished jobs move to the archive under the list.
		field.locator("#archive summary").click();
		assertThat(card).containsText("erledigt");
		assertThat(TestDatabase.queryString("SELECT state FROM assignment WHERE id = " + job.assignment()))
			.isEqualTo("ASSIGNED");

		Instant backOnline = Instant.now();
		field.context().setOffline(false);
		assertThat(field.locator("#queue")).isEmpty(new LocatorAssertions.IsEmptyOptions().setTimeout(20000));
		assertThat(TestDatabase.queryString("SELECT string_agg(data ->> 'state', ',' ORDER BY seq) FROM board_event "
				+ "WHERE type = 'ASSIGNMENT_CHANGED' AND data ->> 'assignment' = '" + job.assignment() + "'"))
			.isEqualTo("EN_ROUTE,ON_SITE,DONE");
		// The page's own notice follows a change of language, as the rest of the page.
		assertThat(field.locator("#message")).containsText("3 Einträge von unterwegs");
		field.locator("#language").selectOption("en");
		assertThat(field.locator("#message")).containsText("3 entries");
		// Each step counts from when it was taken on the phone, not from when it was
		// sent.
		assertThat(TestDatabase
			.queryString("SELECT updated_at < '" + backOnline + "' FROM assignment WHERE id = " + job.assignment()))
			.isEqualTo("t");
		assertThat(TestDatabase.queryString("SELECT note FROM assignment WHERE id = " + job.assignment()))
			.isEqualTo("Sperrmüll an die Seite geräumt");

		Page board = signIn(browser.newPage(), "dispatcher", "/board");
		board.locator("#queue li").filter(new Locator.FilterOptions().setHasText("#" + job.incident())).click();
		assertThat(board.locator("#panel .notes")).containsText("Notiz vom Einsatzort");
		assertThat(board.locator("#panel .notes")).containsText("Sperrmüll an die Seite geräumt");
		assertThat(board.locator("#panel .timeline")).containsText("Sperrmüll an die Seite geräumt");
		// The timeline names each step with its team ("Team … unterwegs"), the note with
		// its step.
		assertThat(board.locator("#panel .timeline li")
			.filter(new Locator.FilterOptions().setHasText(Pattern.compile("Team .* (unterwegs|vor Ort|fertig)"))))
			.hasText(new Pattern[] { Pattern.compile(".*Team .* unterwegs.*"), Pattern.compile(".*Team .* vor Ort.*"),
					Pattern.compile(".*Team .* fertig.*Sperrmüll an die Seite geräumt.*") });
	}

	@Test
	void aQueuedStepRefusedOnReplayIsToldToTheMember(BrowserSession browser) {
		Assigned job = assignedReport(Map.of());
		Page field = signIn(phone(browser), Fixtures.fieldMember(job.team()), "/field");
		assertThat(field.locator("#offline-ready")).hasAttribute("data-ready", "yes", INSTALLED);

		field.context().setOffline(true);
		field.reload();
		Locator card = card(field, job.incident());
		step(card, "Unterwegs");
		card.getByLabel("Kurze Notiz (freiwillig)").fill("Hund bellt im Hinterhof");
		step(card, "Vor Ort");
		assertThat(field.locator("#queue")).containsText("2 Einträge warten auf Netz");
		leadWithdraws(job);

		field.context().setOffline(false);
		Locator refusal = field.locator("#queue .refused");
		assertThat(refusal.first()).containsText("Nicht übermittelt: „Unterwegs“ für #" + job.incident(),
				new LocatorAssertions.ContainsTextOptions().setTimeout(20000));
		// What the member wrote with a refused step is shown, for them to pass on.
		assertThat(refusal.nth(1)).containsText("Nicht übermittelt: „Vor Ort“ für #" + job.incident());
		assertThat(refusal.nth(1)).containsText("Ihre Notiz dazu, nicht übermittelt: „Hund bellt im Hinterhof“");
		assertThat(TestDatabase.queryString("SELECT state FROM assignment WHERE id = " + job.assignment()))
			.isEqualTo("DECLINED");
		for (int i = 0; i < 2; i++) {
			refusal.first().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Verstanden")).click();
		}
		assertThat(refusal).hasCount(0);
		assertThat(field.locator("#message")).not().containsText("übermittelt");

		field.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Abmelden")).click();
		field.waitForURL(Pattern.compile(".*/login(\\?.*)?$"));
		assertThat(field.evaluate("indexedDB.databases().then((all) => all.map((db) => db.name).join())")).asString()
			.doesNotContain("quartier-dispatch-field");
		assertThat(field.evaluate("caches.keys().then((names) => names.join())")).asString().doesNotContain("field-");
		assertThat(field.evaluate("navigator.serviceWorker.getRegistrations().then((all) => all.length)")).isEqualTo(0);
	}

	@Test
	void needHelpOnThePhoneRaisesAnAlarmOnTheBoardThatOnlyTheLeadEnds(BrowserSession browser) {
		Assigned job = assignedReport(Map.of());
		String teamName = TestDatabase.queryString("SELECT name FROM team WHERE id = " + job.team());
		Page board = signIn(browser.newPage(), "dispatcher", "/board");
		Page field = signIn(phone(browser), Fixtures.fieldMember(job.team()), "/field");
		assertThat(board.locator("#connection")).hasClass(Pattern.compile(".*connection--live.*"),
				new LocatorAssertions.HasClassOptions().setTimeout(15000));

		step(card(field, job.incident()), "Vor Ort");
		Locator checkIn = field.locator("#check-in");
		// After the step's round trip and the check-in's own (slow on a busy machine).
		assertThat(checkIn).containsText("Nächste Meldung fällig in 30 Min.",
				new LocatorAssertions.ContainsTextOptions().setTimeout(15000));
		checkIn.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Hilfe rufen")).click();
		assertThat(checkIn).containsText("Alarm ausgelöst");

		Locator alarm = board.locator("#alarms");
		assertThat(alarm).containsText("ALARM " + teamName + " braucht Hilfe (Vorgang #" + job.incident() + ")");
		// A lead for other quarters sees that the team needs help, not where; the leads
		// of its quarter handle it.
		String otherQuarter = TestDatabase.queryString("SELECT name FROM quarter WHERE id <> "
				+ "(SELECT quarter_id FROM incident WHERE id = " + job.incident() + ") ORDER BY id LIMIT 1");
		Locator elsewhere = signIn(browser.newPage(), Fixtures.leadFor(otherQuarter), "/board").locator("#alarms li",
				new Page.LocatorOptions().setHasText(teamName));
		assertThat(elsewhere).containsText("ALARM " + teamName + " braucht Hilfe, außerhalb Ihrer Quartiere");
		assertThat(elsewhere.getByRole(AriaRole.BUTTON)).hasCount(0);
		// What the phone shows after "still fine" it showed before too: the server's
		// answer is what says the check-in arrived before the lead ends the alarm.
		Response stillFine = checkInSent(field,
				() -> checkIn
					.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Alles gut – verlängern"))
					.click());
		assertThat(stillFine.status()).isEqualTo(200);
		assertThat(checkIn).containsText("Sie beendet den Alarm, sobald sie Sie erreicht hat");
		assertThat(checkIn).not().containsText("Danke, Meldung angekommen");
		assertThat(alarm).containsText(teamName + " braucht Hilfe");

		alarm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Team erreicht – Alarm beenden"))
			.press("Enter");
		assertThat(alarm).isHidden();
		// The button went with its alarm: the keyboard is in the queue, and the lead
		// hears why.
		assertThat(board.locator("#queue")).isFocused();
		assertThat(board.locator("#announcer")).hasText("Alarm von " + teamName + " beendet.");
		board.locator("#queue li").filter(new Locator.FilterOptions().setHasText("#" + job.incident())).click();
		assertThat(board.locator("#panel .timeline")).containsText("Alarm beendet: Team " + teamName + " erreicht");

		// "Still fine" by keyboard: confirmed, and the keyboard stays on the button, also
		// when a live notice (here: the lead raises the priority) draws the phone anew.
		Locator fine = checkIn.getByRole(AriaRole.BUTTON,
				new Locator.GetByRoleOptions().setName("Alles gut – verlängern"));
		assertThat(checkInSent(field, () -> fine.press("Enter")).status()).isEqualTo(200);
		assertThat(field.locator("#check-in-message"))
			.hasText("Danke, Meldung angekommen. Die Zeit bis zur nächsten läuft neu.");
		assertThat(field.locator("#check-in-fine")).isFocused();
		StaffLogin.as(this.client, "dispatcher")
			.post()
			.uri("/api/incidents/{id}/priority", job.incident())
			.bodyValue(
					Map.of("priority", 1, "reason", "Lage unklar", "version", Fixtures.incidentVersion(job.incident())))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(card(field, job.incident()).locator("h3")).containsText("P1");
		assertThat(field.locator("#check-in-fine")).isFocused();
		assertThat(field.locator("#check-in-message"))
			.hasText("Danke, Meldung angekommen. Die Zeit bis zur nächsten läuft neu.");

		// Without network, "need help" says to call 110; back online, that no longer
		// holds.
		field.context().setOffline(true);
		field.locator("#check-in-help").press("Enter");
		assertThat(field.locator("#check-in-message")).containsText("Notruf 110");
		field.context().setOffline(false);
		assertThat(field.locator("#check-in-message")).hasText("");
	}

	@Test
	void aStreetWorkPairDeclinesAnOfferWithoutGivingAReason(BrowserSession browser) {
		Assigned job = assignedReport(Map.of("category", "YOUTH_GROUPS"), "STREETWORK");
		Page field = signIn(phone(browser), Fixtures.fieldMember(job.team()), "/field");
		Locator card = card(field, job.incident());
		assertThat(card.locator("h3")).containsText("Angebot");
		assertThat(card).not().containsText("Frist");

		card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Angebot ablehnen")).click();
		field.locator("#archive summary").click();
		assertThat(card).containsText("abgelehnt");
		assertThat(field.locator("#queue")).isEmpty();
		assertThat(TestDatabase.queryString("SELECT state FROM assignment WHERE id = " + job.assignment()))
			.isEqualTo("DECLINED");
	}

	/**
	 * A team that must say why it declines is asked in the page, not in the browser's
	 * prompt, and an empty reason is said at its field instead of being sent.
	 */
	@Test
	void aTeamDeclinesWithAReasonAskedForInThePage(BrowserSession browser) {
		Assigned job = assignedReport(Map.of());
		Page field = signIn(phone(browser), Fixtures.fieldMember(job.team()), "/field");
		Locator card = card(field, job.incident());
		card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ablehnen").setExact(true)).click();
		Locator dialog = field.locator("dialog.reason-dialog");
		Locator reason = dialog.getByLabel("Warum lehnt das Team ab?");
		assertThat(reason).isFocused();
		Locator decline = dialog.getByRole(AriaRole.BUTTON,
				new Locator.GetByRoleOptions().setName("Ablehnen").setExact(true));
		decline.click();
		assertThat(dialog.locator("[role=alert]")).hasText("Bitte geben Sie einen Grund an.");
		assertThat(reason).hasAttribute("aria-invalid", "true");
		Accessibility.assertNoSeriousViolations(field);

		reason.fill("Fahrzeug defekt");
		// The card is drawn as declined once the step is queued; the server has it when
		// the step's answer is in.
		Response sent = field
			.waitForResponse((response) -> response.url().endsWith("/api/field/assignments/" + job.assignment())
					&& !"GET".equals(response.request().method()), decline::click);
		assertThat(dialog).hasCount(0);
		assertThat(sent.status()).isEqualTo(200);
		assertThat(field.locator("#queue")).isEmpty(new LocatorAssertions.IsEmptyOptions().setTimeout(20000));
		assertThat(TestDatabase
			.queryString("SELECT state || ': ' || decline_reason FROM assignment WHERE id = " + job.assignment()))
			.isEqualTo("DECLINED: Fahrzeug defekt");
	}

	@Test
	void photosTakenOfflineArriveOnceTheFinishedJobGoesToTheArchiveAndTheDistanceIsShown(BrowserSession browser,
			@TempDir Path files) throws IOException {
		Assigned job = assignedReport(Map.of());
		Path photo = files.resolve("gehweg.jpg");
		Files.write(photo, TellingPhotos.jpegWithMetadata());
		double lat = Double.parseDouble(
				TestDatabase.queryString("SELECT ST_Y(location) FROM incident WHERE id = " + job.incident())) + 0.003;
		double lon = Double
			.parseDouble(TestDatabase.queryString("SELECT ST_X(location) FROM incident WHERE id = " + job.incident()));
		Page field = signIn(browser.newPage(new Browser.NewContextOptions().setViewportSize(390, 844)
			.setLocale("de-DE")
			.setIsMobile(true)
			.setHasTouch(true)
			.setGeolocation(lat, lon)
			.setPermissions(List.of("geolocation"))), Fixtures.fieldMember(job.team()), "/field");
		Locator card = card(field, job.incident());
		assertThat(card.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Im Browser öffnen")))
			.hasAttribute("href",
					Pattern.compile("^https://www\\.openstreetmap\\.org/\\?mlat=51\\.\\d+&mlon=6\\.\\d+.*"));
		field.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Entfernung von meinem Standort zeigen"))
			.click();
		assertThat(card.locator(".distance")).hasText(Pattern.compile("3\\d\\d[ \\u00A0]m entfernt \\(Luftlinie\\)"));
		assertThat(field.locator("#offline-ready")).hasAttribute("data-ready", "yes", INSTALLED);

		field.context().setOffline(true);
		// The header no longer says "live" once the phone says it is offline.
		assertThat(field.locator("#connection")).not().hasClass(Pattern.compile(".*connection--live.*"));
		card.locator("input[type=file]").setInputFiles(photo);
		assertThat(field.locator("#queue")).containsText("Foto zu Vorgang #" + job.incident());
		field.context().setOffline(false);
		assertThat(field.locator("#connection")).hasClass(Pattern.compile(".*connection--live.*"),
				new LocatorAssertions.HasClassOptions().setTimeout(20000));
		assertThat(field.locator("#queue")).isEmpty(new LocatorAssertions.IsEmptyOptions().setTimeout(20000));
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM photo WHERE assignment_id = " + job.assignment()))
			.isEqualTo(1);
		card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Fotos ansehen")).click();
		assertThat(card.locator(".photo-thumbs img")).hasAttribute("alt", Pattern.compile("Foto 1 des Teams, .*"));

		step(card, "Vor Ort");
		step(card, "Erledigt");
		assertThat(field.locator("#archive summary")).hasText("1 abgeschlossener Einsatz (letzte 12 Stunden)");
		assertThat(field.locator("#assignments")).hasText("Keine Einsätze für Ihr Team.");
		field.locator("#archive summary").click();
		assertThat(card).containsText("erledigt");
		assertThat(card.locator(".photo-thumbs img")).hasCount(1);
		Accessibility.assertNoSeriousViolations(field);
	}

	private static Response checkInSent(Page field, Runnable action) {
		return field.waitForResponse((response) -> response.url().endsWith("/api/field/check-in")
				&& "POST".equals(response.request().method()), action);
	}

	private static void step(Locator card, String name) {
		card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true)).click();
	}

	/** The job's card, in the list or (finished) in the archive. */
	private static Locator card(Page field, long incident) {
		return field.locator("#assignments > li, #archive-list > li")
			.filter(new Locator.FilterOptions().setHasText("#" + incident + " "));
	}

	private static Page phone(BrowserSession browser) {
		return browser.newPage(new Browser.NewContextOptions().setViewportSize(390, 844)
			.setLocale("de-DE")
			.setIsMobile(true)
			.setHasTouch(true));
	}

	/**
	 * A resident's map tap (no address given) a few metres from Am Lamperfeld 10 in
	 * Fuhlenbrock-Heide, where no other test reports (recurring reports make a quarter a
	 * hotspot), assigned to a team of the test's own.
	 */
	private Assigned assignedReport(Map<String, Object> extra) {
		return assignedReport(extra, "KOD");
	}

	private Assigned assignedReport(Map<String, Object> extra, String teamType) {
		return assignedReport(extra, teamType, null);
	}

	/**
	 * A new report near Am Lamperfeld 10, assigned to the given team (or to a new one).
	 */
	private Assigned assignedReport(Map<String, Object> extra, String teamType, Long existingTeam) {
		String[] place = TestDatabase
			.queryString("SELECT ST_Y(location) || ',' || ST_X(location) FROM address "
					+ "WHERE street = 'Am Lamperfeld' AND house_number = '10'")
			.split(",");
		double lat = Double.parseDouble(place[0]) + 0.00004;
		double lon = Double.parseDouble(place[1]);
		Map<String, Object> report = new HashMap<>(
				Map.of("category", "LITTER", "description", "Sperrmüll blockiert den Gehweg " + UUID.randomUUID(),
						"location", Map.of("lat", lat, "lon", lon), "language", "de"));
		report.putAll(extra);
		String code = Fixtures.submitReport(this.client, report);
		long incident = TestDatabase.queryLong("SELECT incident_id FROM report WHERE tracking_code = '" + code + "'");
		long team = (existingTeam != null) ? existingTeam : Fixtures.team(teamType, lat, lon);
		StaffLogin.as(this.client, "dispatcher")
			.post()
			.uri("/api/incidents/{id}/assignments", incident)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("teamId", team, "version", Fixtures.incidentVersion(incident)))
			.exchange()
			.expectStatus()
			.isOk();
		long assignment = TestDatabase
			.queryLong("SELECT id FROM assignment WHERE incident_id = " + incident + " AND team_id = " + team);
		return new Assigned(incident, team, assignment);
	}

	/** The lead takes the job back from the team (declines it for them). */
	private void leadWithdraws(Assigned job) {
		StaffLogin.as(this.client, "dispatcher")
			.post()
			.uri("/api/incidents/{id}/assignments/{a}", job.incident(), job.assignment())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("state", "DECLINED", "version", 0, "reason", "Ein anderes Team übernimmt"))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private Page signIn(Page page, String username, String path) {
		return BrowserSignIn.to(page, this.client, this.port, username, path);
	}

	private record Assigned(long incident, long team, long assignment) {
	}

}
