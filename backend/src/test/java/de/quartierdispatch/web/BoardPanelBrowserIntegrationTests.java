package de.quartierdispatch.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import de.quartierdispatch.support.Accessibility;
import de.quartierdispatch.support.BrowserExtension;
import de.quartierdispatch.support.BrowserExtension.BrowserSession;
import de.quartierdispatch.support.BrowserSignIn;
import de.quartierdispatch.support.Fixtures;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.RefusedRequests;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TellingPhotos;
import de.quartierdispatch.support.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board's incident panel in the races of a real shift: a live event for another
 * incident while the lead acts, a quick re-selection while the previous incident still
 * loads, a merge (the lead's own and another lead's) — the panel always shows, and acts
 * on, the one selected incident. Closing without action asks for a reason and can be
 * undone; the selected incident is highlighted and visible on the map at 1024×768. The
 * keyboard stays in the panel after an action, and a lead's public message reaches the
 * status page.
 */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
class BoardPanelBrowserIntegrationTests {

	private static final double BOY_LAT = 51.5423;

	private static final double BOY_LON = 6.9681;

	private static final LocatorAssertions.HasClassOptions STARTED = new LocatorAssertions.HasClassOptions()
		.setTimeout(15000);

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient client;

	@Test
	void thePanelActsOnlyOnTheSelectedIncidentThroughLiveEventsQuickReselectionAndMerges(BrowserSession browser) {
		long first = Fixtures.reportIncident(this.client, "DRUGS_ALCOHOL", BOY_LAT, BOY_LON);
		long duplicate = Fixtures.reportIncident(this.client, "DRUGS_ALCOHOL", BOY_LAT + 0.0005, BOY_LON);
		long other = Fixtures.reportIncident(this.client, "PROBLEM_PROPERTY", BOY_LAT - 0.002, BOY_LON + 0.002);
		WebTestClient otherLead = StaffLogin.as(this.client, "dispatcher");
		Page board = board(browser.newPage());
		Locator panel = board.locator("#panel");

		queueEntry(board, first).click();
		assertThat(heading(board)).containsText("#" + first + " ");

		// A live event for another incident arrives while the lead's action is on its
		// way.
		List<Route> held = new ArrayList<>();
		board.route("**/api/incidents/" + first + "/notes", held::add);
		board.locator("#note-text").fill("Anwohner rufen später noch einmal an");
		panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Speichern")).click();
		board.waitForCondition(() -> !held.isEmpty());
		// A second press while the first is on its way is said, and not sent.
		panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Speichern")).click();
		assertThat(panel.locator("#panel-busy")).hasText("Einen Moment – die vorige Aktion wird noch gesendet.");
		otherLead.post()
			.uri("/api/incidents/{id}/priority", other)
			.bodyValue(Map.of("priority", 1, "reason", "Kinder in Gefahr", "version", Fixtures.incidentVersion(other)))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(queueEntry(board, other)).containsText("P1");
		assertThat(heading(board)).containsText("#" + first + " ");
		held.get(0).resume();
		assertThat(panel.locator(".notes")).containsText("Anwohner rufen später noch einmal an");
		assertThat(heading(board)).containsText("#" + first + " ");
		assertThat(notes(first)).isEqualTo(1);
		assertThat(notes(other)).isZero();

		// Quick re-selection: the first incident's answer arrives after another was
		// selected.
		board.unrouteAll();
		queueEntry(board, other).click();
		assertThat(heading(board)).containsText("#" + other + " ");
		held.clear();
		board.route("**/api/incidents/" + first, held::add);
		queueEntry(board, first).click();
		board.waitForCondition(() -> !held.isEmpty());
		queueEntry(board, duplicate).click();
		assertThat(heading(board)).containsText("#" + duplicate + " ");
		board.waitForResponse("**/api/incidents/" + first, () -> held.get(0).resume());
		board.unrouteAll();
		board.locator("#note-text").fill("Gilt für die Doppelmeldung");
		panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Speichern")).click();
		assertThat(panel.locator(".notes")).containsText("Gilt für die Doppelmeldung");
		assertThat(heading(board)).containsText("#" + duplicate + " ");
		assertThat(notes(duplicate)).isEqualTo(1);
		assertThat(notes(first)).isEqualTo(1);

		// The lead's own merge: the panel follows the surviving incident.
		board.locator("#merge-into").selectOption(String.valueOf(first));
		panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Zusammenführen")).click();
		assertThat(heading(board)).containsText("#" + first + " ");
		// Said as the lead's own doing, also when the live event came before the answer.
		assertThat(panel.locator(".notice").first())
			.hasText("#" + duplicate + " wurde mit #" + first + " zusammengeführt; Sie sehen jetzt #" + first + ".");
		assertThat(panel.locator(".notice").first()).hasClass(Pattern.compile(".*notice--success.*"));
		assertThat(Fixtures.incidentState(duplicate)).isEqualTo("CLOSED");

		// The merged-away incident, found again: its case goes on in the other one, so it
		// offers nothing to add (the database would refuse it) and leads there.
		board.locator("#history-box summary").click();
		board.getByLabel("Vorgangscode, Nummer, Adresse oder Text").fill(String.valueOf(duplicate));
		board.locator("#search-closed").selectOption("true");
		board.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Suchen").setExact(true)).click();
		board.locator(".search-list li")
			.filter(new Locator.FilterOptions().setHasText(Pattern.compile("#" + duplicate + "(?!\\d)")))
			.getByRole(AriaRole.BUTTON)
			.click();
		assertThat(heading(board)).containsText("#" + duplicate + " ");
		assertThat(panel.locator(".ending")).containsText("Mit #" + first + " zusammengeführt");
		assertThat(panel.locator("#note-text")).hasCount(0);
		assertThat(panel.locator(".incident-public-messages form")).hasCount(0);
		assertThat(panel.locator(".referral-form")).hasCount(0);
		assertThat(panel.locator(".notes")).containsText("Gilt für die Doppelmeldung");
		panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("#" + first + " öffnen")).click();
		assertThat(heading(board)).containsText("#" + first + " ");
		assertThat(panel.locator("#note-text")).hasCount(1);

		// Another lead merges the incident shown: the panel follows it too.
		long second = Fixtures.reportIncident(this.client, "PROBLEM_PROPERTY", BOY_LAT - 0.0021, BOY_LON + 0.002);
		queueEntry(board, second).click();
		assertThat(heading(board)).containsText("#" + second + " ");
		otherLead.post()
			.uri("/api/incidents/{id}/merge", second)
			.bodyValue(Map.of("into", other, "version", Fixtures.incidentVersion(second)))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(heading(board)).containsText("#" + other + " ");
		assertThat(panel.locator(".notice").first()).containsText("#" + second);
		assertThat(board.locator("#panel").getAttribute("data-incident-id")).isEqualTo(String.valueOf(other));
	}

	@Test
	void closingWithoutActionAsksForAReasonCanBeUndoneAndTheSelectedIncidentIsVisibleAt1024(BrowserSession browser) {
		long incident = Fixtures.reportIncident(this.client, "OTHER", BOY_LAT + 0.001, BOY_LON - 0.001);
		for (int neighbour = 0; neighbour < 2; neighbour++) {
			Fixtures.reportIncident(this.client, "OTHER", BOY_LAT + 0.001, BOY_LON - 0.001);
		}
		Page board = board(
				browser.newPage(new Browser.NewContextOptions().setViewportSize(1024, 768).setLocale("de-DE")));
		Locator panel = board.locator("#panel");

		queueEntry(board, incident).click();
		assertThat(heading(board)).containsText("#" + incident + " ");
		Locator marker = board.locator("#map .leaflet-marker-pane .incident-marker.selected");
		assertThat(marker).hasCount(1);
		assertThat(marker).isVisible();
		// Pointed at, it names its incident (a tooltip made on the spot).
		marker.hover();
		assertThat(board.locator("#map .leaflet-tooltip")).containsText("#" + incident + " ");
		// Its neighbours on the same spot stay in their cluster.
		assertThat(board.locator("#map .leaflet-marker-pane .marker-cluster").first()).isVisible();
		assertThat(board.locator(".map-legend")).containsText("ausgewählt");
		BoundingBox map = board.locator("#map").boundingBox();
		BoundingBox shown = marker.boundingBox();
		BoundingBox side = panel.boundingBox();
		assertThat(map.width).as("map width beside queue and panel").isGreaterThan(350);
		assertThat(shown.x).isBetween(map.x, map.x + map.width - shown.width);
		assertThat(shown.y).isBetween(map.y, map.y + map.height - shown.height);
		assertThat(shown.x + shown.width).as("marker left of the panel").isLessThanOrEqualTo(side.x);
		Accessibility.assertNoSeriousViolations(board);

		panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ohne Maßnahme abschließen …")).click();
		Locator dialog = board.locator("dialog.close-dialog");
		assertThat(dialog).isVisible();
		assertThat(dialog).containsText("#" + incident);
		Locator confirm = dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Abschließen"));
		confirm.click();
		assertThat(dialog.locator("[role=alert]")).containsText("Bitte wählen Sie einen Grund");
		dialog.getByLabel("Keine Maßnahme möglich").check();
		confirm.click();
		assertThat(dialog.locator("[role=alert]")).containsText("begründen");
		assertThat(Fixtures.incidentState(incident)).isEqualTo("OPEN");
		dialog.getByLabel("Begründung").fill("Ruhestörung beendet, niemand mehr vor Ort");
		confirm.click();
		assertThat(dialog).isHidden();
		assertThat(panel.locator(".ending")).containsText("keine Maßnahme möglich");
		assertThat(queueEntry(board, incident)).hasCount(0);
		assertThat(Fixtures.incidentState(incident)).isEqualTo("CLOSED");

		panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rückgängig machen")).click();
		assertThat(
				panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ohne Maßnahme abschließen …")))
			.isVisible();
		assertThat(Fixtures.incidentState(incident)).isEqualTo("OPEN");
		assertThat(panel.locator(".timeline")).containsText("Entscheidung zurückgenommen");

		panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ansicht schließen")).click();
		assertThat(panel).isHidden();
		assertThat(board.locator("#map .leaflet-marker-pane .incident-marker.selected")).hasCount(0);
		assertThat(Fixtures.incidentState(incident)).isEqualTo("OPEN");
	}

	@Test
	void theKeyboardStaysInThePanelSentTextIsNotOfferedTwiceAndTheReportersReadTheLeadsMessage(BrowserSession browser) {
		// About 400 m from the other tests' incidents, and closed at the end: their
		// clusters
		// stay as they are.
		long incident = Fixtures.reportIncident(this.client, "NOISE", BOY_LAT + 0.003, BOY_LON - 0.003);
		String code = TestDatabase
			.queryString("SELECT tracking_code FROM report WHERE incident_id = " + incident + " LIMIT 1");
		Page board = board(browser.newPage());
		Locator panel = board.locator("#panel");
		queueEntry(board, incident).click();
		assertThat(heading(board)).containsText("#" + incident + " ");

		// A note saved from the keyboard: the field is empty again, the keyboard on the
		// button.
		board.locator("#note-text").fill("Nachbarn im 2. OG bestätigen den Lärm");
		board.locator("#save-note").press("Enter");
		assertThat(panel.locator(".notes")).containsText("Nachbarn im 2. OG bestätigen den Lärm");
		assertThat(board.locator("#note-text")).hasValue("");
		assertThat(board.locator("#save-note")).isFocused();
		assertThat(notes(incident)).isEqualTo(1);

		// A team assigned from the keyboard: its button goes, the keyboard moves to what
		// happened.
		// Once the note's answer is drawn (the panel takes one action at a time).
		assertThat(panel).not().hasAttribute("aria-busy", "true");
		panel.locator("[id^=assign-team-]").first().press("Enter");
		assertThat(panel.locator(".assignments")).isVisible();
		assertThat(board.locator("#panel-message")).isFocused();
		// The team's list says it is sent out, not "available" (its status until it is on
		// its way).
		String team = TestDatabase.queryString("SELECT t.name FROM assignment a JOIN team t ON t.id = a.team_id "
				+ "WHERE a.incident_id = " + incident + " AND a.state = 'ASSIGNED'");
		assertThat(board.locator("#teams li").filter(new Locator.FilterOptions().setHasText(team)))
			.containsText("zugewiesen");

		// A public message: on the status page of the report, in Arabic too, kept in its
		// own direction.
		String message = "Wir haben mit der Hausverwaltung gesprochen; die Feiern sind ab sofort untersagt.";
		// Nothing written: said in red under the field the keyboard goes to, in view.
		panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Veröffentlichen")).click();
		Locator missing = board.locator("#public-message-" + incident + "-error");
		assertThat(missing).hasText("Bitte schreiben Sie zuerst die Nachricht.");
		assertThat(missing).isInViewport();
		assertThat(board.locator("#public-message-" + incident)).isFocused();
		assertThat(board.locator("#public-message-" + incident)).hasAttribute("aria-invalid", "true");
		board.locator("#public-message-" + incident).fill(message);
		assertThat(missing).isHidden();
		assertThat(board.getByLabel("Geschrieben auf")).hasValue("de");
		// The reporter wrote in the lead's language: nothing more to say about languages.
		assertThat(board.locator("#public-message-" + incident + "-readers")).hasCount(0);
		panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Veröffentlichen")).click();
		assertThat(panel.locator(".public-messages")).containsText(message);
		assertThat(board.locator("#public-message-" + incident)).hasValue("");
		assertThat(board.locator("#public-message-" + incident + "-send")).isFocused();
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM reporter_message WHERE incident_id = " + incident))
			.isEqualTo(1);
		Accessibility.assertNoSeriousViolations(board);

		// Reporters who wrote in another language: named beside the message's language.
		long arabic = Fixtures.incidentOf(Fixtures.submitReport(this.client, "LITTER",
				"نفايات كثيرة أمام المنزل منذ أيام", BOY_LAT - 0.003, BOY_LON + 0.003, "ar"));
		queueEntry(board, arabic).click();
		assertThat(board.locator("#public-message-" + arabic + "-readers"))
			.hasText("Die meldenden Personen schrieben auf: Arabisch (العربية).");
		queueEntry(board, incident).click();
		assertThat(heading(board)).containsText("#" + incident + " ");

		// A priority without its reason: the reason field says so, named, and has the
		// keyboard; the panel says it without a request the server has to refuse.
		List<String> refused = RefusedRequests.of(board);
		board.locator("#priority").selectOption("1");
		board.locator("#change-priority").press("Enter");
		assertThat(board.locator("#priority-reason")).isFocused();
		assertThat(board.locator("#priority-reason")).hasAttribute("aria-invalid", "true");
		assertThat(board.locator("#panel-field-error")).containsText("Grund: ");
		assertThat(board.locator("#panel-message")).hasCount(0);
		assertThat(refused).isEmpty();
		Accessibility.assertNoSeriousViolations(board);

		// A referral without its need: said under that field, which has the keyboard; an
		// empty public message: the field itself says so.
		panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("An Partner vermitteln")).click();
		Locator need = board.locator("#referral-" + incident + "-need");
		assertThat(need).isFocused();
		assertThat(need).hasAttribute("aria-invalid", "true");
		assertThat(board.locator("#referral-" + incident + "-need-error")).hasText("Bitte füllen Sie dieses Feld aus.");
		need.fill("Vermittlung im Nachbarschaftsstreit");
		assertThat(need).not().hasAttribute("aria-invalid", "true");
		assertThat(board.locator("#referral-" + incident + "-need-error")).hasCount(0);
		panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Veröffentlichen")).click();
		assertThat(board.locator("#public-message-" + incident)).isFocused();
		assertThat(board.locator("#public-message-" + incident)).hasAttribute("aria-invalid", "true");
		assertThat(board.locator("#public-message-" + incident)).hasAttribute("aria-describedby",
				Pattern.compile(".*public-message-" + incident + "-error.*"));

		// Escape closes the panel; the keyboard goes back to the incident in the queue.
		board.locator("#priority-reason").press("Escape");
		assertThat(panel).isHidden();
		assertThat(board.locator("#queue [data-incident=\"" + incident + "\"]")).isFocused();

		Page status = browser
			.newPage(new Browser.NewContextOptions().setViewportSize(390, 844).setLocale("ar").setHasTouch(true));
		status.navigate("http://localhost:" + this.port + "/status/" + code);
		status.locator("#language").selectOption("ar");
		assertThat(status.locator("#result-message-list li p[dir=auto]")).hasText(message);
		// Said to be German on the Arabic page, so that a screen reader reads it in
		// German.
		assertThat(status.locator("#result-message-list li p[dir=auto]")).hasAttribute("lang", "de");
		Accessibility.assertNoSeriousViolations(status);

		Fixtures.decide(this.client, incident, "RESOLVED");
	}

	@Test
	void onADeskScreenTheBoardIsTheWindowAndOnlyItsListsScroll(BrowserSession browser) {
		for (int queued = 0; queued < 12; queued++) {
			Fixtures.reportIncident(this.client, "OTHER", BOY_LAT + 0.002, BOY_LON + 0.002);
		}
		Page board = board(
				browser.newPage(new Browser.NewContextOptions().setViewportSize(1366, 768).setLocale("de-DE")));
		assertThat(board.locator("#queue li").first()).isVisible();
		assertThat(((Number) board.evaluate("() => document.scrollingElement.scrollHeight")).intValue())
			.as("page height at a window 768 px tall")
			.isLessThanOrEqualTo(768);
		BoundingBox map = board.locator("#map").boundingBox();
		assertThat(map.y + map.height).as("map reaches the window's bottom edge").isBetween(700.0, 768.0);
		assertThat(
				((Number) board.locator(".board-queue").evaluate("(queue) => queue.scrollHeight - queue.clientHeight"))
					.intValue())
			.as("the queue scrolls within itself")
			.isPositive();
	}

	@Test
	void aMarkerSelectsItsIncidentAndAClusterSelectsNothing(BrowserSession browser) {
		// About 500 m from the other tests' incidents: a marker of its own close up.
		long alone = Fixtures.reportIncident(this.client, "LITTER", BOY_LAT - 0.004, BOY_LON - 0.004);
		// Two on one spot, 280 m east of it: a cluster.
		for (int together = 0; together < 2; together++) {
			Fixtures.reportIncident(this.client, "LITTER", BOY_LAT - 0.004, BOY_LON);
		}
		Page board = board(
				browser.newPage(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("de-DE")));
		Locator panel = board.locator("#panel");
		Locator close = panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ansicht schließen"));
		queueEntry(board, alone).click();
		assertThat(heading(board)).containsText("#" + alone + " ");
		close.click();
		assertThat(panel).isHidden();

		board.locator("#map .incident-marker[title^='#" + alone + " ']").click();
		assertThat(heading(board)).containsText("#" + alone + " ");
		close.click();
		assertThat(panel).isHidden();
		// A cluster's click belongs to the cluster (it zooms in), not to an incident.
		board.locator("#map .leaflet-marker-pane .marker-cluster").first().dispatchEvent("click");
		assertThat(panel).isHidden();
	}

	@Test
	void incidentsOnOneSpotAreOfferedAsAListWhereNoZoomSplitsThem(BrowserSession browser) {
		// Three on one spot, 280 m east of the next test's pair.
		List<Long> together = new ArrayList<>();
		for (int incident = 0; incident < 3; incident++) {
			together.add(Fixtures.reportIncident(this.client, "NOISE", BOY_LAT - 0.004, BOY_LON + 0.004));
		}
		Page board = board(
				browser.newPage(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("de-DE")));
		Locator panel = board.locator("#panel");
		// Chosen in the queue: ringed on its own, and the map looks at the spot.
		queueEntry(board, together.get(2)).click();
		assertThat(board.locator("#map .leaflet-marker-pane .incident-marker.selected")).hasCount(1);
		panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ansicht schließen")).click();
		assertThat(panel).isHidden();

		Locator cluster = clusterAtTheMapsCentre(board);
		assertThat(cluster).hasAttribute("title", Pattern.compile("^3 Vorgänge, höchste Priorität P\\d"));
		cluster.dispatchEvent("click");
		Locator choices = board.locator("#map .cluster-choice button");
		assertThat(choices).hasCount(3);
		assertThat(choices.first()).isFocused();
		assertThat(choices.first()).containsText("#" + together.get(0) + " ");
		assertThat(board.locator("#map .leaflet-popup-close-button")).hasAttribute("aria-label", "Liste schließen");
		Accessibility.assertNoSeriousViolations(board);
		// Escape closes the list and gives the focus back to its cluster.
		choices.first().press("Escape");
		assertThat(board.locator("#map .cluster-choice")).hasCount(0);
		assertThat(cluster).isFocused();
		cluster.dispatchEvent("click");
		choices.first().press("Enter");
		assertThat(heading(board)).containsText("#" + together.get(0) + " ");
		assertThat(board.locator("#map .cluster-choice")).hasCount(0);
	}

	/**
	 * The cluster drawn where the map looks (where it was last centred on an incident).
	 */
	private static Locator clusterAtTheMapsCentre(Page board) {
		Locator clusters = board.locator("#map .leaflet-marker-pane .marker-cluster");
		assertThat(clusters.first()).isVisible();
		// The map may still be moving (its flight to the incident, its new size once the
		// panel closed): the cluster is looked for until it is there.
		Locator[] found = new Locator[1];
		board.waitForCondition(() -> {
			found[0] = clusterAt(board, clusters);
			return found[0] != null;
		}, new Page.WaitForConditionOptions().setTimeout(10000));
		return found[0];
	}

	private static @Nullable Locator clusterAt(Page board, Locator clusters) {
		BoundingBox map = board.locator("#map").boundingBox();
		double x = map.x + map.width / 2;
		double y = map.y + map.height / 2;
		for (int index = 0; index < clusters.count(); index++) {
			BoundingBox box = clusters.nth(index).boundingBox();
			if (box != null && box.x <= x && x <= box.x + box.width && box.y <= y && y <= box.y + box.height) {
				return clusters.nth(index);
			}
		}
		return null;
	}

	@Test
	void searchByTrackingCodeFindsAClosedIncidentWhoseTimelineNamesEveryStepAndItsActor(BrowserSession browser) {
		long incident = Fixtures.reportIncident(this.client, "PROBLEM_PROPERTY", BOY_LAT - 0.001, BOY_LON - 0.001);
		String code = TestDatabase.queryString("SELECT tracking_code FROM report WHERE incident_id = " + incident);
		String lead = TestDatabase.queryString("SELECT display_name FROM staff_user WHERE username = 'dispatcher'");
		Fixtures.decide(this.client, incident, "NOTHING_FOUND");
		Page board = board(browser.newPage());

		board.locator("#history-box summary").click();
		board.getByLabel("Vorgangscode, Nummer, Adresse oder Text").fill(code.toLowerCase());
		board.locator("#search-closed").selectOption("true");
		board.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Suchen")).click();
		assertThat(board.locator("#search-count")).hasText("1 Treffer");
		Locator found = board.locator(".search-list li");
		assertThat(found).containsText("#" + incident);
		assertThat(found).containsText("nichts vorgefunden");
		found.getByRole(AriaRole.BUTTON).click();

		assertThat(heading(board)).containsText("#" + incident + " ");
		assertThat(board.locator("#panel .explanation")).containsText("Regel „");
		assertThat(board.locator("#panel .explanation")).containsText("Kategorie Problemimmobilie");
		assertThat(board.locator("#panel .explanation")).containsText("Quartiersmanagement");
		assertThat(board.locator("#panel .explanation")).not().containsText("rule");
		Locator timeline = board.locator("#panel .timeline");
		assertThat(timeline.locator("li").first()).containsText("Eröffnet durch Meldung (Online-Formular)");
		assertThat(timeline.locator("li").first()).containsText("meldende Person");
		assertThat(timeline.locator("li").last()).containsText("Abgeschlossen: nichts vorgefunden");
		assertThat(timeline.locator("li").last()).containsText(lead);
		assertThat(timeline).not().containsText("public");
		assertThat(timeline).not().containsText("aktualisiert");
		Accessibility.assertNoSeriousViolations(board);

		board.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Schichtübergabe")).click();
		Locator handover = board.locator("dialog#handover");
		assertThat(handover.locator("h2")).containsText("Schichtübergabe:");
		assertThat(handover).containsText("offene Vorg");
		assertThat(handover).containsText("Ohne freies Team der nötigen Art");
		assertThat(handover).containsText("#" + incident + " · Problemimmobilie · nichts vorgefunden");
		assertThat(handover.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Drucken"))).isVisible();
		Accessibility.assertNoSeriousViolations(board);
		handover.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Schließen")).click();
		assertThat(handover).isHidden();
	}

	@Test
	void aLeadSeesTheIncidentsPhotosOnlyWhenAskedAndCanHideOne(BrowserSession browser) {
		// About 600 m from the other tests' incidents, and closed at the end.
		String code = Fixtures.submitReport(this.client, "LITTER", "Sperrmüll vor der Einfahrt", BOY_LAT - 0.006,
				BOY_LON - 0.006);
		long incident = Fixtures.incidentOf(code);
		Fixtures.reportPhoto(this.client, code, TellingPhotos.plainJpeg(400, 300)).expectStatus().isCreated();
		long photo = TestDatabase.queryLong("SELECT p.id FROM photo p JOIN report r ON r.id = p.report_id "
				+ "WHERE r.tracking_code = '" + code + "'");
		Page board = board(browser.newPage());
		queueEntry(board, incident).click();
		assertThat(heading(board)).containsText("#" + incident + " ");

		// Nothing is fetched (and audited) until the lead asks.
		Locator show = board.locator("#photos-show-" + incident);
		assertThat(show).hasText("Fotos ansehen");
		assertThat(views(photo)).isZero();
		show.click();
		Locator thumbnail = board.locator("#panel .board-photos img");
		assertThat(thumbnail).hasAttribute("alt", Pattern.compile("^Foto 1 aus einer Meldung, "));
		board.waitForCondition(() -> (Boolean) thumbnail.evaluate("img => img.complete && img.naturalWidth > 0"));
		assertThat(views(photo)).isOne();

		// Hidden from the field teams, and shown again; the keyboard stays on the button.
		Locator toggle = board.locator("#photo-hidden-" + photo);
		toggle.press("Enter");
		assertThat(toggle).hasText("Wieder zeigen");
		assertThat(toggle).isFocused();
		assertThat(board.locator("#panel .board-photos .badge")).isVisible();
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM photo WHERE hidden_at IS NOT NULL AND id = " + photo))
			.isOne();
		Accessibility.assertNoSeriousViolations(board);
		toggle.press("Enter");
		assertThat(toggle).hasText("Verbergen");
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM photo WHERE hidden_at IS NULL AND id = " + photo))
			.isOne();
		assertThat(views(photo)).isOne();

		Fixtures.decide(this.client, incident, "NOTHING_FOUND");
	}

	private static long views(long photo) {
		return TestDatabase.queryLong("SELECT count(*) FROM audit_log WHERE action IN "
				+ "('PHOTO_VIEWED', 'PHOTO_THUMBNAIL_VIEWED') AND details->>'photo' = '" + photo + "'");
	}

	private static long notes(long incident) {
		return TestDatabase
			.queryLong("SELECT count(*) FROM incident_note WHERE kind = 'NOTE' AND incident_id = " + incident);
	}

	/**
	 * A lead declining for a team says why in a dialog of the page; cancelled, nothing is
	 * declined.
	 */
	@Test
	void aLeadDecliningForATeamSaysWhyInThePage(BrowserSession browser) {
		long incident = Fixtures.reportIncident(this.client, "OTHER", BOY_LAT, BOY_LON);
		long team = Fixtures.team("KOD", BOY_LAT, BOY_LON);
		String name = TestDatabase.queryString("SELECT name FROM team WHERE id = " + team);
		try {
			StaffLogin.as(this.client, "dispatcher")
				.post()
				.uri("/api/incidents/{id}/assignments", incident)
				.bodyValue(Map.of("teamId", team, "version", Fixtures.incidentVersion(incident)))
				.exchange()
				.expectStatus()
				.isOk();
			Page board = board(browser.newPage());
			Locator panel = board.locator("#panel");
			queueEntry(board, incident).click();
			Locator declineFor = panel.getByRole(AriaRole.BUTTON,
					new Locator.GetByRoleOptions().setName("Ablehnen: " + name));
			Locator dialog = board.locator("dialog.reason-dialog");

			declineFor.click();
			dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Abbrechen")).click();
			assertThat(dialog).hasCount(0);
			assertThat(TestDatabase.queryString("SELECT state FROM assignment WHERE team_id = " + team))
				.isEqualTo("ASSIGNED");

			declineFor.click();
			dialog.getByLabel("Warum lehnt das Team ab?").fill("Team steht im Stau");
			dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ablehnen").setExact(true))
				.click();
			assertThat(panel.locator(".assignments")).containsText("Team steht im Stau");
			assertThat(TestDatabase.queryString("SELECT state FROM assignment WHERE team_id = " + team))
				.isEqualTo("DECLINED");
		}
		finally {
			TestDatabase.queryLong("UPDATE team SET status = 'OFF_DUTY' WHERE id = " + team + " RETURNING 1");
		}
	}

	@Test
	void whenNoAvailableTeamSpeaksTheReportersLanguageThePanelNamesTheBusyTeamThatDoes(BrowserSession browser) {
		long incident = Fixtures.incidentOf(Fixtures.submitReport(this.client, "LITTER",
				"Sperrmüll vor dem Haus seit einer Woche", BOY_LAT - 0.004, BOY_LON - 0.003, "fa"));
		String teamType = TestDatabase.queryString("SELECT team_types[1] FROM incident WHERE id = " + incident);
		long team = Fixtures.team(teamType, BOY_LAT, BOY_LON);
		String name = TestDatabase.queryString("SELECT name FROM team WHERE id = " + team);
		try {
			TestDatabase.queryLong(
					"UPDATE team SET languages = '{de,fa}', status = 'ON_SITE' WHERE id = " + team + " RETURNING 1");
			Page board = board(browser.newPage());
			queueEntry(board, incident).click();
			assertThat(heading(board)).containsText("#" + incident + " ");
			assertThat(board.locator("#panel .proposals")).containsText("spricht nicht die Sprache der Meldenden");
			Locator busySpeakers = board.locator("#busy-speakers");
			assertThat(busySpeakers).containsText("Nicht verfügbar, spricht aber Persisch");
			assertThat(busySpeakers).containsText(name + " (vor Ort)");
			// A referral is for the person in the language they wrote in, until the lead
			// says
			// otherwise.
			assertThat(board.locator("#referral-" + incident + "-language")).hasValue("fa");
		}
		finally {
			TestDatabase.queryLong("UPDATE team SET status = 'OFF_DUTY' WHERE id = " + team + " RETURNING 1");
		}
	}

	private static Locator heading(Page board) {
		return board.locator("#panel-heading");
	}

	private static Locator queueEntry(Page board, long incident) {
		return board.locator("#queue li")
			.filter(new Locator.FilterOptions().setHasText(Pattern.compile("#" + incident + "(?!\\d)")));
	}

	private Page board(Page page) {
		BrowserSignIn.to(page, this.client, this.port, "dispatcher", "/board");
		assertThat(page.locator("#connection")).hasClass(Pattern.compile(".*connection--live.*"), STARTED);
		return page;
	}

}
