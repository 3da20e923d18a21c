package de.quartierdispatch.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import de.quartierdispatch.support.Accessibility;
import de.quartierdispatch.support.BrowserExtension;
import de.quartierdispatch.support.BrowserExtension.BrowserSession;
import de.quartierdispatch.support.Fixtures;
import de.quartierdispatch.support.IntegrationTest;
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
 * What the law asks of a public-sector site: the accessibility statement with a feedback
 * form that reaches the administrators and is answered, and a Leichte Sprache page, both
 * reachable from every public page and free of serious or critical axe-core violations.
 */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
class AccessibilityPagesBrowserIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient client;

	@Test
	void everyPublicPageLinksTheStatementAndTheLeichteSprachePage(BrowserSession browser) {
		Page page = phone(browser, "de-DE");
		for (String path : List.of("/", "/status", "/mail/stop?t=0", "/barrierefreiheit", "/leichte-sprache",
				"/gibtsnicht")) {
			page.navigate(url(path));
			assertThat(page.locator(".site-links a[href='/barrierefreiheit']")).hasText("Barrierefreiheit");
			assertThat(page.locator(".site-links a[href='/leichte-sprache']")).hasText("Leichte Sprache");
		}
	}

	/**
	 * The mail stop page keeps the keyboard: on the button while it is refused, on the
	 * sentence that says mail stopped once it did.
	 */
	@Test
	void stoppingMailKeepsTheKeyboardOnThePage(BrowserSession browser) {
		Page page = phone(browser, "de-DE");
		page.navigate(url("/mail/stop?t=0&lang=de"));
		Locator stop = page.getByRole(AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Keine E-Mails mehr senden"));
		stop.click();
		assertThat(page.locator("#result")).not().isEmpty();
		assertThat(stop).isFocused();

		String code = Fixtures.submitReportWithMail(this.client, "LITTER", "Sperrmüll vor dem Haus", 51.5259, 6.9129,
				"stop-" + UUID.randomUUID() + "@example.org");
		String token = TestDatabase.queryString("SELECT m.stop_token FROM reporter_mail m JOIN report r "
				+ "ON r.id = m.report_id WHERE r.tracking_code = '" + code + "'");
		page.navigate(url("/mail/stop?t=" + token + "&lang=de"));
		stop.click();
		assertThat(page.locator("#result")).hasText("Erledigt: Sie erhalten zu dieser Meldung keine E-Mails mehr.");
		assertThat(page.locator("#result")).isFocused();
		assertThat(stop).isHidden();
		assertThat(TestDatabase
			.queryString("SELECT stopped_at IS NOT NULL FROM reporter_mail WHERE stop_token = '" + token + "'"))
			.isEqualTo("t");
		Accessibility.assertNoSeriousViolations(page);
	}

	/**
	 * A mistyped link from a letter: a page that says where to go next, in the reader's
	 * language.
	 */
	@Test
	void anUnknownAddressShowsWhereToGoNextInArabic(BrowserSession browser) {
		Page page = phone(browser, "ar");
		Response answer = page.navigate(url("/status-meiner-meldung"));
		assertThat(answer.status()).isEqualTo(404);
		page.locator("#language").selectOption("ar");
		assertThat(page.locator("h1")).hasText("هذه الصفحة غير موجودة");
		assertThat(page.locator("html")).hasAttribute("dir", "rtl");
		page.locator("main a[href='/status']").click();
		page.waitForURL("**/status");
		Accessibility.assertNoSeriousViolations(page);
	}

	/**
	 * The parts every page shares carry their German text from the start, as the pages'
	 * own HTML does: a screen reader or a checker that comes before the translations (a
	 * slow line, a file held up) finds no empty link, label or heading.
	 */
	@Test
	void theSharedPartsOfAPageAreReadableBeforeItsTranslationsArrive(BrowserSession browser) {
		Page page = phone(browser, "ar");
		List<Route> held = new ArrayList<>();
		page.route("**/i18n/**", held::add);
		for (String path : List.of("/", "/login", "/barrierefreiheit")) {
			page.navigate(url(path));
			page.waitForCondition(() -> !held.isEmpty());
			assertThat(page.locator(".skip-link")).hasText("Zum Inhalt springen");
			assertThat(page.locator(".site-header__title"))
				.hasText(path.equals("/login") ? "Quartier Dispatch" : "Meldung an Ihre Stadt");
			assertThat(page.getByLabel("Sprache")).isAttached();
			Object unnamed = page.evaluate("() => [...document.querySelectorAll('a, label, h1')]"
					+ ".filter((element) => element.checkVisibility() && !element.textContent.trim()"
					+ " && !element.getAttribute('aria-label')).map((element) => element.outerHTML)");
			assertThat((List<?>) unnamed).as("links, labels and headings without text on " + path).isEmpty();
			held.forEach(Route::resume);
			held.clear();
		}
		page.unrouteAll();
		page.navigate(url("/"));
		assertThat(page.locator(".skip-link")).not().hasText("Zum Inhalt springen");
	}

	@Test
	void theStatementTakesFeedbackThatAdministratorsReadAndAnswer(BrowserSession browser) {
		Page page = phone(browser, "de-DE");
		page.navigate(url("/"));
		page.locator(".site-links a[href='/barrierefreiheit']").click();
		assertThat(page.locator("h1")).hasText("Erklärung zur Barrierefreiheit");
		assertThat(page.locator("#conformance")).containsText("teilweise");
		assertThat(page.locator("#gaps li")).hasCount(3);
		Accessibility.assertNoSeriousViolations(page);

		// Sent empty: said at the field and in a summary that takes the keyboard.
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Senden")).click();
		assertThat(page.locator("#feedback-message")).hasAttribute("aria-invalid", "true");
		assertThat(page.locator("#feedback-errors h2")).isFocused();
		Accessibility.assertNoSeriousViolations(page);

		String message = "Die Karte lässt sich mit dem Screenreader nicht bedienen " + System.nanoTime();
		page.getByLabel("Ihre Nachricht").fill(message);
		assertThat(page.locator("#feedback-message")).not().hasAttribute("aria-invalid", "true");
		page.getByLabel("E-Mail für die Antwort (freiwillig)").fill("leser@example.org");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Senden")).click();
		assertThat(page.locator("#feedback-result")).hasText("Vielen Dank. Ihre Nachricht ist bei uns angekommen.");

		long id = TestDatabase
			.queryLong("SELECT id FROM accessibility_feedback WHERE message = '" + message.replace("'", "''") + "'");
		WebTestClient admin = StaffLogin.as(this.client, "admin");
		admin.get()
			.uri("/api/admin/accessibility-feedback")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((inbox) -> assertThat(inbox).contains(message));
		admin.post()
			.uri("/api/admin/accessibility-feedback/{id}/answer", id)
			.bodyValue(Map.of("answer", "Danke, die Adresssuche ist die Alternative; wir bessern nach."))
			.exchange()
			.expectStatus()
			.isNoContent();
		assertThat(TestDatabase.queryString("SELECT answer FROM accessibility_feedback WHERE id = " + id))
			.startsWith("Danke");
	}

	@Test
	void theStatementInArabicAndTheLeichteSprachePageHaveNoSeriousViolations(BrowserSession browser) {
		Page page = phone(browser, "ar");
		page.navigate(url("/barrierefreiheit"));
		page.locator("#language").selectOption("ar");
		assertThat(page.locator("html")).hasAttribute("dir", "rtl");
		assertThat(page.locator("#gaps li")).hasCount(3);
		Accessibility.assertNoSeriousViolations(page);

		page.navigate(url("/leichte-sprache"));
		assertThat(page.locator("h1")).hasText("Probleme im Stadtteil melden");
		Accessibility.assertNoSeriousViolations(page);
	}

	private Page phone(BrowserSession browser, String locale) {
		return browser
			.newPage(new Browser.NewContextOptions().setViewportSize(390, 844).setLocale(locale).setHasTouch(true));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
