package de.quartierdispatch.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Media;
import de.quartierdispatch.support.Accessibility;
import de.quartierdispatch.support.BrowserExtension;
import de.quartierdispatch.support.BrowserExtension.BrowserSession;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.PersonalData;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TellingPhotos;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Counter staff sign in, enter a walk-in by address, are shown the open incident a
 * neighbour reported there, and print the receipt.
 */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
class CounterBrowserIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient client;

	@TempDir
	Path files;

	@Test
	void counterStaffEnterAWalkInSeeTheNearbyDuplicateAndPrintTheReceipt(BrowserSession browser) throws IOException {
		neighbourReportsLitterAt(51.52910, 6.93950);
		Page page = browser.newPage();
		page.navigate(url("/counter"));
		page.waitForURL("**/login?next=/counter");
		Accessibility.assertNoSeriousViolations(page);
		page.getByLabel("Benutzername").fill("counter");
		page.getByLabel("Passwort").fill(StaffLogin.PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Anmelden")).click();
		page.waitForURL("**/counter");
		// The desk starts at the account's own contact point.
		assertThat(page.locator("#contact-point")).hasValue(
				TestDatabase.queryString("SELECT contact_point_id::text FROM staff_user WHERE username = 'counter'"));
		page.getByLabel("Kategorie").selectOption("LITTER");
		page.getByLabel("Beschreibung").fill("Sperrmüll an der Ecke, seit einer Woche, Ratten gesehen.");
		page.getByLabel("Adresse suchen").fill("prosperstr 2");
		page.locator("#address-listbox").getByRole(AriaRole.OPTION).first().click();
		assertThat(page.locator("#nearby")).containsText("Gehört die Meldung dazu?");
		assertThat(page.locator("#nearby")).containsText("Sperrmüll vor dem Haus");
		page.getByLabel("Sprache der meldenden Person").selectOption("uk");
		page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Name").setExact(true))
			.fill(PersonalData.OTHER_NAME);
		page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Telefon")).fill(PersonalData.OTHER_PHONE);
		page.getByLabel("Einwilligung in die Speicherung der Kontaktdaten liegt vor").check();
		Path photo = this.files.resolve("ecke.jpg");
		Files.write(photo, TellingPhotos.jpegWithMetadata());
		page.getByLabel("Fotos (bis zu 3, z. B. vom Handy der Person)").setInputFiles(photo);
		assertThat(page.locator("#photo-list li")).hasCount(1);
		Accessibility.assertNoSeriousViolations(page);
		// Pressed twice in a hurry, the shortcut saves the walk-in once.
		page.getByLabel("Beschreibung").focus();
		page.keyboard().press("Control+Enter");
		page.keyboard().press("Control+Enter");
		assertThat(page.locator("#receipt")).isVisible();
		assertThat(page.locator("#receipt-body")).hasAttribute("lang", "uk");
		assertThat(page.locator("#receipt-heading")).hasText("Підтвердження вашого повідомлення");
		assertThat(page.locator("#receipt-code"))
			.hasText(java.util.regex.Pattern.compile("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"));
		assertThat(page.locator("#receipt-status-url")).containsText("/status/");
		assertThat(page.locator("#photo-results li")).containsText("hinzugefügt");
		String code = page.locator("#receipt-code").textContent();
		org.assertj.core.api.Assertions
			.assertThat(TestDatabase.queryLong("SELECT count(*) FROM photo p JOIN report r ON r.id = p.report_id "
					+ "WHERE r.tracking_code = '" + code + "' AND p.uploaded_by LIKE 'staff:%'"))
			.as("the counter's photo is kept with the report")
			.isEqualTo(1);
		org.assertj.core.api.Assertions
			.assertThat(TestDatabase.queryLong("SELECT count(*) FROM report "
					+ "WHERE description = 'Sperrmüll an der Ecke, seit einer Woche, Ratten gesehen.'"))
			.as("one walk-in, one report")
			.isEqualTo(1);
		Accessibility.assertNoSeriousViolations(page);
		page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
		assertThat(page.locator("#receipt-code")).isVisible();
		assertThat(page.locator("#entry")).isHidden();
		assertThat(page.locator(".site-header")).isHidden();
		assertThat(page.locator("#photo-results")).isHidden();
	}

	private void neighbourReportsLitterAt(double lat, double lon) {
		this.client.post()
			.uri("/api/reports")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.bodyValue(Map.of("category", "LITTER", "description", "Sperrmüll vor dem Haus, seit Tagen.", "location",
					Map.of("lat", lat, "lon", lon), "language", "de"))
			.exchange()
			.expectStatus()
			.isCreated();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
