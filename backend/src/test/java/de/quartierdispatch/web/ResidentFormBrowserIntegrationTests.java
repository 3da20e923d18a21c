package de.quartierdispatch.web;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import de.quartierdispatch.support.Accessibility;
import de.quartierdispatch.support.BrowserExtension;
import de.quartierdispatch.support.BrowserExtension.BrowserSession;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.PersonalData;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resident reports through the public form in a real browser, on a phone-sized screen,
 * and follows the report on its status page.
 */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
class ResidentFormBrowserIntegrationTests {

	/** The pin's point (the bottom middle of Leaflet's icon) at the map's middle. */
	private static final String PIN_UNDER_THE_CROSS = """
			() => {
			  const map = document.querySelector('#map').getBoundingClientRect();
			  const pin = document.querySelector('#map .leaflet-marker-icon')?.getBoundingClientRect();
			  return pin !== undefined && Math.abs(pin.left + pin.width / 2 - (map.left + map.width / 2)) < 3
			    && Math.abs(pin.bottom - (map.top + map.height / 2)) < 3;
			}""";

	@LocalServerPort
	private int port;

	@Test
	void residentReportsInGermanByAddressAndFollowsTheStatus(BrowserSession browser) throws SQLException {
		Page page = phone(browser, "de-DE");
		page.navigate(url("/"));
		page.locator("#language").selectOption("de");
		assertThat(page.locator("#steps [aria-current=step]")).hasText("Was ist passiert?");
		Accessibility.assertNoSeriousViolations(page);
		page.getByLabel("Lärm").check();
		page.getByLabel("Beschreibung").fill("Seit Tagen laute Musik bis nach Mitternacht im Hinterhof.");
		page.getByText("Das ist schon öfter passiert").click();
		next(page, "what");
		// A house number the city does not list: said, not silently replaced by a
		// neighbour.
		page.getByLabel("Adresse suchen").fill("hansastr 12");
		assertThat(page.locator("#address-listbox [role=option]").first()).hasText("Hansastraße 9, 46236 Bottrop");
		assertThat(page.locator("#address-number"))
			.hasText("Die Hausnummer 12 ist nicht verzeichnet; die nächsten Nummern der Straße stehen oben.");
		page.getByLabel("Adresse suchen").fill("hansastr 16");
		page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Hansastraße 16, 46236 Bottrop")).click();
		assertThat(page.locator("#address-number")).isHidden();
		assertThat(page.locator("#quarter-status")).hasText("Quartier: Mitte");
		Accessibility.assertNoSeriousViolations(page);
		next(page, "where");
		Accessibility.assertNoSeriousViolations(page);
		page.getByLabel("Ich möchte kontaktiert werden können").check();
		page.getByLabel("Name (freiwillig)").fill(PersonalData.NAME);
		page.getByLabel("E-Mail (freiwillig)").fill(PersonalData.EMAIL);
		page.getByLabel("Telefon (freiwillig)").fill(PersonalData.PHONE);
		page.locator("#consent").check();
		next(page, "contact");
		assertThat(page.locator("#review")).containsText("Hansastraße 16");
		assertThat(page.locator("#review")).containsText(PersonalData.EMAIL);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Meldung senden")).click();
		assertThat(page.locator("#confirmation")).isVisible();
		String code = page.locator("#tracking-code").textContent();
		assertThat(code).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
		Accessibility.assertNoSeriousViolations(page);
		page.getByText("Stand ansehen").click();
		assertThat(page.locator("#result-code")).hasText(code);
		assertThat(page.locator("#result-progress [aria-current=step]")).hasText("Eingegangen");
		Accessibility.assertNoSeriousViolations(page);
		assertStored(code, "WEB", "de", "Mitte");
	}

	@Test
	void residentReportsInArabicRightToLeftByTappingTheMap(BrowserSession browser) throws SQLException {
		Page page = phone(browser, "ar");
		page.navigate(url("/"));
		page.locator("#language").selectOption("ar");
		assertThat(page.locator("html")).hasAttribute("dir", "rtl");
		assertThat(page.locator("html")).hasAttribute("lang", "ar");
		assertThat(page.locator("h1")).hasText("الإبلاغ عن أمر في حيّك");
		// Where to come in person instead: the weekdays in Arabic, the languages by their
		// own
		// names.
		Locator inPerson = page.locator("#in-person");
		assertThat(inPerson.locator("h2")).hasText("هل تفضّل الحضور شخصيًا؟");
		Locator boy = inPerson.locator("li", new Locator.LocatorOptions().setHasText("Anlaufstelle Boy"));
		assertThat(boy).containsText("Johannesstraße 12, 46238 Bottrop");
		assertThat(boy).containsText("الاثنين");
		assertThat(boy.locator("bdi[lang=tr]")).hasText("Türkçe");
		page.getByLabel("شباب / مجموعات في الأماكن العامة").check();
		page.getByLabel("الوصف").fill("مجموعة من الشباب تجلس كل مساء أمام المدخل وتصرخ.");
		next(page, "what");
		// Without a tile server the map is the quarter polygons; its centre lies in a
		// quarter. Picked from the keyboard: Enter takes the place under the cross in the
		// middle, as the map's description says.
		assertThat(page.locator("#" + page.locator("#map").getAttribute("aria-describedby"))).containsText("Enter");
		// Enter straight after an arrow key, while the map still glides: the pin goes
		// where
		// the cross ends up, not where it was when the key went down.
		page.locator("#map").press("ArrowUp");
		page.locator("#map").press("Enter");
		page.waitForFunction(PIN_UNDER_THE_CROSS);
		// The hint beside the zoom buttons, which are on the right in Arabic, not under
		// them.
		Locator hint = page.locator("#map .map-keyboard-hint");
		assertThat(hint).isVisible();
		BoundingBox hintBox = hint.boundingBox();
		BoundingBox zoomBox = page.locator("#map .leaflet-control-zoom").boundingBox();
		assertThat(hintBox.x + hintBox.width).isLessThanOrEqualTo(zoomBox.x);
		assertThat(page.locator("#quarter-status")).hasClass("map-status map-status--ok");
		assertThat(page.locator("#quarter-status")).containsText("الحي:");
		assertThat(page.locator("#map .leaflet-marker-icon")).hasAttribute("alt", "المكان المختار");
		// The zoom buttons change sides with the page: at the map's right edge.
		BoundingBox map = page.locator("#map").boundingBox();
		BoundingBox zoom = page.locator("#map .leaflet-control-zoom").boundingBox();
		assertThat(map.x + map.width - (zoom.x + zoom.width)).isBetween(0.0, 20.0);
		// ... and are named in the page's language, not in Leaflet's English.
		assertThat(page.locator("#map .leaflet-control-zoom-in")).hasAttribute("aria-label", "تكبير");
		assertThat(page.locator("#map .leaflet-control-zoom-out")).hasAttribute("aria-label", "تصغير");
		next(page, "where");
		next(page, "contact");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("إرسال البلاغ")).click();
		assertThat(page.locator("#confirmation")).isVisible();
		// On the phone, the tracking code is in view at once, not below the fold.
		assertThat(page.locator("#tracking-code")).isInViewport();
		assertThat(page.locator("#status-link")).isInViewport();
		String code = page.locator("#tracking-code").textContent();
		Accessibility.assertNoSeriousViolations(page);
		// Typed on an Arabic keyboard, with its digits and another dash: found, and shown
		// as it is written.
		StringBuilder typed = new StringBuilder();
		code.chars()
			.forEach((c) -> typed
				.append(Character.isDigit(c) ? (char) ('\u0660' + (c - '0')) : (c == '-') ? '\u2013' : (char) c));
		page.navigate(url("/status/" + java.net.URLEncoder.encode(typed.toString(), StandardCharsets.UTF_8)));
		assertThat(page.locator("html")).hasAttribute("dir", "rtl");
		assertThat(page.locator("#result-progress [aria-current=step]")).hasText("تم الاستلام");
		assertThat(page).hasURL(url("/status/" + code));
		Accessibility.assertNoSeriousViolations(page);
		assertStored(code, "WEB", "ar", null);
	}

	@Test
	void formShowsErrorsTiedToTheirFields(BrowserSession browser) {
		Page page = phone(browser, "en-GB");
		page.navigate(url("/"));
		page.locator("#language").selectOption("en");
		page.getByLabel("Description").fill("too short");
		next(page, "what");
		assertThat(page.locator("#error-summary")).isVisible();
		assertThat(page.locator("#description")).hasAttribute("aria-invalid", "true");
		assertThat(page.locator("#description")).hasAttribute("aria-describedby",
				java.util.regex.Pattern.compile(".*error-description.*"));
		assertThat(page.locator("#error-description")).containsText("10 to 2000 characters");
		Accessibility.assertNoSeriousViolations(page);

		// A code that names no report: said at the code, and the keyboard goes to what is
		// wrong.
		page.navigate(url("/status/ABCD-EFGH-JKMN"));
		assertThat(page.locator("#code")).hasAttribute("aria-invalid", "true");
		assertThat(page.locator("#error-code"))
			.hasText("There is no report with this code. Please check the code on your confirmation.");
		assertThat(page.locator("#lookup-errors h2")).isFocused();
		Accessibility.assertNoSeriousViolations(page);
	}

	private Page phone(BrowserSession browser, String locale) {
		return browser
			.newPage(new Browser.NewContextOptions().setViewportSize(390, 844).setLocale(locale).setHasTouch(true));
	}

	private static void next(Page page, String step) {
		page.locator("[data-step=" + step + "] [data-next]").click();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static void assertStored(String code, String channel, String language, String quarter) throws SQLException {
		try (Connection connection = TestDatabase.connectToTestDatabase();
				PreparedStatement query = connection.prepareStatement("""
						SELECT r.channel, r.language, q.name AS quarter FROM report r
						LEFT JOIN quarter q ON q.id = r.quarter_id WHERE r.tracking_code = ?
						""")) {
			query.setString(1, code);
			try (ResultSet row = query.executeQuery()) {
				assertThat(row.next()).as("report %s is stored", code).isTrue();
				assertThat(row.getString("channel")).isEqualTo(channel);
				assertThat(row.getString("language")).isEqualTo(language);
				if (quarter != null) {
					assertThat(row.getString("quarter")).isEqualTo(quarter);
				}
				else {
					assertThat(row.getString("quarter")).isNotNull();
				}
			}
		}
	}

}
