package de.quartierdispatch.webhook;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import de.quartierdispatch.support.Fixtures;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.MutableClock;
import de.quartierdispatch.support.SecondInstance;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import de.quartierdispatch.webhook.WebhookReceiver.Received;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks to a real HTTP receiver: signed bodies without reporter data, retries with
 * backoff until the receiver takes the event (once), and an outbox that survives the
 * sender's restart. This instance's schedule is off: the test runs the sender, and moves
 * the clock past the backoff.
 */
@IntegrationTest
@Import(WebhookDeliveryIntegrationTests.TestClock.class)
@TestPropertySource(properties = "quartier.scheduling.enabled=false")
class WebhookDeliveryIntegrationTests {

	static final MutableClock CLOCK = new MutableClock(Instant.now());

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Autowired
	private WebhookSender sender;

	@Autowired
	private WebTestClient client;

	@Test
	void aReceiverFailingTwiceGetsTheSignedEventOnTheThirdTryExactlyOnce() throws Exception {
		try (WebhookReceiver receiver = new WebhookReceiver(500, 503)) {
			String secret = subscribe(receiver, Set.of("INCIDENT_OPENED"));
			// Other tests' subscribers get the same event: this one's delivery is
			// counted.
			long subscriber = TestDatabase
				.queryLong("SELECT max(id) FROM webhook_subscriber WHERE url = '" + receiver.url() + "'");
			long incident = Fixtures.reportIncident(this.client, "NOISE", 51.5236, 6.9286);
			long seq = TestDatabase
				.queryLong("SELECT seq FROM board_event WHERE type = 'INCIDENT_OPENED' AND incident_id = " + incident);

			// Run as Spring runs it: the scheduled method is called once, and what it
			// returned
			// is subscribed to at every run (the clock read anew each time).
			Mono<Void> scheduledRun = new WebhookSchedule(this.sender).deliver();
			List<Received> attempts = new java.util.ArrayList<>();
			while (attempts.size() < 3) {
				scheduledRun.block(WAIT);
				Received next = receiver.next(WAIT);
				attempts.add(next);
				CLOCK.advance(Duration.ofHours(1));
			}
			assertThat(attempts).extracting(Received::answered).containsExactly(500, 503, 204);
			assertThat(attempts).extracting(Received::delivery).containsOnly(Long.toString(seq));
			for (Received attempt : attempts) {
				assertThat(verifies(secret, attempt)).isTrue();
			}
			assertThat(verifies("whsec_not-the-secret", attempts.get(2))).isFalse();

			JsonNode payload = JSON.readTree(attempts.get(2).body());
			assertThat(payload.get("type").asString()).isEqualTo("INCIDENT_OPENED");
			assertThat(payload.get("channel").asString()).isEqualTo("WEB");
			assertThat(payload.get("incident").get("id").asLong()).isEqualTo(incident);
			assertThat(payload.get("incident").get("category").asString()).isEqualTo("NOISE");
			String body = attempts.get(2).body();
			assertThat(body).doesNotContain("Testmeldung").doesNotContain("description").doesNotContain("contact");
			// The centre of the place's cell on the public map's grid, as Open311 and the
			// public map give it: no second grid to narrow it down with.
			assertThat(payload.get("incident").get("location").get("lat").asDouble()).isEqualTo(51.5235);
			assertThat(payload.get("incident").get("location").get("lon").asDouble()).isEqualTo(6.92925);

			// Delivered: nothing more is sent, however often the sender runs.
			for (int i = 0; i < 3; i++) {
				CLOCK.advance(Duration.ofHours(7));
				this.sender.deliverDue().block(WAIT);
			}
			assertThat(receiver.all()).hasSize(3);
			assertThat(TestDatabase.queryString("SELECT attempts || '|' || (delivered_at IS NOT NULL) "
					+ "FROM webhook_delivery WHERE event_seq = " + seq + " AND subscriber_id = " + subscriber))
				.isEqualTo("3|true");
		}
	}

	/**
	 * The subscriber answered and the database did not record it (a connection lost just
	 * then): it is recorded once the database answers again, not sent again as failed.
	 */
	@Test
	void aDeliveryTheSubscriberTookIsNotSentAgainWhenRecordingItFailsOnce() throws Exception {
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			subscribe(receiver, Set.of("INCIDENT_OPENED"));
			long subscriber = TestDatabase
				.queryLong("SELECT max(id) FROM webhook_subscriber WHERE url = '" + receiver.url() + "'");
			Fixtures.reportIncident(this.client, "NOISE", 51.5236, 6.9286);
			String fault = "delivered_fails_" + subscriber;
			try (Connection db = TestDatabase.connectToTestDatabase(); Statement sql = db.createStatement()) {
				sql.execute("CREATE SEQUENCE " + fault);
				sql.execute("CREATE FUNCTION " + fault + "() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$ "
						+ "BEGIN IF NEW.subscriber_id = " + subscriber + " AND NEW.delivered_at IS NOT NULL "
						+ "AND OLD.delivered_at IS NULL AND nextval('" + fault + "') = 1 "
						+ "THEN RAISE EXCEPTION 'the answer is lost'; END IF; RETURN NEW; END $$");
				sql.execute("CREATE TRIGGER " + fault + " BEFORE UPDATE ON webhook_delivery FOR EACH ROW "
						+ "EXECUTE FUNCTION " + fault + "()");
				try {
					this.sender.deliverDue().block(WAIT);
					receiver.next(WAIT);
				}
				finally {
					sql.execute("DROP TRIGGER " + fault + " ON webhook_delivery");
					sql.execute("DROP FUNCTION " + fault + "()");
					sql.execute("DROP SEQUENCE " + fault);
				}
			}
			for (int i = 0; i < 3; i++) {
				CLOCK.advance(Duration.ofHours(7));
				this.sender.deliverDue().block(WAIT);
			}
			assertThat(receiver.all()).hasSize(1);
			assertThat(TestDatabase.queryString("SELECT attempts || '|' || (delivered_at IS NOT NULL) "
					+ "FROM webhook_delivery WHERE subscriber_id = " + subscriber))
				.isEqualTo("1|true");
		}
	}

	/**
	 * A receiver that applies what arrives ends with the incident as it is: its events
	 * come in order, also when the first one had to be sent again.
	 */
	@Test
	void oneIncidentsEventsArriveInTheOrderTheyHappenedAlsoAfterAFailure() throws Exception {
		try (WebhookReceiver receiver = new WebhookReceiver(500)) {
			subscribe(receiver, Set.of("INCIDENT_OPENED", "PRIORITY_CHANGED", "INCIDENT_STATE_CHANGED"));
			long incident = Fixtures.reportIncident(this.client, "OTHER", 51.5236, 6.9286);
			StaffLogin.as(this.client, "dispatcher", CLOCK)
				.post()
				.uri("/api/incidents/{id}/priority", incident)
				.bodyValue(Map.of("priority", 1, "reason", "Kinder in Gefahr", "version",
						Fixtures.incidentVersion(incident)))
				.exchange()
				.expectStatus()
				.isOk();
			Fixtures.decide(this.client, incident, "NOTHING_FOUND");

			this.sender.deliverDue().block(WAIT);
			assertThat(receiver.next(WAIT).answered()).isEqualTo(500);
			// Due again later: the incident's later events wait for it.
			this.sender.deliverDue().block(WAIT);
			assertThat(receiver.all()).hasSize(1);
			CLOCK.advance(Duration.ofHours(1));
			List<String> events = new java.util.ArrayList<>();
			for (int run = 0; run < 10 && events.size() < 3; run++) {
				this.sender.deliverDue().block(WAIT);
				receiver.all().stream().skip(1 + events.size()).forEach((received) -> events.add(received.event()));
			}
			assertThat(events).containsExactly("INCIDENT_OPENED", "PRIORITY_CHANGED", "INCIDENT_STATE_CHANGED");
			assertThat(receiver.all().stream().skip(1).map(Received::delivery).map(Long::parseLong).toList())
				.isSorted();
			// Every event names the channel the incident came in by, not only the first.
			for (Received received : receiver.all()) {
				assertThat(JSON.readTree(received.body()).get("channel").asString()).isEqualTo("WEB");
			}
		}
	}

	@Test
	void eventsQueuedWhileTheSenderIsDownAreDeliveredAfterItsRestartOnceEach() throws Exception {
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			subscribe(receiver, Set.of("INCIDENT_OPENED", "INCIDENT_STATE_CHANGED"));
			ConfigurableApplicationContext first = instance();
			long one = Fixtures.reportIncident(this.client, "LITTER", 51.5236, 6.9286);
			assertThat(JSON.readTree(receiver.next(WAIT).body()).get("incident").get("id").asLong()).isEqualTo(one);
			first.close();

			long two = Fixtures.reportIncident(this.client, "LITTER", 51.5236, 6.9286);
			long three = Fixtures.reportIncident(this.client, "VANDALISM", 51.5236, 6.9286);
			ConfigurableApplicationContext second = instance();
			try {
				Set<Long> seen = new java.util.HashSet<>();
				while (seen.size() < 2) {
					JsonNode payload = JSON.readTree(receiver.next(WAIT).body());
					seen.add(payload.get("incident").get("id").asLong());
				}
				assertThat(seen).containsExactlyInAnyOrder(two, three);
			}
			finally {
				second.close();
			}
			Map<String, Long> perDelivery = receiver.all()
				.stream()
				.collect(Collectors.groupingBy(Received::delivery, Collectors.counting()));
			assertThat(perDelivery).hasSize(3).allSatisfy((delivery, count) -> assertThat(count).isEqualTo(1));
		}
	}

	/**
	 * Events leave over TLS: a plain-HTTP address elsewhere is refused at the field, in
	 * the administrator's language, also where user info in front of the host makes it
	 * look like this machine; plain HTTP to this machine itself (a relay beside the
	 * application) is taken. An address saved before the rule can still be switched off,
	 * but not changed to another plain-HTTP one.
	 */
	@Test
	void aSubscriberOutsideThisMachineIsReachedOverHttpsOnly() {
		WebTestClient admin = StaffLogin.as(this.client, "admin", CLOCK);
		for (String url : new String[] { "http://example.org/hook", "HTTP://example.org/hook",
				"http://127.0.0.1.example.org/hook", "http://localhost@example.org/hook",
				"http://localhost:80@example.org/hook", "http://127.0.0.1:@example.org/" }) {
			refused(admin.post().uri("/api/admin/webhooks"), url, 422);
		}
		refused(admin.post().uri("/api/admin/webhooks"), "ftp://example.org/hook", 400);
		// No request could be sent there at all: said as such, not as "use https".
		for (String url : new String[] { "https://stadt.example.org:99999/hook", "https://[::1]:99999/",
				"https://a..b/hook", "https://[fe80::1%25eth0]/hook" }) {
			refusedSaying(admin, url, "An diese Adresse kann nichts");
		}
		// An IP in a notation clients read differently (169.254.169.254 in hex, octal, as
		// one number).
		for (String url : new String[] { "https://0xa9fea9fe/", "https://2852039166/", "https://010.1.2.3/" }) {
			refusedSaying(admin, url, "Schreiben Sie eine IP-Adresse als vier Dezimalzahlen");
		}
		for (String url : new String[] { "https://0251.0376.0251.0376/", "https://0xa9.254.169.254/" }) {
			refusedSaying(admin, url, "An diese Adresse kann nichts");
		}
		// Where no subscriber lives, but a cloud's metadata service may.
		for (String url : new String[] { "https://169.254.169.254/latest/meta-data", "https://[fe80::1]/hook",
				"https://0.0.0.0/hook", "https://224.0.0.1/hook", "https://[::169.254.169.254]/x",
				"https://[64:ff9b::a9fe:a9fe]/x", "https://100.100.100.200/latest/meta-data",
				"https://[::ffff:0:a9fe:a9fe]/x", "https://[64:ff9b:1:a9fe:a9:fe00:0:1]/x" }) {
			refusedSaying(admin, url, "Unter dieser Adresse kann kein");
		}
		for (String url : new String[] { "https://stadt.example.org/hook", "HTTPS://stadt.example.org/hook",
				"https://10.1.2.3/hook", "http://localhost:8081/hook", "http://127.0.0.1/hook", "http://[::1]:9000" }) {
			long id = created(admin, url);
			// Gone again, so that no sender tries the address while later tests run.
			admin.delete().uri("/api/admin/webhooks/{id}", id).exchange().expectStatus().is2xxSuccessful();
		}

		long legacy = created(admin, "https://stadt.example.org/hook");
		TestDatabase.queryString("UPDATE webhook_subscriber SET url = 'http://stadt.example.org/hook' WHERE id = "
				+ legacy + " RETURNING url");
		admin.put()
			.uri("/api/admin/webhooks/{id}", legacy)
			.bodyValue(Map.of("url", "http://stadt.example.org/hook", "events", Set.of("INCIDENT_OPENED"), "enabled",
					false))
			.exchange()
			.expectStatus()
			.isOk();
		refused(admin.put().uri("/api/admin/webhooks/{id}", legacy), "http://other.example.org/hook", 422);
		admin.delete().uri("/api/admin/webhooks/{id}", legacy).exchange().expectStatus().is2xxSuccessful();
	}

	/**
	 * An address where no subscriber lives, saved before the rule, is not connected to:
	 * the delivery fails without a request (a name resolving there is stopped the same
	 * way, {@link SubscriberConnectionsTests}).
	 */
	@Test
	void aMetadataAddressSavedBeforeTheRuleIsNotSentTo() {
		long legacy = created(StaffLogin.as(this.client, "admin", CLOCK), "https://stadt.example.org/hook");
		TestDatabase.queryString("UPDATE webhook_subscriber SET url = 'https://169.254.169.254/latest/meta-data' "
				+ "WHERE id = " + legacy + " RETURNING url");
		try {
			Fixtures.reportIncident(this.client, "NOISE", 51.5236, 6.9286);
			this.sender.deliverDue().block(WAIT);
			assertThat(TestDatabase.queryString(
					"SELECT attempts || ' ' || last_error FROM webhook_delivery " + "WHERE subscriber_id = " + legacy))
				.startsWith("1 ")
				.contains("no subscriber lives at this address");
		}
		finally {
			TestDatabase.queryString("DELETE FROM webhook_subscriber WHERE id = " + legacy + " RETURNING id");
		}
	}

	/**
	 * An address the HTTP client cannot use at all, saved before the rule, fails its own
	 * delivery; the run goes on (it failed whole before, and left the others leased).
	 */
	@Test
	void anUnusableAddressSavedBeforeTheRuleFailsOnlyItsOwnDelivery() {
		long legacy = created(StaffLogin.as(this.client, "admin", CLOCK), "https://stadt.example.org/hook");
		TestDatabase.queryString("UPDATE webhook_subscriber SET url = 'https://[fe80::1%25eth0]/hook' WHERE id = "
				+ legacy + " RETURNING url");
		try {
			Fixtures.reportIncident(this.client, "NOISE", 51.5236, 6.9286);
			this.sender.deliverDue().block(WAIT);
			assertThat(TestDatabase
				.queryString("SELECT attempts || ' ' || (next_attempt_at IS NOT NULL) FROM webhook_delivery "
						+ "WHERE subscriber_id = " + legacy))
				.isEqualTo("1 true");
		}
		finally {
			TestDatabase.queryString("DELETE FROM webhook_subscriber WHERE id = " + legacy + " RETURNING id");
		}
	}

	/** A new subscriber's address refused (422) with a German message beginning so. */
	private static void refusedSaying(WebTestClient admin, String url, String beginning) {
		admin.post()
			.uri("/api/admin/webhooks")
			.header("Accept-Language", "de")
			.bodyValue(Map.of("name", "Stadt-System " + UUID.randomUUID(), "url", url, "events",
					Set.of("INCIDENT_OPENED"), "enabled", true))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].message")
			.value((message) -> assertThat((String) message).as(url).startsWith(beginning));
	}

	private static void refused(WebTestClient.RequestBodySpec request, String url, int status) {
		request.header("Accept-Language", "de")
			.bodyValue(Map.of("name", "Stadt-System " + UUID.randomUUID(), "url", url, "events",
					Set.of("INCIDENT_OPENED"), "enabled", true))
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("url")
			.jsonPath("$.errors[0].message")
			.value((message) -> assertThat((String) message).as(url).contains("https://"));
	}

	private static long created(WebTestClient admin, String url) {
		return created(admin, url, Set.of("INCIDENT_OPENED")).get("subscriber").get("id").asLong();
	}

	/**
	 * A new subscriber, as the administration's answer tells it (with the signing
	 * secret).
	 */
	private static JsonNode created(WebTestClient admin, String url, Set<String> events) {
		String created = admin.post()
			.uri("/api/admin/webhooks")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "Stadt-System " + UUID.randomUUID(), "url", url, "events", events))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return JSON.readTree(created);
	}

	private String subscribe(WebhookReceiver receiver, Set<String> events) {
		return created(StaffLogin.as(this.client, "admin", CLOCK), receiver.url(), events).get("secret").asString();
	}

	/** What a receiver does: recompute the HMAC over {@code timestamp.body}. */
	private static boolean verifies(String secret, Received request) throws Exception {
		Map<String, String> parts = java.util.Arrays.stream(request.signature().split(","))
			.map((part) -> part.split("=", 2))
			.collect(Collectors.toMap((pair) -> pair[0], (pair) -> pair[1]));
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		String expected = HexFormat.of()
			.formatHex(mac.doFinal((parts.get("t") + "." + request.body()).getBytes(StandardCharsets.UTF_8)));
		return java.security.MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				parts.get("v1").getBytes(StandardCharsets.UTF_8));
	}

	private static ConfigurableApplicationContext instance() {
		return SecondInstance.start("--server.port=0", "--quartier.scheduling.enabled=true",
				"--quartier.webhook.poll-interval=200ms");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestClock {

		@Bean
		@Primary
		Clock testClock() {
			return CLOCK;
		}

	}

}
