package de.quartierdispatch.web;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import de.quartierdispatch.support.Accessibility;
import de.quartierdispatch.support.AuthenticatorApp;
import de.quartierdispatch.support.BrowserExtension;
import de.quartierdispatch.support.BrowserExtension.BrowserSession;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.RefusedRequests;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.StatsData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An analyst opens the statistics for a month of their own (April 2012, apart from every
 * other test's data) in German: the charts are drawn, the quarter map and the hexagon
 * grid show the reports, small counts are "< 3" in the tables and the legend, and
 * axe-core finds no serious or critical violation.
 */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
class StatsBrowserIntegrationTests {

	/** Whether a canvas has any pixel drawn (uPlot draws series and axes on it). */
	private static final String DRAWN = """
			(selector) => {
			  const canvas = document.querySelector(selector + ' canvas');
			  if (!canvas || !canvas.width) return false;
			  const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
			  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
			  return false;
			}
			""";

	/** Written once per run, when the application (and so its database) is up. */
	private static boolean written;

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient client;

	/**
	 * In the first quarter, 4 noise reports (reached on site and closed) and 3 litter
	 * reports a week later; one other report in the second quarter, 3.5 km east.
	 */
	@BeforeEach
	void reportsOfApril2012() {
		if (written) {
			return;
		}
		written = true;
		String first = StatsData.quarter(0);
		String second = StatsData.quarter(1);
		OffsetDateTime morning = OffsetDateTime.parse("2012-04-03T09:00:00+02:00");
		for (int i = 1; i <= 4; i++) {
			StatsData.report(first, 0, "NOISE", "WEB", morning.plusHours(i), Duration.ofMinutes(30),
					Duration.ofMinutes(15L * i), Duration.ofHours(2L * i));
		}
		for (int i = 0; i < 3; i++) {
			StatsData.report(first, 0, "LITTER", "PHONE", morning.plusDays(7), null, null, null);
		}
		StatsData.report(second, 0.05, "OTHER", "WEB", morning.plusDays(8), null, null, null);
	}

	@Test
	void anAnalystSeesChartsTheQuarterMapAndTheGridInGerman(BrowserSession browser) {
		Page page = browser.newPage();
		signIn(page, "/stats", "analyst");
		assertThat(page.locator("body")).hasAttribute("data-ready", "true");
		page.getByLabel("Von", new Page.GetByLabelOptions().setExact(true)).fill("2012-04-01");
		page.getByLabel("Bis", new Page.GetByLabelOptions().setExact(true)).fill("2012-04-30");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Anzeigen")).click();
		assertThat(page.locator("#figures li").first()).containsText("8");
		assertThat(page.locator("#grid-summary")).containsText("1 Zelle von 500 m Breite");
		assertThat(page.locator("#grid-summary")).containsText("(nicht gezeigt): 1.");
		assertThat(page.locator("#grid-cells tbody tr")).hasCount(1);
		// Named in a screen reader's list of tables after the heading above each.
		assertThat(page.locator("#by-month caption")).hasText("Nach Monat");
		assertThat(page.locator("#by-week caption")).not().isEmpty();

		assertThat(page.getByRole(AriaRole.HEADING,
				new Page.GetByRoleOptions().setName("Meldungen pro Woche nach Kategorie")))
			.isVisible();
		for (String chart : new String[] { "#weekly-chart", "#response-chart", "#resolution-chart",
				"#outcome-chart" }) {
			assertThat(page.locator(chart)).hasAttribute("role", "img");
			assertThat(page.locator(chart)).hasAttribute("aria-label", Pattern.compile(".+Tabelle.+"));
			assertThat((Boolean) page.evaluate(DRAWN, chart)).as(chart + " drawn").isTrue();
		}
		assertThat(page.locator("#weekly-legend")).containsText("Lärm");
		assertThat(page.locator("#by-week tbody tr")).hasCount(6);
		assertThat(page.locator("#by-category")).containsText("Alle Kategorien");
		// Outcomes and priorities share a table: each priority's row says that it is one.
		assertThat(page.locator("#by-outcome thead")).containsText("Ergebnis oder Priorität");
		assertThat(page.locator("#by-outcome tbody")).containsText("Priorität P");
		assertThat(page.locator("#by-category tbody tr").filter(new Locator.FilterOptions().setHasText("Lärm")))
			.containsText(Pattern.compile("50\\s%"));

		// Both maps drawn from this server's data: the quarters shaded, the grid's one
		// cell.
		assertThat(page.locator("#quarter-map .leaflet-overlay-pane path")).hasCount(2);
		assertThat(page.locator("#grid-map .leaflet-overlay-pane path")).hasCount(1);
		assertThat(page.locator("#quarter-legend")).containsText("< 3");
		assertThat(page.locator("#by-quarter tbody tr").nth(1)).containsText("< 3");
		Accessibility.assertNoSeriousViolations(page);

		// A period that ends before it starts: said at "Von" by the page, no request
		// refused.
		List<String> refused = RefusedRequests.of(page);
		page.getByLabel("Von", new Page.GetByLabelOptions().setExact(true)).fill("2012-05-01");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Anzeigen")).click();
		assertThat(page.locator("#from")).hasAttribute("aria-invalid", "true");
		assertThat(page.locator("#period-errors")).containsText("Der Zeitraum beginnt nach seinem Ende.");
		assertThat(refused).isEmpty();
		// April's figures are withdrawn: under the error they would read as May's.
		assertThat(page.locator("#result")).isHidden();
		assertThat(page.locator("#csv")).isHidden();

		// A week without times (no incident reached on site): the note, not empty axes.
		page.getByLabel("Von", new Page.GetByLabelOptions().setExact(true)).fill("2012-04-09");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Anzeigen")).click();
		assertThat(page.locator("#period-errors")).isHidden();
		assertThat(page.locator("#csv")).isVisible();
		assertThat(page.locator("#times-note")).hasText("Für Zeiten zu wenige Vorgänge (weniger als 3).");
		assertThat(page.locator("#response-chart")).isHidden();
		assertThat(page.locator("#resolution-chart")).isHidden();
	}

	private void signIn(Page page, String path, String username) {
		AuthenticatorApp app = StaffLogin.authenticator(this.client, username);
		page.navigate("http://localhost:" + this.port + path);
		page.waitForURL("**/login?next=" + path);
		// Sent empty, the form names each missing field where it is.
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Anmelden")).click();
		assertThat(page.locator("#username")).hasAttribute("aria-invalid", "true");
		assertThat(page.locator("#error-summary")).containsText("Bitte geben Sie Ihren Benutzernamen ein.");
		assertThat(page.locator("#error-summary")).containsText("Bitte geben Sie Ihr Passwort ein.");
		page.getByLabel("Benutzername").fill(username);
		page.getByLabel("Passwort").fill(StaffLogin.PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Anmelden")).click();
		// An analyst needs a second factor only where MFA_REQUIRED_ROLES says so.
		page.waitForURL(Pattern.compile("^http://localhost:\\d+(/mfa\\?next=)?" + path + "$"));
		if (page.url().contains("/mfa")) {
			page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true))
				.fill(app.nextCode(Clock.systemUTC(), StaffLogin.TIME_STEP_TOLERANCE));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bestätigen")).click();
			page.waitForURL(Pattern.compile("^http://localhost:\\d+" + path + "$"));
		}
	}

}
