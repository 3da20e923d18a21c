package de.quartierdispatch.mail;

import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import de.quartierdispatch.support.CapturedLog;
import de.quartierdispatch.support.Fixtures;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.MutableClock;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mail to reporters through a real SMTP server (GreenMail) inside the test: the
 * confirmation, the taken-up and the outcome message arrive in the reporter's language
 * with the right tracking code; a sender that dies mid-batch leaves nothing sent twice
 * and nothing lost; the stop link stops mail; no mail content reaches the log. The
 * schedule is off: the test decides when senders run.
 */
@IntegrationTest
@Import(ReporterMailIntegrationTests.TestClock.class)
@TestPropertySource(properties = { "quartier.scheduling.enabled=false",
		"quartier.mail.public-url=https://quartier.example", "quartier.mail.lease=2m" })
class ReporterMailIntegrationTests {

	static final MutableClock CLOCK = new MutableClock(Instant.now());

	private static final Pattern STOP_LINK = Pattern.compile("https://quartier\\.example/mail/stop\\?t=([0-9a-f]+)");

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void smtpServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	@Autowired
	private WebTestClient client;

	@Autowired
	private OutboxSender sender;

	@Autowired
	private Outbox outbox;

	@Autowired
	private MailComposer composer;

	@Autowired
	private JavaMailSender mail;

	@Autowired
	private MailProperties properties;

	@BeforeEach
	void emptyOutboxAndMailboxes() throws Exception {
		while (!this.sender.sendDue().collectList().block().isEmpty()) {
			// Messages of earlier tests, sent before this one starts.
		}
		smtp.purgeEmailFromAllMailboxes();
	}

	@Test
	void confirmationTakenUpAndOutcomeArriveInTheReportersLanguageWithItsTrackingCode() throws Exception {
		String address = "nachbar-" + UUID.randomUUID() + "@example.org";
		String code = report("ar", address);

		assertThat(this.sender.sendDue().collectList().block()).hasSize(1);
		MimeMessage confirmation = only(smtp.getReceivedMessagesForDomain(address));
		assertThat(confirmation.getSubject()).contains(code).contains("تم استلام بلاغك");
		assertThat(confirmation.getHeader("Content-Language")[0]).isEqualTo("ar");
		assertThat(body(confirmation)).contains("شكرًا على بلاغك", "https://quartier.example/status/" + code)
			.containsPattern(STOP_LINK);

		long incident = TestDatabase.queryLong("SELECT incident_id FROM report WHERE tracking_code = '" + code + "'");
		WebTestClient lead = StaffLogin.as(this.client, "dispatcher", CLOCK);
		long team = Fixtures.team("KOD", 51.5423, 6.9681);
		lead.post()
			.uri("/api/incidents/{id}/assignments", incident)
			.bodyValue(Map.of("teamId", team, "version", Fixtures.incidentVersion(incident)))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(this.sender.sendDue().collectList().block()).hasSize(1);
		MimeMessage takenUp = smtp.getReceivedMessagesForDomain(address)[1];
		assertThat(takenUp.getSubject()).contains(code).contains("يجري العمل على بلاغك");

		lead.post()
			.uri("/api/incidents/{id}/decision", incident)
			.bodyValue(Map.of("outcome", "REFERRED", "referredTo", "Jugendamt Bottrop, Tel. 02041 70-0", "version",
					Fixtures.incidentVersion(incident)))
			.exchange()
			.expectStatus()
			.isOk();
		// Run as Spring runs it: the scheduled method is called once, and what it
		// returned is
		// subscribed to at every run (the clock read anew each time).
		Mono<Void> scheduledRun = new OutboxSchedule(this.sender).send();
		scheduledRun.block(Duration.ofSeconds(30));
		assertThat(smtp.getReceivedMessagesForDomain(address)).as("held while the lead may take it back").hasSize(2);
		CLOCK.advance(Duration.ofMinutes(5).plusSeconds(1));
		scheduledRun.block(Duration.ofSeconds(30));
		assertThat(smtp.getReceivedMessagesForDomain(address)).hasSize(3);
		MimeMessage outcome = smtp.getReceivedMessagesForDomain(address)[2];
		assertThat(outcome.getSubject()).contains(code).contains("أُغلق بلاغك");
		assertThat(body(outcome)).contains("أُحيل", "Jugendamt Bottrop, Tel. 02041 70-0");

		String stopToken = stopToken(confirmation);
		assertThat(CapturedLog.lines()).noneMatch((line) -> line.contains(address) || line.contains(code)
				|| line.contains(stopToken) || line.contains("بلاغك") || line.contains("Jugendamt"));
	}

	/**
	 * A decision the lead takes back within the window is never announced, and taking it
	 * back announces nothing either: the resident hears nothing of the slip.
	 */
	@Test
	void aDecisionTakenBackIsNeverMailed() throws Exception {
		String address = "undo-" + UUID.randomUUID() + "@example.org";
		String code = report("de", address);
		this.sender.sendDue().collectList().block();
		long incident = TestDatabase.queryLong("SELECT incident_id FROM report WHERE tracking_code = '" + code + "'");
		WebTestClient lead = StaffLogin.as(this.client, "dispatcher", CLOCK);
		lead.post()
			.uri("/api/incidents/{id}/decision", incident)
			.bodyValue(Map.of("outcome", "NOTHING_FOUND", "version", Fixtures.incidentVersion(incident)))
			.exchange()
			.expectStatus()
			.isOk();
		CLOCK.advance(Duration.ofMinutes(1));
		assertThat(this.sender.sendDue().collectList().block()).isEmpty();

		lead.post()
			.uri("/api/incidents/{id}/decision/undo", incident)
			.bodyValue(Map.of("version", Fixtures.incidentVersion(incident)))
			.exchange()
			.expectStatus()
			.isOk();

		assertThat(Fixtures.incidentState(incident)).isEqualTo("OPEN");
		CLOCK.advance(Duration.ofMinutes(10));
		assertThat(this.sender.sendDue().collectList().block()).isEmpty();
		assertThat(smtp.getReceivedMessagesForDomain(address)).as("the confirmation alone").hasSize(1);
	}

	@Test
	void aSenderKilledMidBatchLeavesNothingSentTwiceAndNothingLost() throws Exception {
		List<String> codes = List.of(report("de", "a-" + UUID.randomUUID() + "@example.org"),
				report("tr", "b-" + UUID.randomUUID() + "@example.org"),
				report("uk", "c-" + UUID.randomUUID() + "@example.org"),
				report("de", "d-" + UUID.randomUUID() + "@example.org"),
				report("ro", "e-" + UUID.randomUUID() + "@example.org"));

		// The first instance claims the whole batch and dies after two messages.
		assertThat(this.sender.sendDue().take(2).collectList().block()).hasSize(2);
		assertThat(smtp.waitForIncomingEmail(5_000, 2)).isTrue();

		// Another instance (or this one after a restart) finds the rest reserved ...
		OutboxSender second = new OutboxSender(this.outbox, this.composer, this.mail, this.properties, CLOCK);
		assertThat(second.sendDue().collectList().block()).isEmpty();
		// ... until the dead instance's lease ends.
		CLOCK.advance(Duration.ofMinutes(2).plusSeconds(1));
		assertThat(second.sendDue().collectList().block()).hasSize(3);
		assertThat(this.sender.sendDue().collectList().block()).isEmpty();

		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(5);
		for (String code : codes) {
			assertThat(Arrays.stream(received).filter((message) -> subject(message).contains(code))).hasSize(1);
		}
		// This test's messages only: other classes' contexts may have queued mail of
		// their own.
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM mail_outbox o JOIN report r ON r.id = o.report_id "
				+ "WHERE o.sent_at IS NULL AND r.tracking_code IN ('" + String.join("','", codes) + "')"))
			.isZero();
	}

	/**
	 * A batch sent to a slow server outlasts its lease: another instance takes over the
	 * messages not yet sent, and the slow one, back from its server, does not send them
	 * again (each message is held anew just before it is sent).
	 */
	@Test
	void aMessageTakenOverFromASlowInstanceIsSentOnce() throws Exception {
		String code = report("de", "f-" + UUID.randomUUID() + "@example.org");
		OffsetDateTime now = OffsetDateTime.ofInstant(CLOCK.instant(), ZoneOffset.UTC);
		long id = this.outbox.claim("instance-slow", 20, now, now.plus(this.properties.lease()))
			.filter((message) -> code.equals(message.trackingCode()))
			.blockFirst()
			.id();

		CLOCK.advance(this.properties.lease().plusSeconds(1));
		assertThat(this.sender.sendDue().collectList().block()).contains(id);
		assertThat(this.outbox
			.renew(id, "instance-slow",
					OffsetDateTime.ofInstant(CLOCK.instant(), ZoneOffset.UTC).plus(this.properties.lease()))
			.block()).isFalse();
		assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
		assertThat(Arrays.stream(smtp.getReceivedMessages()).filter((message) -> subject(message).contains(code)))
			.hasSize(1);
	}

	/**
	 * The server took the message and the database did not record it (a connection lost
	 * just then): it is recorded once the database answers again, not sent again; and
	 * every sending of it carries the same Message-ID.
	 */
	@Test
	void aMessageTheServerTookIsNotSentAgainWhenRecordingItFailsOnce() throws Exception {
		String code = report("de", "g-" + UUID.randomUUID() + "@example.org");
		long id = TestDatabase.queryLong("SELECT o.id FROM mail_outbox o JOIN report r ON r.id = o.report_id "
				+ "WHERE r.tracking_code = '" + code + "'");
		String fault = "mark_sent_fails_" + id;
		try (Connection db = TestDatabase.connectToTestDatabase(); Statement sql = db.createStatement()) {
			sql.execute("CREATE SEQUENCE " + fault);
			sql.execute("CREATE FUNCTION " + fault + "() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$ BEGIN "
					+ "IF NEW.id = " + id + " AND NEW.sent_at IS NOT NULL AND OLD.sent_at IS NULL " + "AND nextval('"
					+ fault + "') = 1 THEN RAISE EXCEPTION 'the answer is lost'; END IF; " + "RETURN NEW; END $$");
			sql.execute("CREATE TRIGGER " + fault + " BEFORE UPDATE ON mail_outbox FOR EACH ROW EXECUTE FUNCTION "
					+ fault + "()");
			try {
				assertThat(this.sender.sendDue().collectList().block()).containsExactly(id);
			}
			finally {
				sql.execute("DROP TRIGGER " + fault + " ON mail_outbox");
				sql.execute("DROP FUNCTION " + fault + "()");
				sql.execute("DROP SEQUENCE " + fault);
			}
		}
		CLOCK.advance(this.properties.retryMax());
		assertThat(this.sender.sendDue().collectList().block()).doesNotContain(id);

		MimeMessage[] received = Arrays.stream(smtp.getReceivedMessages())
			.filter((message) -> subject(message).contains(code))
			.toArray(MimeMessage[]::new);
		assertThat(received).hasSize(1);
		assertThat(received[0].getMessageID()).startsWith("<" + id + ".").endsWith("@quartier-dispatch.localhost>");
		assertThat(TestDatabase
			.queryString("SELECT attempts || ',' || (sent_at IS NOT NULL) FROM mail_outbox " + "WHERE id = " + id))
			.isEqualTo("1,true");
	}

	@Test
	void aRecipientTheServerRefusesForGoodIsNotTriedAgainButOneFullForNowIs() throws Exception {
		String gone = report("de", "gone-" + UUID.randomUUID() + "@example.org");
		try (RefusingSmtpServer server = RefusingSmtpServer.answering("550 5.1.1 no such mailbox")) {
			assertThat(senderTo(server).sendDue().collectList().block()).isEmpty();
		}
		assertThat(TestDatabase.queryString("SELECT o.close_reason FROM mail_outbox o JOIN report r ON "
				+ "r.id = o.report_id WHERE r.tracking_code = '" + gone + "'"))
			.isEqualTo("RECIPIENT_REFUSED");

		String full = report("de", "full-" + UUID.randomUUID() + "@example.org");
		try (RefusingSmtpServer server = RefusingSmtpServer.answering("452 4.2.2 mailbox full")) {
			assertThat(senderTo(server).sendDue().collectList().block()).isEmpty();
		}
		assertThat(TestDatabase.queryString("SELECT (o.closed_at IS NULL AND o.due_at > o.created_at)::text "
				+ "FROM mail_outbox o JOIN report r ON r.id = o.report_id WHERE r.tracking_code = '" + full + "'"))
			.isEqualTo("true");
		// Once the mailbox has room, GreenMail takes it.
		CLOCK.advance(this.properties.retryMax());
		assertThat(this.sender.sendDue().collectList().block()).hasSize(1);
	}

	private OutboxSender senderTo(RefusingSmtpServer server) {
		JavaMailSenderImpl mail = new JavaMailSenderImpl();
		mail.setHost("127.0.0.1");
		mail.setPort(server.port());
		return new OutboxSender(this.outbox, this.composer, mail, this.properties, CLOCK);
	}

	@Test
	void theStopLinkStopsEveryFurtherMail() throws Exception {
		String address = "stop-" + UUID.randomUUID() + "@example.org";
		String code = report("de", address);
		this.sender.sendDue().collectList().block();
		MimeMessage confirmation = only(smtp.getReceivedMessagesForDomain(address));
		assertThat(confirmation.getHeader("List-Unsubscribe")[0]).startsWith("<https://quartier.example/api/mail/stop");
		// In the sender's domain, not the machine's name: spam filters count the latter.
		assertThat(confirmation.getMessageID()).endsWith("@quartier-dispatch.localhost>");
		String token = stopToken(confirmation);
		// The page behind the link speaks the mail's language, not the browser's.
		assertThat(body(confirmation)).contains("/mail/stop?t=" + token + "&lang=de");

		this.client.get()
			.uri("/mail/stop?t={token}", token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML);
		// Opened in a browser rather than posted (a mail program without one-click): on
		// to the page that asks first; nothing is stopped by the look.
		assertThat(confirmation.getHeader("List-Unsubscribe")[0]).endsWith("&lang=de>");
		this.client.get()
			.uri("/api/mail/stop?t={token}&lang=de", token)
			.exchange()
			.expectStatus()
			.isSeeOther()
			.expectHeader()
			.location("/mail/stop?t=" + token + "&lang=de");
		this.client.post().uri("/api/mail/stop?t={token}", token).exchange().expectStatus().isNoContent();
		this.client.post().uri("/api/mail/stop?t={token}", "0".repeat(64)).exchange().expectStatus().isNotFound();

		long incident = TestDatabase.queryLong("SELECT incident_id FROM report WHERE tracking_code = '" + code + "'");
		StaffLogin.as(this.client, "dispatcher", CLOCK)
			.post()
			.uri("/api/incidents/{id}/decision", incident)
			.bodyValue(Map.of("outcome", "NOTHING_FOUND", "version", Fixtures.incidentVersion(incident)))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(this.sender.sendDue().collectList().block()).isEmpty();
		assertThat(smtp.getReceivedMessagesForDomain(address)).hasSize(1);
	}

	private String report(String language, String email) {
		return Fixtures.submitReport(this.client,
				Map.of("category", "NOISE", "description", "Laute Musik im Hinterhof seit Stunden", "location",
						Map.of("lat", 51.5423, "lon", 6.9681), "language", language, "contact", Map.of("email", email),
						"consent", true));
	}

	private static MimeMessage only(MimeMessage[] messages) {
		assertThat(messages).hasSize(1);
		return messages[0];
	}

	private static String body(MimeMessage message) throws IOException, MessagingException {
		return (String) message.getContent();
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String stopToken(MimeMessage message) throws IOException, MessagingException {
		Matcher link = STOP_LINK.matcher(body(message));
		assertThat(link.find()).isTrue();
		return link.group(1);
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
