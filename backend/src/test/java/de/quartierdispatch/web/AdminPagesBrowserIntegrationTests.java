package de.quartierdispatch.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import de.quartierdispatch.support.Accessibility;
import de.quartierdispatch.support.BrowserExtension;
import de.quartierdispatch.support.BrowserExtension.BrowserSession;
import de.quartierdispatch.support.BrowserSignIn;
import de.quartierdispatch.support.Fixtures;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.RefusedRequests;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administration page section by section, each without serious accessibility
 * violations; a team type's field settings changed on it (and audited); the audit log
 * with actions in words and reports by their tracking code; on a phone, wide tables
 * scroll in regions of their own instead of the page.
 */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
class AdminPagesBrowserIntegrationTests {

	private static final List<String> SECTIONS = List.of("users", "teams", "contact-points", "categories", "rules",
			"geodata", "privacy", "team-types", "partners", "interfaces");

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient client;

	@Test
	void everySectionPassesTheAccessibilityCheckAndTeamTypeSettingsAreChangedThere(BrowserSession browser) {
		String type = "ADMIN_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		String name = "Testteam " + type;
		TestDatabase.queryString("INSERT INTO team_type (code, label_de, label_en, color) VALUES ('" + type + "', '"
				+ name + "', '" + name + "', '#123456') RETURNING code");
		Page page = signIn(browser.newPage());

		for (String section : SECTIONS) {
			page.locator(".tabs a[href='#" + section + "']").click();
			assertThat(page.locator("#" + section)).isVisible();
			// The keyboard moves to the section chosen, not to the page's top.
			assertThat(page.locator("#" + section + " h1")).isFocused();
			Accessibility.assertNoSeriousViolations(page);
		}

		page.locator(".tabs a[href='#team-types']").click();
		page.getByLabel("Check-in in Minuten für " + name).fill("45");
		page.getByLabel(name + " arbeitet freiwillig (Angebote)").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Einstellungen für " + name + " speichern"))
			.click();
		assertThat(page.locator("#message")).hasText("Gespeichert: " + name);
		assertThat(TestDatabase
			.queryString("SELECT check_in_minutes || ' ' || voluntary FROM team_type WHERE code = '" + type + "'"))
			.isEqualTo("45 true");
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM audit_log WHERE action = 'TEAM_TYPE_CHANGED' "
				+ "AND details->>'teamType' = '" + type + "'"))
			.isEqualTo(1);

		// What was said belongs to its section; the audit log names the change in words.
		page.locator(".tabs a[href='#privacy']").click();
		assertThat(page.locator("#message")).isEmpty();
		page.locator("#audit-action").selectOption("TEAM_TYPE_CHANGED");
		page.locator("#audit-filter button[type=submit]").click();
		assertThat(page.locator("#audit-table tbody tr").first()).containsText("Teamart geändert");
		Locator details = page.locator("#audit-table tbody tr").first().locator(".details");
		assertThat(details).containsText("Teamart: " + name);
		assertThat(details).containsText("Meldeintervall (Min.): 45");
		assertThat(details).containsText("freiwillig: ja");

		// A resident's request names the report by its tracking code, and so does the
		// log.
		long incident = Fixtures.reportIncident(this.client, "LITTER", 51.5423, 6.9681);
		String code = TestDatabase.queryString(
				"SELECT tracking_code FROM report WHERE incident_id = " + incident + " ORDER BY id DESC LIMIT 1");
		StaffLogin.as(this.client, "admin")
			.post()
			.uri("/api/admin/privacy/export")
			.bodyValue(Map.of("trackingCode", code, "request", "Brief vom 1. Dezember"))
			.exchange()
			.expectStatus()
			.isOk();
		List<String> addresses = new CopyOnWriteArrayList<>();
		page.onRequest((request) -> addresses.add(request.url()));
		page.locator("#audit-action").selectOption("");
		page.locator("#audit-trackingCode").fill(code.toLowerCase());
		page.locator("#audit-filter button[type=submit]").click();
		assertThat(page.locator("#audit-table tbody tr")).hasCount(1);
		assertThat(page.locator("#audit-table tbody tr")).containsText(code);
		assertThat(page.locator("#audit-table tbody tr")).containsText("Auskunft erteilt");
		// What was typed went in the request's body, not its address.
		assertThat(addresses).anyMatch((address) -> address.endsWith("/api/admin/audit/search"))
			.noneMatch((address) -> address.toLowerCase().contains(code.toLowerCase()));
		Accessibility.assertNoSeriousViolations(page);

		// A broken boundary file: refused as a whole, every problem in words.
		page.locator(".tabs a[href='#geodata']").click();
		page.locator("#quarter-file")
			.setInputFiles(new FilePayload("grenzen.geojson", "application/geo+json",
					("{\"type\":\"FeatureCollection\","
							+ "\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"T-X\",\"name\":\"Kaputt\"},"
							+ "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[7.2,50.0],[7.21,50.0]]}}]}")
						.getBytes(StandardCharsets.UTF_8)));
		page.locator("#quarter-import button[type=submit]").click();
		assertThat(page.locator("#quarter-report")).containsText("Nichts eingespielt: 1 Problem in der Datei");
		assertThat(page.locator("#quarter-report")).containsText(
				"Teilfläche 1 (Kürzel „T-X“, Name „Kaputt“): Die Geometrie ist keine Fläche (Polygon oder MultiPolygon), "
						+ "sondern: LINESTRING");
		Accessibility.assertNoSeriousViolations(page);
		// A report on screen follows a change of the page's language.
		page.locator("#language").selectOption("en");
		assertThat(page.locator("#quarter-report")).containsText("Nothing imported: 1 problem in the file");
		page.locator("#language").selectOption("de");
		assertThat(page.locator("#quarter-report")).containsText("Nichts eingespielt: 1 Problem in der Datei");
		page.locator("#quarter-file")
			.setInputFiles(new FilePayload("grenzen.geojson", "application/geo+json",
					("{\"type\":\"FeatureCollection\","
							+ "\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"T-Y\",\"name\":\"Text\"},"
							+ "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[7.2,50.0],[\"7.21\",50.0],[7.21,50.01],"
							+ "[7.2,50.0]]]}}]}")
						.getBytes(StandardCharsets.UTF_8)));
		page.locator("#quarter-import button[type=submit]").click();
		assertThat(page.locator("#quarter-report")).containsText(
				"Teilfläche 1 (Kürzel „T-Y“, Name „Text“): Eine Position der Geometrie besteht nicht aus zwei Zahlen.");

		page.locator(".tabs a[href='#team-types']").click();
		page.getByLabel("Check-in in Minuten für " + name).fill("2");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Einstellungen für " + name + " speichern"))
			.click();
		assertThat(page.locator("#message")).hasClass("notice notice--warning");
		assertThat(page.getByLabel("Check-in in Minuten für " + name)).hasValue("2");
		assertThat(TestDatabase.queryString("SELECT check_in_minutes FROM team_type WHERE code = '" + type + "'"))
			.isEqualTo("45");
	}

	@Test
	void onAPhoneEverySectionKeepsTheScreensWidthAndItsTablesScrollInRegionsOfTheirOwn(BrowserSession browser) {
		Page page = signIn(browser.newPage(new Browser.NewContextOptions().setViewportSize(390, 844)));

		for (String section : SECTIONS) {
			page.locator(".tabs a[href='#" + section + "']").click();
			assertThat(page.locator("#" + section)).isVisible();
			assertThat(page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
				.as("the page keeps the phone's width in section %s", section)
				.isEqualTo(true);
		}
		// A key shown once is one long word: it wraps instead of widening the page.
		page.locator(".tabs a[href='#interfaces']").click();
		// A webhook without a name, an address or an event: each said at its field by the
		// page, without a request the server has to refuse.
		List<String> refused = RefusedRequests.of(page);
		page.evaluate("document.querySelectorAll('#webhook-events input').forEach((box) => { box.checked = false; })");
		page.locator("#webhook-form button[type=submit]").click();
		assertThat(page.locator("#webhook-name")).hasAttribute("aria-invalid", "true");
		assertThat(page.locator("#webhook-url")).hasAttribute("aria-invalid", "true");
		assertThat(page.locator("#webhook-errors")).containsText("Bitte wählen Sie mindestens ein Ereignis.");
		page.locator("#key-form button[type=submit]").click();
		assertThat(page.locator("#key-name")).hasAttribute("aria-invalid", "true");
		assertThat(refused).isEmpty();
		page.locator("#key-name").fill("Mängelmelder " + UUID.randomUUID().toString().substring(0, 8));
		page.locator("#key-form button[type=submit]").click();
		assertThat(page.locator("#key-issued")).isVisible();
		assertThat(page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
			.as("the page keeps the phone's width with a key shown")
			.isEqualTo(true);
		page.locator(".tabs a[href='#partners']").click();
		Locator services = page.getByRole(AriaRole.REGION,
				new Page.GetByRoleOptions().setName("Angebote").setExact(true));
		assertThat(services.locator("table#partner-services")).isVisible();
		assertThat(services.evaluate("region => region.scrollWidth > region.clientWidth")).isEqualTo(true);
		Accessibility.assertNoSeriousViolations(page);
	}

	/**
	 * A table wider than its column keeps each row's button in view; a control reached by
	 * the keyboard in the columns it covers is scrolled out from under it, not hidden.
	 */
	@Test
	void aControlReachedByKeyboardIsNotHiddenUnderTheStickyButtonColumn(BrowserSession browser) {
		Page page = signIn(browser.newPage(new Browser.NewContextOptions().setViewportSize(1400, 900)));
		page.locator(".tabs a[href='#teams']").click();
		Locator summaries = page.locator("#team-table td summary");
		assertThat(summaries.first()).isVisible();
		for (int i = 0; i < Math.min(3, summaries.count()); i++) {
			summaries.nth(i).focus();
			assertThat(summaries.nth(i)
				.evaluate("(summary) => { const box = summary.getBoundingClientRect(); "
						+ "return summary.contains(document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2)); }"))
				.as("summary %d is not under the sticky column", i)
				.isEqualTo(true);
		}
		// On a desktop screen the table has the width it needs: no column (the teams'
		// languages, last) lies under the buttons.
		assertThat(page.locator("#team-table")
			.evaluate(
					"(table) => table.closest('.table-scroll').scrollWidth <= table.closest('.table-scroll').clientWidth"))
			.as("the teams' table fits its region")
			.isEqualTo(true);
	}

	@Test
	void anAdministratorAddsATeamAndTiesAFieldAccountToItAtOnce(BrowserSession browser) {
		String name = "Streetwork " + UUID.randomUUID().toString().substring(0, 8);
		String quarter = TestDatabase.queryString("SELECT name FROM quarter ORDER BY code LIMIT 1");
		Page page = signIn(browser.newPage(new Browser.NewContextOptions().setViewportSize(390, 844)));
		page.locator(".tabs a[href='#teams']").click();
		Locator teams = page.locator("#teams");

		// A name that is only spaces is caught on the page, next to its field.
		teams.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true)).fill("   ");
		teams.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Team anlegen")).click();
		// The summary, away from the field, names it.
		assertThat(page.locator("#team-form .error-summary li")).hasText("Name: Bitte füllen Sie dieses Feld aus.");
		// Its link takes the keyboard to the field, in the section shown (not to
		// another).
		page.locator("#team-form .error-summary a").press("Enter");
		assertThat(teams.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true))).isFocused();
		assertThat(teams).isVisible();

		teams.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true)).fill(name);
		teams.getByLabel("Teamart").selectOption("STREETWORK");
		teams.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Sprachen"))
			.getByLabel("Türkçe")
			.check();
		teams.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Quartiere"))
			.getByText(quarter, new Locator.GetByTextOptions().setExact(false))
			.first()
			.click();
		// Another language keeps what was typed and chosen.
		page.locator("#language").selectOption("en");
		assertThat(page.locator("#team-form-heading")).hasText("New team");
		assertThat(page.locator("#team-name")).hasValue(name);
		assertThat(page.locator("#team-teamType")).hasValue("STREETWORK");
		assertThat(page.locator("#team-languages-tr")).isChecked();
		page.locator("#language").selectOption("de");
		teams.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Team anlegen")).click();
		assertThat(page.locator("#message")).hasText("Team angelegt: " + name);
		Locator row = page.locator("#team-table tbody tr", new Page.LocatorOptions().setHasText(name));
		assertThat(row).containsText("Deutsch, Türkçe");
		assertThat(row).containsText(quarter);
		assertThat(row).containsText("außer Dienst");
		// The table is wider than the phone; the row's button stays in its region's view.
		Locator edit = row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Bearbeiten: " + name));
		assertThat(edit.evaluate("(button) => { const region = button.closest('.table-scroll').getBoundingClientRect();"
				+ " const box = button.getBoundingClientRect();"
				+ " return box.left >= region.left && box.right <= region.right; }"))
			.isEqualTo(true);
		assertThat(page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
			.as("the page keeps the phone's width")
			.isEqualTo(true);
		Accessibility.assertNoSeriousViolations(page);

		// The same name again is refused by the server, in words, next to the name.
		teams.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true)).fill(name);
		teams.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Team anlegen")).click();
		assertThat(page.locator("#team-form .error-summary"))
			.containsText("Ein anderes Team trägt diesen Namen schon.");

		// Disbanded: retired on its form, and kept in the table as such.
		row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Bearbeiten: " + name)).click();
		teams.getByLabel("Im Dienst: wird auf dem Board gezeigt und für Einsätze vorgeschlagen").uncheck();
		teams.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Änderungen speichern")).click();
		assertThat(page.locator("#message")).hasText("Gespeichert: " + name);
		assertThat(row).containsText("aufgelöst");

		// The accounts tab offers the new team without reloading the page, marked
		// retired.
		page.locator(".tabs a[href='#users']").click();
		assertThat(page.locator("#user-teamId option", new Page.LocatorOptions().setHasText(name))).hasCount(1);
		// An empty new account: what is missing is said at each field by the page itself,
		// without a request the server has to refuse.
		List<String> refused = RefusedRequests.of(page);
		page.locator("#user-form button[type=submit]").click();
		assertThat(page.locator("#user-username")).hasAttribute("aria-invalid", "true");
		assertThat(page.locator("#user-password")).hasAttribute("aria-invalid", "true");
		assertThat(page.locator("#user-errors")).containsText("Bitte wählen Sie mindestens eine Rolle.");
		assertThat(page.locator("#user-errors h2")).isFocused();
		assertThat(refused).isEmpty();
		page.locator("#user-displayName").fill("Erika Beispiel");
		page.locator("#user-teamId")
			.selectOption(page.locator("#user-teamId option", new Page.LocatorOptions().setHasText(name))
				.getAttribute("value"));
		page.locator("#language").selectOption("en");
		assertThat(page.locator("#user-displayName")).hasValue("Erika Beispiel");
		assertThat(page.locator("#user-teamId option:checked")).containsText(name);
		assertThat(page.locator("#user-teamId option:checked")).containsText("retired");
	}

	/** A new account, then a new password for it: the page says so, and nothing else. */
	@Test
	void anAdministratorCreatesAnAccountAndSetsANewPasswordForIt(BrowserSession browser) {
		String username = "neu." + UUID.randomUUID().toString().substring(0, 8);
		Page page = signIn(browser.newPage());
		page.locator(".tabs a[href='#users']").click();
		page.locator("#user-username").fill(username);
		page.locator("#user-displayName").fill("Neue Kraft");
		page.locator("#user-password").fill("Kiesel Laterne Brombeere Hafen");
		page.locator("#role-COUNTER").check();
		page.locator("#user-form button[type=submit]").click();
		assertThat(page.locator("#message")).hasText("Konto " + username + " angelegt.");

		page.locator("#user-password").fill("Hafen Brombeere Laterne Kiesel");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Passwort neu setzen")).click();
		assertThat(page.locator("#message"))
			.hasText("Neues Passwort für " + username + " gesetzt; alle Sitzungen sind beendet.");
		assertThat(page.locator("#user-errors")).isHidden();
		assertThat(page.locator("#user-password")).hasValue("");
	}

	/**
	 * The rules' dry run says where a report would go, as the board says it.
	 */
	@Test
	void aDryRunSaysWhereAReportWouldGo(BrowserSession browser) {
		Page page = signIn(browser.newPage());
		page.locator(".tabs a[href='#rules']").click();
		Locator dryRun = page.locator("#dry-run-form");
		dryRun.getByLabel("Kategorie").selectOption("AGGRESSION");
		dryRun.getByLabel("Quartier").selectOption(new SelectOption().setIndex(0));
		dryRun.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Probelauf starten")).click();

		assertThat(page.locator("#dry-run-result")).containsText("Regel „Aggression oder Bedrohung“");
		assertThat(page.locator("#dry-run-result")).containsText("Kommunaler Ordnungsdienst");
		assertThat(page.locator("#dry-run-result")).containsText("Frist bis");
		Accessibility.assertNoSeriousViolations(page);

		// A rule's missing team types are named by their group, not by the first type.
		page.locator("#new-rule").click();
		page.locator("#rule-name").fill("Probe " + UUID.randomUUID().toString().substring(0, 8));
		page.locator("#rule-form [type=submit]").click();
		assertThat(page.locator("#rule-errors li", new Page.LocatorOptions().setHasText("Teamart")))
			.hasText(java.util.regex.Pattern.compile("^An diese Teamarten: .*"));
	}

	/**
	 * The dry run's time is the city's, as its answer shows it, also on a computer set to
	 * another zone.
	 */
	@Test
	void aDryRunsTimeIsTheCitysWhateverZoneTheComputerIsIn(BrowserSession browser) {
		Page page = signIn(browser.newPage(new Browser.NewContextOptions().setTimezoneId("America/New_York")));
		page.locator(".tabs a[href='#rules']").click();
		Locator dryRun = page.locator("#dry-run-form");
		dryRun.getByLabel("Kategorie").selectOption("NOISE");
		dryRun.getByLabel("Quartier").selectOption(new SelectOption().setIndex(0));
		dryRun.getByLabel("Eingang (leer = jetzt)").fill("2026-12-06T23:30");
		dryRun.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Probelauf starten")).click();
		assertThat(page.locator("#dry-run-result")).containsText("23:30");
	}

	@Test
	void anAdministratorAddsAContactPointFoundByItsAddress(BrowserSession browser) {
		String name = "Anlaufstelle " + UUID.randomUUID().toString().substring(0, 8);
		String[] address = { "Hansastraße", "16", "46236", "Bottrop" };
		Page page = signIn(browser.newPage());
		page.locator(".tabs a[href='#contact-points']").click();
		Locator points = page.locator("#contact-points");

		points.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true)).fill(name);
		points.getByLabel("Straße").fill(address[0]);
		points.getByLabel("Hausnummer").fill(address[1]);
		points.getByLabel("Postleitzahl").fill(address[2]);
		points.getByLabel("Ort", new Locator.GetByLabelOptions().setExact(true)).fill(address[3]);
		points.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Lage aus der Adresse bestimmen"))
			.click();
		assertThat(points.locator("#contact-point-found")).hasText("Gefunden: Hansastraße 16, 46236 Bottrop");
		assertThat(points.getByLabel("Breitengrad")).not().hasValue("");
		Locator hours = points.getByLabel("Öffnungszeiten (z. B. Mo-Fr 09:00-13:00; Do 14:00-18:00)");
		hours.fill("werktags");
		points.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Anlaufstelle anlegen")).click();
		// The server's words, next to the field.
		assertThat(points.locator("#contact-point-form .error-summary"))
			.containsText("Tage Mo, Di, Mi, Do, Fr, Sa, So");

		// German weekdays, as an administrator here writes them.
		hours.fill("Mo-Do 09:00-16:00; Fr 09:00-13:00");
		points.getByLabel("العربية").check();
		points.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Anlaufstelle anlegen")).click();
		assertThat(page.locator("#message")).hasText("Anlaufstelle angelegt: " + name);
		Locator row = page.locator("#contact-point-table tbody tr", new Page.LocatorOptions().setHasText(name));
		assertThat(row).containsText(address[0] + " " + address[1] + ", " + address[2] + " " + address[3]);
		assertThat(row).containsText("09:00–16:00");
		assertThat(row).containsText("geöffnet");
		assertThat(TestDatabase.queryString("SELECT opening_hours FROM contact_point WHERE name = '" + name + "'"))
			.as("stored in OpenStreetMap's codes")
			.isEqualTo("Mo-Th 09:00-16:00; Fr 09:00-13:00");
		Accessibility.assertNoSeriousViolations(page);

		// The shop is given up: closed, it stays in the list and leaves the public form.
		row.getByRole(AriaRole.BUTTON).click();
		assertThat(hours).hasValue("Mo-Do 09:00-16:00; Fr 09:00-13:00");
		points.getByLabel("Geöffnet: auf dem Meldeformular und am Tresen angeboten").uncheck();
		points.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Änderungen speichern")).click();
		assertThat(row).containsText("geschlossen, nicht mehr angeboten");
		assertThat(TestDatabase.queryString("SELECT active::text FROM contact_point WHERE name = '" + name + "'"))
			.isEqualTo("false");

		page.locator(".tabs a[href='#users']").click();
		assertThat(page.locator("#user-contactPointId option", new Page.LocatorOptions().setHasText(name))).hasCount(1);
	}

	@Test
	void anAdministratorAddsACategoryInEightLanguagesAndRetiresIt(BrowserSession browser) {
		String code = "TAUBEN_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		String name = "Tauben füttern " + code.substring(7);
		Page page = signIn(browser.newPage());
		page.locator(".tabs a[href='#categories']").click();
		Locator categories = page.locator("#categories");

		categories.getByLabel("Code").fill(code.toLowerCase());
		categories.getByLabel("Deutsch").fill(name);
		categories.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Kategorie anlegen")).click();
		// Every missing name is named, next to its field.
		assertThat(categories.locator("#category-form .error-summary li")).hasCount(7);

		Map<String, String> others = Map.of("English", "Feeding pigeons", "العربية", "إطعام الحمام", "فارسی",
				"غذا دادن به کبوترها", "Türkçe", "Güvercin beslemek", "Українська", "Годування голубів", "Română",
				"Hrănirea porumbeilor", "Български", "Хранене на гълъби");
		others.forEach((language,
				label) -> categories.getByLabel(language, new Locator.GetByLabelOptions().setExact(true)).fill(label));
		categories.getByLabel("Symbol").selectOption("other");
		categories.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Kategorie anlegen")).click();
		assertThat(page.locator("#message")).hasText("Kategorie angelegt: " + name);
		assertThat(categories.locator("#category-table tbody tr", new Locator.LocatorOptions().setHasText(name)))
			.containsText(code);
		Accessibility.assertNoSeriousViolations(page);
		page.locator(".tabs a[href='#rules']").click();
		assertThat(page.locator("#rule-category option", new Page.LocatorOptions().setHasText(name))).hasCount(1);

		page.locator(".tabs a[href='#categories']").click();
		categories.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Bearbeiten: " + name)).click();
		categories.getByLabel("In den Formularen angeboten").uncheck();
		categories.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Änderungen speichern")).click();
		assertThat(page.locator("#message")).hasText("Gespeichert: " + name);
		assertThat(categories.locator("#category-table tbody tr", new Locator.LocatorOptions().setHasText(name)))
			.containsText("nicht mehr angeboten");
		assertThat(TestDatabase.queryString("SELECT active::text FROM report_category WHERE code = '" + code + "'"))
			.isEqualTo("false");
	}

	private Page signIn(Page page) {
		BrowserSignIn.to(page, this.client, this.port, "admin", "/admin");
		assertThat(page.locator("body")).hasAttribute("data-ready", "true");
		return page;
	}

}
