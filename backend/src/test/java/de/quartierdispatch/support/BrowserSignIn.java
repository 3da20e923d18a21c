package de.quartierdispatch.support;

import java.time.Clock;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A staff member signs in in the browser as a person does: the page they wanted, the
 * sign-in form, the code from their authenticator app (set up through the API first, see
 * {@link StaffLogin#authenticator}), and back to the page.
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
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Anmelden")).click();
		page.waitForURL("**/mfa?next=" + path);
		page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true))
			.fill(app.nextCode(Clock.systemUTC(), StaffLogin.TIME_STEP_TOLERANCE));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bestätigen")).click();
		page.waitForURL(target);
		return page;
	}

}
