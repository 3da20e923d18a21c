package de.quartierdispatch.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import de.quartierdispatch.support.Accessibility;
import de.quartierdispatch.support.BrowserExtension;
import de.quartierdispatch.support.BrowserExtension.BrowserSession;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.PersonalData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The residents' form on a phone keeps its error messages true: gone once the field is
 * corrected, in the language the page is in, readable beside a checkbox, and contact
 * details left to right in right-to-left languages (issue #13).
 */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
class ResidentFormErrorsBrowserIntegrationTests {

	@LocalServerPort
	private int port;

	@Test
	void placeErrorFollowsTheLanguageAndGoesOnceAPlaceIsChosen(BrowserSession browser) {
		Page page = phone(browser, "de-DE");
		page.navigate(url("/"));
		page.locator("#language").selectOption("de");
		describeNoise(page);
		next(page, "where");
		assertThat(page.locator("#error-location"))
			.hasText("Bitte wählen Sie den Ort auf der Karte oder über die Adresssuche.");
		page.locator("#language").selectOption("ar");
		assertThat(page.locator("#error-location")).hasText("يرجى اختيار المكان على الخريطة أو عبر البحث عن العنوان.");
		assertThat(page.locator("#error-summary h2")).hasText("يرجى التحقق من بياناتك");
		page.locator("#map").click();
		assertThat(page.locator("#quarter-status")).hasClass("map-status map-status--ok");
		assertThat(page.locator("#error-location")).hasCount(0);
		assertThat(page.locator("#error-summary")).isHidden();
		assertThat(page.locator("#address")).not().hasAttribute("aria-invalid", "true");
	}

	@Test
	void correctedDescriptionLosesItsErrorWhileTheOtherStays(BrowserSession browser) {
		Page page = phone(browser, "de-DE");
		page.navigate(url("/"));
		page.locator("#language").selectOption("de");
		page.getByLabel("Beschreibung").fill("kurz");
		next(page, "what");
		assertThat(page.locator("#error-summary li")).hasCount(2);
		page.getByLabel("Beschreibung").fill("Seit Tagen laute Musik bis nach Mitternacht.");
		page.getByLabel("Beschreibung").blur();
		assertThat(page.locator("#error-description")).hasCount(0);
		assertThat(page.locator("#error-category")).isVisible();
		assertThat(page.locator("#error-summary li")).hasCount(1); // Its link takes the
																	// keyboard into the
																	// group of categories
																	// (a fieldset takes
																	// none).
		page.locator("#error-summary li a").press("Enter");
		assertThat(page.locator("#category-fieldset input[type=radio]").first()).isFocused();
	}

	@Test
	void consentErrorSpansTheFormBelowItsCheckboxAndContactDetailsRunLeftToRightInArabic(BrowserSession browser) {
		Page page = phone(browser, "ar");
		page.navigate(url("/"));
		page.locator("#language").selectOption("ar");
		assertThat(page.locator("html")).hasAttribute("dir", "rtl");
		describeNoise(page);
		page.locator("#map").click();
		assertThat(page.locator("#quarter-status")).hasClass("map-status map-status--ok");
		next(page, "where");
		page.locator("#contact-yes").check();
		page.locator("#contact-email").fill(PersonalData.EMAIL);
		page.locator("#contact-phone").fill(PersonalData.PHONE);
		assertThat(page.locator("#contact-email")).hasAttribute("dir", "ltr");
		assertThat(page.locator("#contact-phone")).hasAttribute("dir", "ltr");
		assertThat(direction(page.locator("#contact-email"))).isEqualTo("ltr");
		assertThat(direction(page.locator("#contact-phone"))).isEqualTo("ltr");
		next(page, "contact");
		Locator error = page.locator("#error-consent");
		assertThat(error).hasText("يرجى الموافقة على حفظ بيانات الاتصال أو الإبلاغ دون الكشف عن هويتك.");
		BoundingBox message = error.boundingBox();
		BoundingBox row = page.locator(".check:has(#consent)").boundingBox();
		assertThat(message.y).as("below the checkbox row").isGreaterThanOrEqualTo(row.y + row.height - 1);
		assertThat(message.width).as("as wide as the row").isGreaterThanOrEqualTo(row.width * 0.9);
		Accessibility.assertNoSeriousViolations(page);
		page.locator("#consent").check();
		assertThat(error).hasCount(0);
	}

	private static void describeNoise(Page page) {
		page.locator("#category-NOISE").check();
		page.locator("#description").fill("Seit Tagen laute Musik bis nach Mitternacht im Hinterhof.");
		next(page, "what");
	}

	private static String direction(Locator input) {
		return (String) input.evaluate("element => getComputedStyle(element).direction");
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

}
