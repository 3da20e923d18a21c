package de.quartierdispatch.web;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitUntilState;
import de.quartierdispatch.support.Accessibility;
import de.quartierdispatch.support.AuthenticatorApp;
import de.quartierdispatch.support.BrowserExtension;
import de.quartierdispatch.support.BrowserExtension.BrowserSession;
import de.quartierdispatch.support.BrowserSignIn;
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
 * A team lead's first sign-in in a real browser: the password, then setting up the
 * authenticator app from the QR code's secret shown as text (the test computes the codes
 * from it, as the app would), the recovery codes shown once, the board. The next sign-in
 * asks for a code: a wrong one is refused on the page, the right one opens the board. An
 * administrator resets a member's second factor on the admin page.
 */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
class SecondFactorBrowserIntegrationTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient client;

	@Test
	void someoneTypingBeforeTheSignInScriptArrivesKeepsTypingWhereTheyAre(BrowserSession browser) {
		Page page = browser.newPage();
		List<Route> held = new CopyOnWriteArrayList<>();
		page.route("**/js/login/signIn.js", held::add);
		page.navigate("http://localhost:" + this.port + "/login",
				new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
		page.getByLabel("Benutzername").fill("dispatcher");
		page.getByLabel("Passwort").focus();
		page.keyboard().type("geheim");
		page.waitForCondition(() -> !held.isEmpty());
		held.get(0).resume();

		assertThat(page.locator("#login-submit")).isEnabled();
		page.keyboard().type("-weiter");
		assertThat(page.getByLabel("Passwort")).isFocused();
		assertThat(page.getByLabel("Passwort")).hasValue("geheim-weiter");
		assertThat(page.getByLabel("Benutzername")).hasValue("dispatcher");
	}

	@Test
	void aTeamLeadSetsUpTheAppAtTheFirstSignInAndGivesItsCodeAtTheNext(BrowserSession browser) {
		String username = teamLead();
		Page page = browser.newPage();
		signInWithPassword(page, username);

		assertThat(heading(page)).hasText("Zweiten Faktor einrichten");
		assertThat(page.locator("#qr")).isVisible();
		assertThat((Boolean) page.locator("#qr").evaluate("image => image.complete && image.naturalWidth > 0"))
			.as("the QR code, drawn by the server")
			.isTrue();
		Accessibility.assertNoSeriousViolations(page);
		page.screenshot(
				new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("mfa-enrol-de.png")).setFullPage(true));
		AuthenticatorApp app = new AuthenticatorApp(page.locator("#secret").textContent());
		Instant now = Instant.now();
		app.used(now);
		page.getByLabel("Code aus der App").fill(app.codeAt(now));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Einrichtung abschließen")).click();

		assertThat(page.locator("#recovery-codes li")).hasCount(10);
		Accessibility.assertNoSeriousViolations(page);
		page.screenshot(
				new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("mfa-recovery-de.png")).setFullPage(true));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Weiter")).click();
		page.waitForURL(url("/board"));
		assertThat(page.locator("h1")).hasText("Einsatzübersicht");
		assertThat(page.locator("#connection")).hasClass(Pattern.compile(".*connection--live.*"),
				new LocatorAssertions.HasClassOptions().setTimeout(15000));

		page.locator("#logout").click();
		// The sign-out's own redirect, or the board's when its stream is closed by the
		// sign-out first (then with ?next=/board): both land on the sign-in page.
		page.waitForURL(Pattern.compile("^http://localhost:\\d+/login(\\?next=/board)?$"));
		signInWithPassword(page, username);
		assertThat(heading(page)).hasText("Code aus der Authenticator-App");
		page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true))
			.fill(app.wrongCodeAt(Instant.now(), StaffLogin.TIME_STEP_TOLERANCE));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bestätigen")).click();
		assertThat(page.locator("#code-errors")).containsText("Der Code ist nicht richtig");
		Accessibility.assertNoSeriousViolations(page);
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("mfa-code-de.png")).setFullPage(true));
		BrowserSignIn.code(page, username, app.nextCode(Clock.systemUTC(), StaffLogin.TIME_STEP_TOLERANCE),
				url("/board"));
		assertThat(page.locator("h1")).hasText("Einsatzübersicht");
	}

	/**
	 * Staff pages come in German and English: a phone set to Arabic gets the German page,
	 * complete (no untranslated keys), at phone size.
	 */
	@Test
	void onAPhoneSetToArabicThePagesAreCompleteInGerman(BrowserSession browser) {
		String username = teamLead();
		Page page = browser
			.newPage(new Browser.NewContextOptions().setViewportSize(390, 844).setLocale("ar-SY").setIsMobile(true));
		signInWithPassword(page, username);
		assertThat(page.locator("#secret")).not().isEmpty();
		assertThat(page.locator("html")).hasAttribute("lang", "de");
		assertThat(page.locator("main")).not().containsText("mfa.");
		page.screenshot(
				new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("mfa-enrol-ar.png")).setFullPage(true));
		AuthenticatorApp app = new AuthenticatorApp(page.locator("#secret").textContent());
		Instant now = Instant.now();
		app.used(now);
		page.getByLabel("Code aus der App").fill(app.codeAt(now));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Einrichtung abschließen")).click();
		assertThat(page.locator("#recovery-codes li")).hasCount(10);
		// A new browser session: the next sign-in asks for a code.
		page.context().clearCookies();
		signInWithPassword(page, username);
		assertThat(page.locator("#code")).isVisible();
		assertThat(page.locator("main")).not().containsText("mfa.");
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("mfa-code-ar.png")).setFullPage(true));
	}

	@Test
	void anAdministratorResetsAMembersSecondFactorOnTheAdminPage(BrowserSession browser) {
		String username = teamLead();
		StaffLogin.sessionToken(this.client, username);
		Page page = BrowserSignIn.to(browser.newPage(), this.client, this.port, "admin", "/admin");

		page.locator("#user-table")
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(username))
			.click();
		assertThat(page.locator("#user-second-factor-status")).containsText("Authenticator-App eingerichtet am");
		page.onDialog((dialog) -> dialog.accept());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Zweiten Faktor zurücksetzen")).click();
		assertThat(page.locator("#message"))
			.containsText("Der zweite Faktor von " + username + " wurde zurückgesetzt.");
		assertThat(page.locator("#user-second-factor-status")).containsText("Nicht eingerichtet");
		Accessibility.assertNoSeriousViolations(page);
		// Their own second factor an administrator does not reset: the page says who
		// does.
		page.locator("#user-table").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("admin")).click();
		assertThat(page.locator("#user-second-factor-own")).containsText("eine andere Administratorin");
		assertThat(page.locator("#user-second-factor-reset")).isHidden();
		assertThat(TestDatabase.queryString("SELECT count(*) FROM audit_log WHERE action = 'USER_SECOND_FACTOR_RESET' "
				+ "AND details ->> 'user' = (SELECT id::text FROM staff_user WHERE username = '" + username + "')"))
			.isEqualTo("1");
	}

	/**
	 * A member who starts setting up a new app can step back: the new key is left
	 * unconfirmed and the app set up before keeps working. A member whose sign-in waits
	 * for the set-up has no such way round it.
	 */
	@Test
	void aMemberWhoStartsSettingUpANewAppCanCancelAndKeepsTheOldOne(BrowserSession browser) {
		String username = teamLead();
		Page page = BrowserSignIn.to(browser.newPage(), this.client, this.port, username, "/board");
		page.navigate(url("/mfa"));
		assertThat(page.locator("#status-text")).containsText("Ihre Authenticator-App ist seit");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Neue Authenticator-App einrichten"))
			.click();
		assertThat(heading(page)).hasText("Neue Authenticator-App einrichten");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Abbrechen")).click();
		assertThat(heading(page)).hasText("Zweiter Faktor");
		assertThat(heading(page)).isFocused();
		assertThat(page.locator("#status-text")).containsText("Ihre Authenticator-App ist seit");
		Accessibility.assertNoSeriousViolations(page);

		// The old app still signs in (StaffLogin gives its code); a new sign-in that must
		// set up its app first is not offered the way out.
		StaffLogin.sessionToken(this.client, username);
		Page newcomer = browser.newPage();
		signInWithPassword(newcomer, teamLead());
		assertThat(heading(newcomer)).hasText("Zweiten Faktor einrichten");
		assertThat(newcomer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Abbrechen"))).isHidden();
	}

	/**
	 * A new phone replaces the app in force only with a code of the old one (or a
	 * recovery code): the session alone, on a computer left signed in, is not enough.
	 */
	@Test
	void aMemberReplacesTheirAppOnlyWithACodeOfTheOldOne(BrowserSession browser) {
		String username = teamLead();
		AuthenticatorApp old = StaffLogin.authenticator(this.client, username);
		Page page = BrowserSignIn.to(browser.newPage(), this.client, this.port, username, "/board");
		page.navigate(url("/mfa"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Neue Authenticator-App einrichten"))
			.click();
		assertThat(heading(page)).hasText("Neue Authenticator-App einrichten");
		AuthenticatorApp replacement = new AuthenticatorApp(page.locator("#secret").textContent());
		Instant now = Instant.now();
		page.getByLabel("Code aus der App").fill(replacement.codeAt(now));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Einrichtung abschließen")).click();
		assertThat(page.locator("#enrol-errors")).containsText("Code der bisherigen App");
		assertThat(page.locator("#enrol-current")).hasAttribute("aria-invalid", "true");
		Accessibility.assertNoSeriousViolations(page);

		page.getByLabel("Code der bisherigen App oder ein Wiederherstellungscode")
			.fill(old.nextCode(Clock.systemUTC(), StaffLogin.TIME_STEP_TOLERANCE));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Einrichtung abschließen")).click();
		assertThat(page.locator("#recovery-codes li")).hasCount(10);
		assertThat(TestDatabase.queryString(
				"SELECT count(*) FROM staff_totp t JOIN staff_user u ON u.id = t.user_id " + "WHERE u.username = '"
						+ username + "' AND t.new_secret IS NULL AND t.enrolled_at > now() - interval '1 minute'"))
			.isEqualTo("1");
	}

	/** The page's visible main heading (the second factor's page has one per step). */
	private static Locator heading(Page page) {
		return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
	}

	/** An exact address: "**" + "/board" would match /mfa?next=/board as well. */
	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private void signInWithPassword(Page page, String username) {
		page.navigate("http://localhost:" + this.port + "/board");
		page.waitForURL("**/login?next=/board");
		BrowserSignIn.password(page, username, "**/mfa?next=/board");
	}

	private static String teamLead() {
		String username = "lead-" + UUID.randomUUID().toString().substring(0, 8);
		TestDatabase.queryLong("INSERT INTO staff_user (username, display_name, password_hash, roles) SELECT '"
				+ username + "', 'Test Lead', password_hash, '{DISPATCHER}' FROM staff_user "
				+ "WHERE username = 'dispatcher' RETURNING id");
		return username;
	}

}
