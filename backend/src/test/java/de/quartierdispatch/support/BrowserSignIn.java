package de.quartierdispatch.support;

import java.time.Clock;

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
		page.getByLabel("Benutzername").fill(username);
		page.getByLabel("Passwort").fill(StaffLogin.PASSWORD);
		step(page, "password of " + username, "/api/auth/login", "**/mfa?next=" + path,
				() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Anmelden")).click());
		page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true))
			.fill(app.nextCode(Clock.systemUTC(), StaffLogin.TIME_STEP_TOLERANCE));
		step(page, "second factor of " + username, "/api/auth/mfa/verify", target,
				() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bestätigen")).click());
		return page;
	}

	/**
	 * Submits a step's form with {@code action}, then waits for the server's answer to
	 * {@code api} and for the page it leads to.
	 */
	private static void step(Page page, String what, String api, String next, Runnable action) {
		Response answer;
		try {
			answer = page.waitForResponse(
					(response) -> response.url().endsWith(api) && "POST".equals(response.request().method()), action);
		}
		catch (TimeoutError ex) {
			throw new AssertionError("The " + what + " was never sent; the page stands at " + page.url(), ex);
		}
		if (answer.status() != 200) {
			throw new AssertionError("The " + what + " was refused with " + answer.status() + ": " + answer.text());
		}
		try {
			page.waitForURL(next);
		}
		catch (TimeoutError ex) {
			throw new AssertionError("After the " + what + " the page stands at " + page.url() + ", not " + next, ex);
		}
	}

}
