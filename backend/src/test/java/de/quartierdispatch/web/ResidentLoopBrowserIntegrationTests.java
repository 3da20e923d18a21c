package de.quartierdispatch.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import de.quartierdispatch.support.Accessibility;
import de.quartierdispatch.support.BrowserExtension;
import de.quartierdispatch.support.BrowserExtension.BrowserSession;
import de.quartierdispatch.support.Fixtures;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.TellingPhotos;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resident's loop on a phone, in German and Arabic: photos with the report (a refused
 * one costs nothing), "Is it one of these?" and "me too" joining an open incident, and
 * "still a problem?" reopening it from the status page.
 */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
class ResidentLoopBrowserIntegrationTests {

	/** The maps' configured centre: a tap in the middle of the map lands here. */
	private static final double LAT = 51.5236;

	private static final double LON = 6.9286;

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient client;

	@TempDir
	Path files;

	@Test
	void photosGoWithTheReportAndARefusedOneCostsNothingThenStillAProblemReopensIt(BrowserSession browser)
			throws IOException {
		Path photo = this.files.resolve("hinterhof.jpg");
		Files.write(photo, TellingPhotos.jpegWithMetadata());
		Path fake = this.files.resolve("urlaub.jpg");
		Files.write(fake, "kein Bild, nur Text".getBytes(StandardCharsets.UTF_8));

		Page page = phone(browser, "de-DE");
		page.navigate(url("/"));
		page.locator("#language").selectOption("de");
		page.locator("#category-LITTER").check();
		page.locator("#description").fill("Sperrmüll und Glasscherben vor dem Spielplatz.");
		page.locator("#photos").setInputFiles(new Path[] { photo, fake });
		assertThat(page.locator("#photo-list li")).hasCount(2);
		next(page, "what");
		page.locator("#map").click();
		assertThat(page.locator("#quarter-status")).hasClass("map-status map-status--ok");
		next(page, "where");
		next(page, "contact");
		assertThat(page.locator("#review")).containsText("hinterhof.jpg, urlaub.jpg");
		// The first photo arrives and is stored, but its answer is lost on the way back.
		AtomicBoolean lost = new AtomicBoolean();
		page.route("**/api/reports/*/photos", (route) -> {
			if (lost.compareAndSet(false, true)) {
				route.fetch();
				route.abort();
			}
			else {
				route.resume();
			}
		});
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Meldung senden")).click();
		assertThat(page.locator("#confirmation")).isVisible();
		String code = page.locator("#tracking-code").textContent();
		Locator first = page.locator("#photo-results li").first();
		assertThat(first).containsText("Keine Verbindung");
		// Sent again under its key: found, not stored twice.
		first.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Noch einmal senden")).click();
		assertThat(first).containsText("hinzugefügt");
		assertThat(first).isFocused();
		assertThat(page.locator("#photo-results li").nth(1)).containsText("Es können nur Fotos");
		Accessibility.assertNoSeriousViolations(page);
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM photo p JOIN report r ON r.id = p.report_id "
				+ "WHERE r.tracking_code = '" + code + "'"))
			.isEqualTo(1);

		long incident = incidentOf(code);
		close(incident);
		page.navigate(url("/status/" + code));
		assertThat(page.locator("#result-text"))
			.hasText("Nichts vorgefunden: Wir sind Ihrer Meldung nachgegangen und haben nichts vorgefunden.");
		page.locator("#still-a-problem-button").click();
		assertThat(page.locator("#still-a-problem-result"))
			.hasText("Ihre Meldung ist wieder offen und wird erneut bearbeitet.");
		assertThat(page.locator("#result-progress [aria-current=step]")).hasText("Eingegangen");
		assertThat(Fixtures.incidentState(incident)).isEqualTo("OPEN");
	}

	@Test
	void inArabicMeTooJoinsTheOpenIncidentAndStillAProblemReopensIt(BrowserSession browser) {
		long incident = incidentOf(report("PROBLEM_PROPERTY", "Das leerstehende Haus ist offen, Fenster kaputt."));

		Page page = phone(browser, "ar");
		page.navigate(url("/"));
		page.locator("#language").selectOption("ar");
		assertThat(page.locator("html")).hasAttribute("dir", "rtl");
		page.locator("#category-PROBLEM_PROPERTY").check();
		page.locator("#description").fill("البيت المهجور مفتوح والنوافذ مكسورة منذ أسبوع.");
		next(page, "what");
		page.locator("#map").click();
		assertThat(page.locator("#nearby-offer")).isVisible();
		assertThat(page.locator("#nearby-offer legend")).hasText("هل هو أحد هذه البلاغات؟");
		assertThat(page.locator("label[for=supports-" + incident + "]")).containsText("منذ اليوم");
		// How far, so that two alike can be told apart.
		assertThat(page.locator("label[for=supports-" + incident + "]")).containsText("على بعد");
		page.locator("#supports-" + incident).check();
		Accessibility.assertNoSeriousViolations(page);
		next(page, "where");
		next(page, "contact");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("إرسال البلاغ")).click();
		assertThat(page.locator("#confirmation")).isVisible();
		assertThat(page.locator("#joined")).isVisible();
		assertThat(page.locator("#joined")).hasText("أُضيف بلاغك إلى البلاغ الموجود.");
		String code = page.locator("#tracking-code").textContent();
		assertThat(incidentOf(code)).isEqualTo(incident);
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM report WHERE incident_id = " + incident)).isEqualTo(2);

		close(incident);
		page.navigate(url("/status/" + code));
		assertThat(page.locator("html")).hasAttribute("dir", "rtl");
		page.locator("#still-a-problem-button").click();
		assertThat(page.locator("#still-a-problem-result")).hasText("أُعيد فتح بلاغك وستتم متابعته من جديد.");
		assertThat(page.locator("#still-a-problem-result")).isFocused();
		assertThat(Fixtures.incidentState(incident)).isEqualTo("OPEN");
		Accessibility.assertNoSeriousViolations(page);
	}

	@Test
	void onRequestTheFormShowsWhatIsAlreadyReportedNearbyWithoutTextInGermanAndArabic(BrowserSession browser) {
		String text = "Graffiti an der Unterführung, frisch gesprüht " + UUID.randomUUID();
		report("VANDALISM", text);

		Page page = phone(browser, "de-DE");
		page.navigate(url("/"));
		page.locator("#language").selectOption("de");
		page.locator("#category-LITTER").check();
		page.locator("#description").fill("Müllsäcke am Straßenrand.");
		next(page, "what");
		page.locator("#map").click();
		assertThat(page.locator("#quarter-status")).hasClass("map-status map-status--ok");
		assertThat(page.locator("#already-reported")).isHidden();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Was ist hier schon gemeldet?")).click();
		assertThat(page.locator("#already-reported-toggle")).hasAttribute("aria-pressed", "true");
		assertThat(page.locator("#already-reported-summary")).containsText("offene");
		assertThat(page.locator("#already-reported-list")).containsText("Vandalismus");
		assertThat(page.locator("#map path.already-reported-cell").first()).isAttached();
		assertThat(page.locator("body")).not().containsText(text);
		Accessibility.assertNoSeriousViolations(page);

		page.locator("#language").selectOption("ar");
		assertThat(page.locator("#already-reported-toggle")).hasText("إخفاء ما تم الإبلاغ عنه");
		assertThat(page.locator("#already-reported-heading")).hasText("تم الإبلاغ عنه (مفتوح، في الجوار)");
		Accessibility.assertNoSeriousViolations(page);
		page.locator("#already-reported-toggle").click();
		assertThat(page.locator("#already-reported")).isHidden();
	}

	@Test
	void aPlaceWithoutAnAddressIsNamedByTheNearestAddressInGermanAndArabic(BrowserSession browser) {
		double lat = Double
			.parseDouble(TestDatabase
				.queryString("SELECT ST_Y(location) FROM address WHERE street = 'Hansastraße' AND house_number = '16'"))
				+ 0.00005;
		double lon = Double.parseDouble(TestDatabase
			.queryString("SELECT ST_X(location) FROM address WHERE street = 'Hansastraße' AND house_number = '16'"));
		Page page = browser.newPage(new Browser.NewContextOptions().setViewportSize(390, 844)
			.setLocale("de-DE")
			.setHasTouch(true)
			.setGeolocation(lat, lon)
			.setPermissions(List.of("geolocation")));
		page.navigate(url("/"));
		page.locator("#language").selectOption("de");
		page.locator("#category-LITTER").check();
		page.locator("#description").fill("Müllsäcke am Straßenrand.");
		next(page, "what");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Meinen Standort verwenden")).click();
		assertThat(page.locator("#quarter-status")).containsText("nahe Hansastraße 16, 46236 Bottrop");
		page.locator("#language").selectOption("ar");
		assertThat(page.locator("#quarter-status")).containsText("بالقرب من Hansastraße 16");
		Accessibility.assertNoSeriousViolations(page);
	}

	private String report(String category, String description) {
		return Fixtures.submitReport(this.client, Map.of("category", category, "description", description, "location",
				Map.of("lat", LAT, "lon", LON), "language", "de"));
	}

	private void close(long incident) {
		Fixtures.decide(this.client, incident, "NOTHING_FOUND");
	}

	private static long incidentOf(String code) {
		return TestDatabase.queryLong("SELECT incident_id FROM report WHERE tracking_code = '" + code + "'");
	}

	private static void next(Page page, String step) {
		page.locator("[data-step=" + step + "] [data-next]").click();
		if ("what".equals(step)) {
			// The map is tapped in its middle: only once the page stands still.
			assertThat(page.locator("#step-where-heading")).isFocused();
			assertThat(page.locator("#map .leaflet-overlay-pane path").first()).isAttached();
		}
	}

	private Page phone(BrowserSession browser, String locale) {
		return browser
			.newPage(new Browser.NewContextOptions().setViewportSize(390, 844).setLocale(locale).setHasTouch(true));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
