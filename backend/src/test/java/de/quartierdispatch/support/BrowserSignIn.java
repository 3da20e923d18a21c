package de.quartierdispatch.support;

import java.time.Clock;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.AriaRole;

import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A staff member signs in in the browser as a person does: the page they wanted, the
 * sign-in form, the code from their authenticator app (set up through the API first, see
 * {@link StaffLogin#authenticator}), and back to the page. Each step waits for the
 * server's answer to it, and a step that goes wrong says which one, with what the server
 * answered and where the page stood.
 */
public final class BrowserSignIn {

	private BrowserSignIn() {
	}

	/** Signs {@code username} in on {@code page} and leaves it on {@code path}. */
	public static Page to(Page page, WebTestClient client, int port, String username, String path) {
		AuthenticatorApp app = StaffLogin.authenticator(client, username);
		String target = "http://localhost:" + port + path;
		page.navigate(target);
		password(page, username, "**/mfa?next=" + path);
		code(page, username, app.nextCode(Clock.systemUTC(), StaffLogin.TIME_STEP_TOLERANCE), target);
		return page;
	}

	/**
	 * Gives the password on the sign-in page {@code page} shows and waits for the page
	 * the sign-in leads to ({@code next}, a glob as {@link Page#waitForURL(String)}).
	 */
	public static void password(Page page, String username, String next) {
		password(page, username, (where) -> where.waitForURL(next), next);
	}

	/** The same, where the page the sign-in leads to is one of several. */
	public static void password(Page page, String username, Pattern next) {
		password(page, username, (where) -> where.waitForURL(next), next.pattern());
	}

	private static void password(Page page, String username, Consumer<Page> arrival, String next) {
		page.getByLabel("Benutzername").fill(username);
		page.getByLabel("Passwort").fill(StaffLogin.PASSWORD);
		step(page, "password of " + username, "/api/auth/login",
				() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Anmelden")).click());
		arrive(page, "password of " + username, arrival, next);
	}

	/** Gives a code from the authenticator app and waits for {@code next}. */
	public static void code(Page page, String username, String code, String next) {
		page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(code);
		step(page, "second factor of " + username, "/api/auth/mfa/verify",
				() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bestätigen")).click());
		arrive(page, "second factor of " + username, (where) -> where.waitForURL(next), next);
	}

	/** Submits a step's form with {@code action} and checks the server's answer to it. */
	private static void step(Page page, String what, String api, Runnable action) {
		Response answer;
		try {
			answer = page.waitForResponse(
					(response) -> response.url().endsWith(api) && "POST".equals(response.request().method()), action);
		}
		catch (TimeoutError ex) {
			throw new AssertionError("The " + what + " was never answered; the page stands at " + page.url(), ex);
		}
		if (answer.status() != 200) {
			throw new AssertionError("The " + what + " was refused with " + answer.status() + ": " + answer.text());
		}
	}

	private static void arrive(Page page, String what, Consumer<Page> arrival, String next) {
		try {
			arrival.accept(page);
		}
		catch (TimeoutError ex) {
			throw new AssertionError("After the " + what + " the page stands at " + page.url() + ", not " + next, ex);
		}
	}

}
