package de.quartierdispatch.web;

import java.util.regex.Pattern;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import de.quartierdispatch.support.Accessibility;
import de.quartierdispatch.support.BrowserExtension;
import de.quartierdispatch.support.BrowserExtension.BrowserSession;
import de.quartierdispatch.support.BrowserSignIn;
import de.quartierdispatch.support.Fixtures;
import de.quartierdispatch.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worst night on the board: with thousands of open incidents the queue draws only what
 * is in view (each entry knowing its place in the whole), scrolls to the end, and a click
 * on a far entry opens it. The snapshot is the real one with copies of a real incident
 * added, so that no other test's board fills up.
 */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
class LongQueueBrowserIntegrationTests {

	private static final int COPIES = 3000;

	/** Far above any real incident number of a test run. */
	private static final long FIRST_COPY = 900_000_000L;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient client;

	@Test
	void aQueueOfThousandsDrawsWhatIsInViewAndReachesItsEnd(BrowserSession browser) {
		Fixtures.reportIncident(this.client, "LITTER", 51.5236, 6.9286);
		Page board = browser.newPage();
		board.route("**/api/board/snapshot",
				(route) -> route.fulfill(new Route.FulfillOptions().setStatus(200)
					.setContentType("application/json")
					.setBody(withCopies(route.fetch()))));
		signIn(board);

		Locator queue = board.locator("#queue");
		assertThat(board.locator("#queue-count")).hasText(Pattern.compile("\\d{4,}"));
		long shown = Long.parseLong(board.locator("#queue-count").textContent());
		assertThat(shown).isGreaterThan(COPIES);
		assertThat(queue).hasClass(Pattern.compile(".*\\bvirtual\\b.*"));
		assertThat(queue.locator("li").first()).hasAttribute("aria-setsize", String.valueOf(shown));
		assertThat(queue.locator("li").count()).isLessThan(100);

		board.locator(".board-queue").evaluate("(scroller) => { scroller.scrollTop = scroller.scrollHeight; }");
		Locator last = queue.locator("li[aria-posinset='" + shown + "']");
		assertThat(last).isAttached();
		String number = last.locator(".line .meta").textContent();
		last.getByRole(AriaRole.BUTTON).click();
		assertThat(queue.locator("button[aria-current=true]")).containsText(number);
		assertThat(queue.locator("li").count()).isLessThan(100);
		Accessibility.assertNoSeriousViolations(board);
	}

	/** The real snapshot, with copies of its first incident at numbers of their own. */
	private static String withCopies(APIResponse real) {
		ObjectNode snapshot = (ObjectNode) JSON.readTree(real.text());
		ArrayNode incidents = (ArrayNode) snapshot.get("incidents");
		ObjectNode template = (ObjectNode) incidents.get(0);
		for (int i = 0; i < COPIES; i++) {
			ObjectNode copy = template.deepCopy();
			copy.put("id", FIRST_COPY + i);
			copy.put("lat", template.get("lat").asDouble() + (i % 60) * 0.0004);
			copy.put("lon", template.get("lon").asDouble() + (i / 60) * 0.0006);
			incidents.add(copy);
		}
		return JSON.writeValueAsString(snapshot);
	}

	private void signIn(Page page) {
		BrowserSignIn.to(page, this.client, this.port, "dispatcher", "/board");
	}

}
