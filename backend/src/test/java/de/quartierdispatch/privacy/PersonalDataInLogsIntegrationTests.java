package de.quartierdispatch.privacy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import de.quartierdispatch.support.BoardClient;
import de.quartierdispatch.support.CapturedLog;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.PersonalData;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log check. Runs after every other test class (junit-platform.properties orders
 * classes by {@link Order}), drives intake, contact access and the board once more with
 * the same personal data, including requests that fail validation, and then reads
 * everything the application logged during the whole run: no e-mail address and no phone
 * number that a test submitted may appear in it.
 */
@IntegrationTest
@Order(Integer.MAX_VALUE)
class PersonalDataInLogsIntegrationTests {

	private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");

	@Autowired
	private WebTestClient client;

	@LocalServerPort
	private int port;

	@Test
	void noEmailAddressOrPhoneNumberASubmitterGaveIsEverLogged() throws Exception {
		String session = StaffLogin.sessionToken(this.client, "dispatcher");
		long since = TestDatabase.queryLong("SELECT last_seq FROM board_event_sequence");
		try (BoardClient board = BoardClient.connect(this.port, session, since)) {
			String code = submit(
					Map.of("name", PersonalData.NAME, "email", PersonalData.EMAIL, "phone", PersonalData.PHONE), true)
				.expectStatus()
				.isCreated()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody()
				.replaceAll(".*\"trackingCode\":\"([^\"]+)\".*", "$1");
			board.awaitEvent("INCIDENT_OPENED", Duration.ofSeconds(10));
			submit(Map.of("email", PersonalData.OTHER_EMAIL + " <script>", "phone", PersonalData.OTHER_PHONE + " ext."),
					true)
				.expectStatus()
				.is4xxClientError();
			submit(Map.of("phone", PersonalData.OTHER_PHONE), false).expectStatus().is4xxClientError();
			long report = TestDatabase.queryLong("SELECT id FROM report WHERE tracking_code = '" + code + "'");
			StaffLogin.as(this.client, "dispatcher")
				.get()
				.uri("/api/incidents/reports/{id}/contact?purpose=CALLBACK", report)
				.exchange()
				.expectStatus()
				.isOk();
			StaffLogin.as(this.client, "field")
				.get()
				.uri("/api/field/reports/{id}/contact?purpose=CALLBACK", report)
				.exchange()
				.expectStatus()
				.isForbidden();
		}

		List<String> log = CapturedLog.lines();
		assertThat(log).as("the capture works: this test's own sign-in is in it")
			.anyMatch((line) -> line.contains("Sign-in of user dispatcher succeeded"));
		for (String value : PersonalData.emailsAndPhones()) {
			String digits = value.replaceAll("[^0-9]", "");
			assertThat(log).as("no line with %s", value)
				.noneMatch((line) -> line.contains(value)
						|| (digits.length() > 6 && line.replaceAll("[^0-9]", "").contains(digits)));
		}
		assertThat(log).as("no e-mail address at all").noneMatch((line) -> EMAIL.matcher(line).find());
	}

	private WebTestClient.ResponseSpec submit(Map<String, String> contact, boolean consent) {
		return this.client.post()
			.uri("/api/reports")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.bodyValue(Map.of("category", "NEIGHBOUR_CONFLICT", "description",
					"Nachbar droht, bitte rufen Sie mich an: " + PersonalData.PHONE, "location",
					Map.of("lat", 51.5423, "lon", 6.9681), "language", "de", "contact", contact, "consent", consent))
			.exchange();
	}

}
