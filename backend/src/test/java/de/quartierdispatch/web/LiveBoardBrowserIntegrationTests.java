package de.quartierdispatch.web;

import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import de.quartierdispatch.support.Accessibility;
import de.quartierdispatch.support.BrowserExtension;
import de.quartierdispatch.support.BrowserExtension.BrowserSession;
import de.quartierdispatch.support.BrowserSignIn;
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

/**
 * Two team leads' boards and a field member's phone, live: a report from the public form
 * appears on both boards within two seconds, an assignment made on one board appears on
 * the other and on the field view, and the field member's "on site" appears on both
 * boards.
 */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
class LiveBoardBrowserIntegrationTests {

	private static final LocatorAssertions.IsVisibleOptions WITHIN_TWO_SECONDS = new LocatorAssertions.IsVisibleOptions()
		.setTimeout(2000);

	/** Three pages start on a busy machine: the first connection may take a while. */
	private static final LocatorAssertions.HasClassOptions STARTED = new LocatorAssertions.HasClassOptions()
		.setTimeout(15000);

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient client;

	@Test
	void boardsAndTheFieldViewFollowAReportFromTheFormToTheTeamOnSite(BrowserSession browser) {
		long team = Fixtures.team("KOD", 51.5425, 6.9683);
		String teamName = TestDatabase.queryString("SELECT name FROM team WHERE id = " + team);
		Page boardA = signIn(browser.newPage(), "dispatcher", "/board");
		Page boardB = signIn(browser.newPage(), "dispatcher", "/board");
		Page field = signIn(
				browser.newPage(new Browser.NewContextOptions().setViewportSize(390, 844).setLocale("de-DE")),
				Fixtures.fieldMember(team), "/field");
		for (Page page : new Page[] { boardA, boardB, field }) {
			assertThat(page.locator("#connection")).hasClass(Pattern.compile(".*connection--live.*"), STARTED);
		}
		Accessibility.assertNoSeriousViolations(boardA);
		Accessibility.assertNoSeriousViolations(field);

		String code = residentReportsAggressionInBoy(browser.newPage());
		long incident = TestDatabase.queryLong("SELECT incident_id FROM report WHERE tracking_code = '" + code + "'");
		Locator onA = queueEntry(boardA, incident);
		Locator onB = queueEntry(boardB, incident);
		assertThat(onA).isVisible(WITHIN_TWO_SECONDS);
		assertThat(onB).isVisible(WITHIN_TWO_SECONDS);
		assertThat(onA).containsText("P1");

		onA.click();
		Locator proposal = boardA.locator("#panel .proposals li")
			.filter(new Locator.FilterOptions().setHasText(teamName));
		proposal.getByRole(AriaRole.BUTTON).click();
		assertThat(boardA.locator("#panel .assignments")).containsText(teamName);
		assertThat(onB).containsText("disponiert");
		Locator card = field.locator("#assignments li").filter(new Locator.FilterOptions().setHasText("#" + incident));
		assertThat(card).isVisible();
		Accessibility.assertNoSeriousViolations(boardA);

		card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Vor Ort")).click();
		assertThat(queueEntry(boardA, incident)).containsText("vor Ort");
		assertThat(queueEntry(boardB, incident)).containsText("vor Ort");
		assertThat(boardA.locator("#panel .assignments")).containsText("vor Ort");

		// The team is through: the incident is still the lead's to end, and the board
		// says so.
		card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Erledigt")).click();
		assertThat(queueEntry(boardA, incident)).containsText("Team fertig – Abschluss festlegen");
		assertThat(queueEntry(boardB, incident)).containsText("Team fertig – Abschluss festlegen");

		// A new incident below P1 is said too, politely (P1 above was said assertively).
		assertThat(boardA.locator("#announcer")).containsText("Neuer P1-Vorgang #" + incident);
		long litter = Fixtures.reportIncident(this.client, "LITTER", 51.5425, 6.9683);
		assertThat(boardA.locator("#news")).containsText("Neuer Vorgang #" + litter + ", P");
		assertThat(boardA.locator("#news")).containsText("Boy-West");
	}

	/** A team that comes on duty is proposed in the open panel at once. */
	@Test
	void aTeamComingOnDutyIsProposedInTheOpenPanel(BrowserSession browser) {
		long team = Fixtures.team("KOD", 51.5425, 6.9683);
		TestDatabase.queryLong("UPDATE team SET status = 'OFF_DUTY' WHERE id = " + team + " RETURNING 1");
		String teamName = TestDatabase.queryString("SELECT name FROM team WHERE id = " + team);
		String member = Fixtures.fieldMember(team);
		long incident = Fixtures.reportIncident(this.client, "LITTER", 51.5425, 6.9683);
		Page board = signIn(browser.newPage(), "dispatcher", "/board");
		assertThat(board.locator("#connection")).hasClass(Pattern.compile(".*connection--live.*"), STARTED);
		queueEntry(board, incident).click();
		assertThat(board.locator("#panel h2")).containsText("#" + incident);
		Locator proposal = board.locator("#panel .proposals li, #panel .hint")
			.filter(new Locator.FilterOptions().setHasText(teamName));
		assertThat(proposal).hasCount(0);
		try {
			StaffLogin.as(this.client, member)
				.post()
				.uri("/api/field/team/status")
				.bodyValue(java.util.Map.of("status", "AVAILABLE"))
				.exchange()
				.expectStatus()
				.is2xxSuccessful();

			assertThat(board.locator("#panel .proposals li").filter(new Locator.FilterOptions().setHasText(teamName)))
				.isVisible();
		}
		finally {
			TestDatabase.queryLong("UPDATE team SET status = 'OFF_DUTY' WHERE id = " + team + " RETURNING 1");
		}
	}

	/**
	 * A live event does not move the queue under a pressed pointer: a lead who presses on
	 * an entry while an urgent report comes in still opens it when letting go, and then
	 * sees the new one.
	 */
	@Test
	void aReportComingInWhileTheLeadPressesAnEntryDoesNotTakeTheClick(BrowserSession browser) {
		long pressed = Fixtures.reportIncident(this.client, "LITTER", 51.5425, 6.9683);
		Page board = signIn(browser.newPage(), "dispatcher", "/board");
		assertThat(board.locator("#connection")).hasClass(Pattern.compile(".*connection--live.*"), STARTED);
		Locator entry = queueEntry(board, pressed).getByRole(AriaRole.BUTTON);
		entry.scrollIntoViewIfNeeded();
		var box = entry.boundingBox();
		board.mouse().move(box.x + box.width / 2, box.y + box.height / 2);
		board.mouse().down();

		// A P1: it goes above the pressed entry, which would move from under the pointer.
		long arriving = Fixtures.reportIncident(this.client, "AGGRESSION", 51.5425, 6.9683);
		assertThat(board.locator("#announcer")).containsText("#" + arriving);
		board.mouse().up();

		assertThat(board.locator("#panel h2")).containsText("#" + pressed);
		assertThat(entry).hasAttribute("aria-current", "true");
		assertThat(queueEntry(board, arriving)).isVisible();
	}

	private Page signIn(Page page, String username, String path) {
		return BrowserSignIn.to(page, this.client, this.port, username, path);
	}

	private String residentReportsAggressionInBoy(Page page) {
		page.navigate(url("/"));
		page.locator("#language").selectOption("de");
		page.getByLabel("Aggression / Bedrohung").check();
		page.getByLabel("Beschreibung").fill("Zwei Männer bedrohen Passanten vor dem Kiosk.");
		page.locator("[data-step=what] [data-next]").click();
		page.getByLabel("Adresse suchen").fill("johannesstr 2");
		page.locator("#address-listbox").getByRole(AriaRole.OPTION).first().click();
		assertThat(page.locator("#quarter-status")).containsText("Boy-West");
		page.locator("[data-step=where] [data-next]").click();
		page.locator("[data-step=contact] [data-next]").click();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Meldung senden")).click();
		assertThat(page.locator("#confirmation")).isVisible();
		return page.locator("#tracking-code").textContent();
	}

	private static Locator queueEntry(Page board, long incident) {
		return board.locator("#queue li").filter(new Locator.FilterOptions().setHasText("#" + incident));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
