package de.quartierdispatch.demo;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import de.quartierdispatch.geo.AddressImportOptions;
import de.quartierdispatch.geo.AddressImporter;
import de.quartierdispatch.geo.QuarterImportOptions;
import de.quartierdispatch.geo.QuarterImporter;
import de.quartierdispatch.security.PasswordHasher;
import de.quartierdispatch.system.SqlParameters;
import io.r2dbc.spi.ConnectionFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.r2dbc.connection.init.ResourceDatabasePopulator;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Loads the demo city at start-up. Every step is idempotent, so restarting the demo keeps
 * what was entered in it.
 */
@Component
@Profile("demo")
// Before the check for a first administrator (InitialAdmin, order 0): the demo brings its
// own, and that check would otherwise warn that none exists.
@Order(-1)
class DemoData implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(DemoData.class);

	private static final Resource QUARTERS = new ClassPathResource("demo/bottrop-wahlbezirke-2025.geojson");

	private static final Resource ADDRESSES = new ClassPathResource("demo/bottrop-gazetteer-sample.csv");

	private static final Resource TEAMS_AND_CONTACT_POINTS = new ClassPathResource("demo/demo-data.sql");

	private static final Resource PARTNERS = new ClassPathResource("demo/partner-data.sql");

	/**
	 * One account per role; field staff belong to a team, counter staff to a contact
	 * point.
	 */
	private static final List<DemoAccount> ACCOUNTS = List.of(
			new DemoAccount("counter", "Aylin Demir (Demo)", "COUNTER", "Anlaufstelle Boy", null),
			new DemoAccount("dispatcher", "Jan Kowalski (Demo)", "DISPATCHER", null, null),
			new DemoAccount("field", "Mara Schulte (Demo)", "FIELD", null, "KOD Streife Boy 1"),
			new DemoAccount("analyst", "Tobias Brandt (Demo)", "ANALYST", null, null),
			new DemoAccount("admin", "Admin (Demo)", "ADMIN", null, null),
			new DemoAccount("partner", "Samira Haddad (Demo, Caritas)", "PARTNER", null, null));

	private final QuarterImporter quarters;

	private final AddressImporter addresses;

	private final ConnectionFactory connections;

	private final DatabaseClient db;

	private final PasswordHasher passwords;

	private final DemoProperties properties;

	DemoData(QuarterImporter quarters, AddressImporter addresses, ConnectionFactory connections, DatabaseClient db,
			PasswordHasher passwords, DemoProperties properties) {
		this.quarters = quarters;
		this.addresses = addresses;
		this.connections = connections;
		this.db = db;
		this.passwords = passwords;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		// Start-up is the edge of the application: the server is not ready until the demo
		// is.
		load().block(Duration.ofMinutes(5));
	}

	Mono<Void> load() {
		return importQuarters().then(importAddresses())
			.then(insertTeamsAndContactPoints())
			.then(createAccounts())
			.then(insertPartners());
	}

	private Mono<Void> importQuarters() {
		QuarterImportOptions options = new QuarterImportOptions("wahlbezirk_nr", "wahlbezirk_name", true);
		return this.quarters.importFile(QUARTERS, QUARTERS.getFilename(), options)
			.doOnNext((report) -> logger.info("Demo quarters: {} created, {} updated, {} unchanged", report.created(),
					report.updated(), report.unchanged()))
			.then();
	}

	private Mono<Void> importAddresses() {
		return this.addresses.importCsv(ADDRESSES, AddressImportOptions.nrwHauskoordinaten())
			.doOnNext((report) -> logger.info("Demo addresses: {} rows, {} written", report.rows(), report.imported()))
			.then();
	}

	private Mono<Void> insertTeamsAndContactPoints() {
		return new ResourceDatabasePopulator(TEAMS_AND_CONTACT_POINTS).populate(this.connections);
	}

	/** Partner organisations and services; the demo partner account belongs to one. */
	private Mono<Void> insertPartners() {
		return new ResourceDatabasePopulator(PARTNERS).populate(this.connections);
	}

	private Mono<Void> createAccounts() {
		String password = initialPassword();
		return Flux.fromIterable(ACCOUNTS)
			.filterWhen((account) -> missing(account.username()))
			.concatMap((account) -> this.passwords.hash(password).flatMap((hash) -> insert(account, hash)))
			.then();
	}

	private String initialPassword() {
		if (this.properties.password() != null && !this.properties.password().isBlank()) {
			return this.properties.password();
		}
		byte[] random = new byte[12];
		new SecureRandom().nextBytes(random);
		String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		logger.warn("DEMO_PASSWORD is not set. New demo accounts get this generated password: {}", generated);
		return generated;
	}

	private Mono<Boolean> missing(String username) {
		return this.db.sql("SELECT NOT EXISTS (SELECT 1 FROM staff_user WHERE username = :username) AS missing")
			.bind("username", username)
			.map((row) -> row.get("missing", Boolean.class))
			.one();
	}

	private Mono<Void> insert(DemoAccount account, String hash) {
		return this.db.sql("""
				INSERT INTO staff_user (username, display_name, password_hash, roles, contact_point_id, team_id)
				VALUES (:username, :displayName, :hash, ARRAY[:role],
				        (SELECT id FROM contact_point WHERE name = :contactPoint),
				        (SELECT id FROM team WHERE name = :team))
				ON CONFLICT (username) DO NOTHING
				""")
			.bind("username", account.username())
			.bind("displayName", account.displayName())
			.bind("hash", hash)
			.bind("role", account.role())
			.bind("contactPoint", SqlParameters.nullable(account.contactPoint(), String.class))
			.bind("team", SqlParameters.nullable(account.team(), String.class))
			.then()
			.doOnSuccess((done) -> logger.info("Demo account '{}' ({}) created", account.username(), account.role()));
	}

	private record DemoAccount(String username, String displayName, String role, @Nullable String contactPoint,
			@Nullable String team) {
	}

}
