package de.quartierdispatch.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.quartierdispatch.support.Fixtures;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.MutableClock;
import de.quartierdispatch.support.PersonalData;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention job against a database of its own (so that it can count everything it
 * touches) and a clock the test moves: a year of incidents is closed at chosen moments,
 * then the job must erase and redact exactly what has lapsed, report it, do nothing on a
 * second run, and do the work once when two instances run it at the same moment.
 */
@IntegrationTest
@Import(RetentionIntegrationTests.TestClock.class)
@TestPropertySource(properties = "quartier.scheduling.enabled=false")
class RetentionIntegrationTests {

	private static final Instant START = Instant.parse("2027-03-01T09:00:00Z");

	static final MutableClock CLOCK = new MutableClock(START);

	private static final String DATABASE = TestDatabase.createSeparate("retention");

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		registry.add("DB_NAME", () -> DATABASE);
	}

	@Autowired
	private WebTestClient client;

	@Autowired
	private Retention retention;

	@Test
	void erasesAndRedactsExactlyWhatHasLapsedOnceAndReportsIt() {
		CLOCK.set(START);
		Fixture closedAYearAgo = report(PersonalData.NAME, PersonalData.EMAIL, null);
		close(closedAYearAgo, "Hausverwaltung informiert, Frau im 2. OG hat erneut angerufen.");
		// Never closed, untouched since: abandoned, it lapses as a whole with the text
		// period.
		Fixture abandoned = report(PersonalData.OTHER_NAME, PersonalData.OTHER_EMAIL, null);
		CLOCK.advance(Duration.ofDays(335));
		Fixture closedAMonthAgo = report(PersonalData.OTHER_NAME, null, PersonalData.OTHER_PHONE);
		close(closedAMonthAgo, "Jugendliche angesprochen, Lage ruhig.");
		Fixture open = report(PersonalData.NAME, null, PersonalData.PHONE);
		CLOCK.advance(Duration.ofDays(30));
		Fixture closedJustNow = report(PersonalData.OTHER_NAME, PersonalData.OTHER_EMAIL, null);
		close(closedJustNow, "Erledigt.");
		CLOCK.advance(Duration.ofHours(1));
		// Accessibility feedback: one answered 40 days ago (its address lapsed), one
		// never
		// answered since the start (all of it lapsed).
		long answered = count("INSERT INTO accessibility_feedback (message, email, language, created_at, answer, "
				+ "answered_by, answered_at) VALUES ('Kontrast zu schwach', '" + PersonalData.EMAIL + "', 'de', "
				+ "now(), 'Danke, behoben', 'admin', '" + CLOCK.instant().minus(Duration.ofDays(40))
				+ "') RETURNING id");
		long unanswered = count("INSERT INTO accessibility_feedback (message, email, language, created_at) "
				+ "VALUES ('Formular ohne Tastatur', '" + PersonalData.OTHER_EMAIL + "', 'de', '" + START
				+ "') RETURNING id");
		long boardEvents = count("SELECT count(*) FROM board_event");
		long keys = count("SELECT count(*) FROM idempotency_key");

		RetentionReport report = this.retention.run("test").block(Duration.ofSeconds(30));

		assertThat(report.skipped()).isFalse();
		assertThat(report.contactsErased()).as("a year and a month after closing, and abandoned").isEqualTo(3);
		assertThat(report.reportsRedacted()).as("a year after closing, and abandoned").isEqualTo(2);
		assertThat(report.notesRedacted()).isEqualTo(1);
		assertThat(report.incidentsCoarsened()).isEqualTo(2);
		assertThat(contactOf(abandoned)).isNull();
		assertThat(descriptionOf(abandoned)).isEmpty();
		assertThat(report.boardEventsPruned()).as("older than 14 days on the job's clock").isEqualTo(boardEvents);
		assertThat(report.idempotencyKeysDeleted()).as("older than 7 days").isEqualTo(keys);

		assertThat(contactOf(closedAYearAgo)).isNull();
		assertThat(descriptionOf(closedAYearAgo)).isEmpty();
		assertThat(value("SELECT address_label IS NULL AND redacted_at IS NOT NULL FROM report WHERE id = "
				+ closedAYearAgo.report()))
			.isEqualTo("t");
		assertThat(value(
				"SELECT string_agg(text, '') FROM incident_note WHERE incident_id = " + closedAYearAgo.incident()))
			.isEmpty();
		assertThat(value("SELECT ST_AsText(location) FROM incident WHERE id = " + closedAYearAgo.incident()))
			.as("coarsened to the 0.001° grid")
			.isEqualTo("POINT(6.968 51.542)");
		assertThat(value(
				"SELECT category_code || ' ' || (quarter_id IS NOT NULL) || ' ' || channel FROM report WHERE id = "
						+ closedAYearAgo.report()))
			.as("what the statistics need stays")
			.isEqualTo("NOISE true WEB");

		assertThat(contactOf(closedAMonthAgo)).isNull();
		assertThat(descriptionOf(closedAMonthAgo)).isEqualTo(closedAMonthAgo.description());
		assertThat(contactOf(open)).isEqualTo(PersonalData.NAME);
		assertThat(descriptionOf(open)).isEqualTo(open.description());
		assertThat(contactOf(closedJustNow)).isEqualTo(PersonalData.OTHER_NAME);
		assertThat(descriptionOf(closedJustNow)).isEqualTo(closedJustNow.description());
		assertThat(value("SELECT details ->> 'contactsErased' FROM audit_log WHERE action = 'RETENTION_RUN' "
				+ "ORDER BY id DESC LIMIT 1"))
			.isEqualTo("3");

		assertThat(value(
				"SELECT coalesce(email, '-') || ' ' || message FROM accessibility_feedback WHERE id = " + answered))
			.isEqualTo("- Kontrast zu schwach");
		assertThat(count("SELECT count(*) FROM accessibility_feedback WHERE id = " + unanswered)).isZero();

		RetentionReport again = this.retention.run("test").block(Duration.ofSeconds(30));
		assertThat(List.of(again.contactsErased(), again.reportsRedacted(), again.notesRedacted(),
				again.incidentsCoarsened(), again.boardEventsPruned(), again.idempotencyKeysDeleted()))
			.as("nothing left to do")
			.containsOnly(0L);
	}

	@Test
	void auditEntriesGoAfterTheirPeriodButTheDatabaseKeepsTheLastYearWhateverItIsAsked() {
		String insert = "INSERT INTO audit_log (at, actor, action, report_id) VALUES (now() - interval '%d days', "
				+ "'staff:1', 'CONTACT_READ', 1) RETURNING id";
		long twoYearsAndMore = count(insert.formatted(800));
		long aboveAYear = count(insert.formatted(500));
		long recent = count(insert.formatted(10));
		CLOCK.set(Instant.now());

		RetentionReport report = this.retention.run("test").block(Duration.ofSeconds(30));

		assertThat(report.further()).containsKey("auditEntriesPruned");
		assertThat(report.further().get("auditEntriesPruned")).isPositive();
		assertThat(count("SELECT count(*) FROM audit_log WHERE id = " + twoYearsAndMore)).as("older than 730 days")
			.isZero();
		assertThat(count("SELECT count(*) FROM audit_log WHERE id IN (" + aboveAYear + ", " + recent + ")"))
			.isEqualTo(2);
		assertThat(value("SELECT details ->> 'auditEntriesPruned' FROM audit_log WHERE action = 'RETENTION_RUN' "
				+ "ORDER BY id DESC LIMIT 1"))
			.isEqualTo(Long.toString(report.further().get("auditEntriesPruned")));

		// Asked to prune everything (as an account that took over the application might),
		// the database still keeps the last year.
		count("SELECT prune_audit_log(now() + interval '1 day')");
		assertThat(count("SELECT count(*) FROM audit_log WHERE id = " + aboveAYear)).isZero();
		assertThat(count("SELECT count(*) FROM audit_log WHERE id = " + recent)).isOne();
		assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'RETENTION_RUN'")).isPositive();
	}

	@Test
	void anAccountDisabledForTheAuditPeriodLosesWhatNamesItsPersonAndLeavesTheAdministration() {
		String insert = "INSERT INTO staff_user (username, display_name, password_hash, roles, enabled, updated_at) "
				+ "VALUES ('%s', 'Erika Mustermann', 'hash', '{DISPATCHER}', %s, now() - interval '%d days') RETURNING id";
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		long retired = count(insert.formatted("e.mustermann-" + suffix, false, 800));
		long disabledRecently = count(insert.formatted("e.mustermann2-" + suffix, false, 100));
		long active = count(insert.formatted("e.mustermann3-" + suffix, true, 800));
		count("INSERT INTO staff_recovery_code (user_id, code_hash) VALUES (" + retired
				+ ", '\\x01') RETURNING user_id");
		CLOCK.set(Instant.now());

		RetentionReport report = this.retention.run("test").block(Duration.ofSeconds(30));

		assertThat(report.further().get("accountsRemoved")).isOne();
		assertThat(value("SELECT username || '|' || display_name || '|' || (password_hash IS NULL) || '|' "
				+ "|| (removed_at IS NOT NULL) FROM staff_user WHERE id = " + retired))
			.isEqualTo("removed-" + retired + "||true|true");
		assertThat(count("SELECT count(*) FROM staff_recovery_code WHERE user_id = " + retired)).isZero();
		assertThat(count("SELECT count(*) FROM staff_user WHERE display_name = 'Erika Mustermann' AND id IN ("
				+ disabledRecently + ", " + active + ")"))
			.isEqualTo(2);
		WebTestClient admin = StaffLogin.as(this.client, "admin");
		admin.get()
			.uri("/api/admin/users")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.id == " + retired + ")]")
			.doesNotExist()
			.jsonPath("$[?(@.id == " + disabledRecently + ")]")
			.exists();
		admin.get().uri("/api/admin/users/{id}", retired).exchange().expectStatus().isNotFound();
	}

	@Test
	void twoInstancesRunningAtOnceDoTheWorkOnce() {
		CLOCK.set(START.plus(Duration.ofDays(800)));
		this.retention.run("test").block(Duration.ofSeconds(30));
		Fixture lapsed = report(PersonalData.NAME, PersonalData.EMAIL, null);
		close(lapsed, "Erledigt.");
		CLOCK.advance(Duration.ofDays(31));

		List<RetentionReport> runs = Mono
			.zip(this.retention.run("instance-a"), this.retention.run("instance-b"), List::of)
			.block(Duration.ofSeconds(30));

		assertThat(runs.stream().mapToLong(RetentionReport::contactsErased).sum()).isEqualTo(1);
		assertThat(contactOf(lapsed)).isNull();
	}

	private Fixture report(String name, String email, String phone) {
		String description = "Laute Musik bis spät in die Nacht, " + UUID.randomUUID();
		Map<String, Object> contact = new HashMap<>(Map.of("name", name));
		if (email != null) {
			contact.put("email", email);
		}
		if (phone != null) {
			contact.put("phone", phone);
		}
		String code = Fixtures.submitReport(this.client,
				Map.of("category", "NOISE", "description", description, "location",
						Map.of("lat", 51.54234, "lon", 6.96812), "language", "de", "contact", contact, "consent",
						true));
		return new Fixture(count("SELECT id FROM report WHERE tracking_code = '" + code + "'"),
				count("SELECT incident_id FROM report WHERE tracking_code = '" + code + "'"), description);
	}

	private void close(Fixture fixture, String note) {
		WebTestClient lead = StaffLogin.as(this.client, "dispatcher", CLOCK);
		lead.post()
			.uri("/api/incidents/{id}/notes", fixture.incident())
			.bodyValue(Map.of("text", note))
			.exchange()
			.expectStatus()
			.isOk();
		int version = (int) count("SELECT version FROM incident WHERE id = " + fixture.incident());
		lead.post()
			.uri("/api/incidents/{id}/decision", fixture.incident())
			.bodyValue(Map.of("outcome", "NO_ACTION_POSSIBLE", "reason", "Niemand angetroffen", "version", version))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private static String contactOf(Fixture fixture) {
		return value("SELECT name FROM reporter_contact WHERE report_id = " + fixture.report());
	}

	private static String descriptionOf(Fixture fixture) {
		return value("SELECT description FROM report WHERE id = " + fixture.report());
	}

	private static String value(String sql) {
		return TestDatabase.queryString(DATABASE, sql);
	}

	private static long count(String sql) {
		return Long.parseLong(value(sql));
	}

	private record Fixture(long report, long incident, String description) {
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
