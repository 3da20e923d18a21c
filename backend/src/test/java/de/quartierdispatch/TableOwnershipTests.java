package de.quartierdispatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every table has one owning module, and only the owner writes to it: other modules go
 * through the owner's API. (Reading another module's tables for a read model is allowed;
 * ARCHITECTURE.md says where.) The few writes across modules that remain are listed below
 * with the reason; a new one fails this test.
 */
class TableOwnershipTests {

	private static final Path MAIN_SOURCES = Path.of("src/main/java/de/quartierdispatch");

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	private static final Map<String, Set<String>> OWNED = Map.ofEntries(
			Map.entry("accessibility", Set.of("accessibility_feedback")),
			Map.entry("board", Set.of("board_event", "board_event_sequence")),
			Map.entry("category", Set.of("report_category")), Map.entry("contactpoint", Set.of("contact_point")),
			Map.entry("geo", Set.of("address", "quarter")),
			Map.entry("incident",
					Set.of("assignment", "check_in", "field_step_key", "incident", "incident_note", "report_move")),
			Map.entry("intake", Set.of("idempotency_key", "report", "reporter_contact")),
			Map.entry("mail", Set.of("mail_outbox", "reporter_mail", "reporter_message")),
			Map.entry("open311", Set.of("open311_api_key")),
			Map.entry("partner", Set.of("partner_member", "partner_organisation", "partner_service")),
			Map.entry("photo", Set.of("photo")), Map.entry("privacy", Set.of("audit_log")),
			// The public map's cells, written by Flyway from its settings.
			Map.entry("publicmap", Set.of("public_grid")),
			Map.entry("referral", Set.of("referral", "referral_contact", "referral_note")),
			Map.entry("routing", Set.of("routing_rule", "routing_rule_change")),
			Map.entry("security",
					Set.of("staff_recovery_code", "staff_session", "staff_totp", "staff_totp_used_step", "staff_user")),
			Map.entry("team", Set.of("team", "team_quarter", "team_type")),
			Map.entry("webhook", Set.of("webhook_delivery", "webhook_subscriber")));

	/** Writes across modules that remain, as "module -> table", each with its reason. */
	private static final Set<String> KNOWN_EXCEPTIONS = Set.of(
			// The demo city is loaded as rows, with its accounts.
			"demo -> staff_user",
			// Merging and reopening move reports between incidents; intake depends on
			// incident, so incident cannot call intake without a cycle.
			"incident -> report",
			// Retention and erasure requests remove personal data of several modules in
			// one transaction, so that none is half-erased.
			"privacy -> assignment", "privacy -> idempotency_key", "privacy -> incident", "privacy -> incident_note",
			"privacy -> report", "privacy -> reporter_contact", "privacy -> reporter_message",
			// Account administration writes the accounts that security signs in.
			"staff -> staff_user");

	private static final Pattern CREATE_TABLE = Pattern
		.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z0-9_]+)\\s*\\(");

	private static final Pattern WRITE = Pattern
		.compile("(?i)\\b(?:insert\\s+into|update|delete\\s+from)\\s+([a-z0-9_]+)");

	@Test
	void everyTableHasOneOwner() throws IOException {
		Set<String> owned = new TreeSet<>();
		OWNED.values()
			.forEach((tables) -> tables
				.forEach((table) -> assertThat(owned.add(table)).as("%s has more than one owner", table).isTrue()));
		assertThat(owned).as("tables the migrations create, each owned by one module").isEqualTo(tables());
	}

	@Test
	void onlyTheOwnerWritesToATable() throws IOException {
		Set<String> tables = tables();
		Set<String> writes = new TreeSet<>();
		try (Stream<Path> modules = Files.list(MAIN_SOURCES)) {
			for (Path module : modules.filter(Files::isDirectory).toList()) {
				String name = module.getFileName().toString();
				Set<String> own = OWNED.getOrDefault(name, Set.of());
				for (String table : writtenTables(module)) {
					if (tables.contains(table) && !own.contains(table)) {
						writes.add(name + " -> " + table);
					}
				}
			}
		}
		assertThat(writes).as("writes to another module's table").isEqualTo(new TreeSet<>(KNOWN_EXCEPTIONS));
	}

	private static Set<String> tables() throws IOException {
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			return files.filter((file) -> file.toString().endsWith(".sql"))
				.flatMap((file) -> matches(CREATE_TABLE, read(file)).stream())
				.collect(Collectors.toCollection(TreeSet::new));
		}
	}

	private static Set<String> writtenTables(Path module) throws IOException {
		try (Stream<Path> files = Files.walk(module)) {
			return files.filter((file) -> file.toString().endsWith(".java"))
				.flatMap((file) -> matches(WRITE, read(file)).stream())
				.collect(Collectors.toCollection(TreeSet::new));
		}
	}

	private static List<String> matches(Pattern pattern, String text) {
		List<String> found = new ArrayList<>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group(1).toLowerCase(Locale.ROOT));
		}
		return found;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
