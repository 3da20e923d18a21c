package de.quartierdispatch.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import de.quartierdispatch.support.BrowserExtension;
import de.quartierdispatch.support.BrowserExtension.BrowserSession;
import de.quartierdispatch.support.BrowserSignIn;
import de.quartierdispatch.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Counter staff work from the keyboard: the map is one Tab stop, every problem is listed
 * at once, and the contact point's location comes with its address (issue #14).
 */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
class CounterKeyboardBrowserIntegrationTests {

	@LocalServerPort
	private int port;

	@Test
	void mapIsOneTabStopBetweenTheAddressAndTheDuplicateChoice(BrowserSession browser) {
		Page page = signIn(browser);
		page.getByLabel("Kategorie").selectOption("LITTER");
		page.getByLabel("Adresse suchen").fill("prosperstr 2");
		page.locator("#address-listbox").getByRole(AriaRole.OPTION).first().click();
		assertThat(page.locator("#attach-none")).isVisible();
		page.getByLabel("Adresse suchen").focus();
		page.keyboard().press("Tab");
		assertThat(page.locator("#use-contact-point")).isFocused();
		page.keyboard().press("Tab");
		assertThat(page.locator("#map")).isFocused();
		page.keyboard().press("Tab");
		assertThat(page.locator("#attach-none")).isFocused();
	}

	@Test
	void savingAnEmptyEntryListsEveryProblemAtOnce(BrowserSession browser) {
		Page page = signIn(browser);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Speichern")).click();
		Locator summary = page.locator("#error-summary");
		assertThat(summary.locator("h2")).isFocused();
		assertThat(summary.locator("li")).hasCount(4);
		assertThat(page.locator("#error-category")).isVisible();
		assertThat(page.locator("#error-description")).isVisible();
		assertThat(page.locator("#error-location")).isVisible();
		assertThat(page.locator("#error-contact"))
			.hasText("Bitte mindestens einen Kontaktweg erfassen – oder „Kein Kontakt gewünscht“ ankreuzen.");
		page.getByLabel("Kein Kontakt gewünscht").check();
		assertThat(page.locator("#error-contact")).hasCount(0);
		assertThat(summary.locator("li")).hasCount(3);
	}

	@Test
	void contactPointLocationFillsInItsAddress(BrowserSession browser) {
		Page page = signIn(browser);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ort der Anlaufstelle übernehmen")).click();
		assertThat(page.locator("#quarter-status")).not().isEmpty();
		assertThat(page.getByLabel("Adresse suchen"))
			.hasValue(java.util.regex.Pattern.compile(".+ \\d+\\w*, \\d{5} .+"));
	}

	private Page signIn(BrowserSession browser) {
		Page page = browser.newPage();
		page.navigate("http://localhost:" + this.port + "/login?next=/counter");
		BrowserSignIn.password(page, "counter", "**/counter");
		// Ready once the form is filled in: the categories are the counter's first data.
		page.locator("#category option[value=LITTER]")
			.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
		return page;
	}

}
