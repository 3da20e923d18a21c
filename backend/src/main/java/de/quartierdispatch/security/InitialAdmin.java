package de.quartierdispatch.security;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator from configuration ({@code ADMIN_USERNAME},
 * {@code ADMIN_PASSWORD}) when no administrator exists yet. Once one exists, the setting
 * is ignored: administrators are then managed through the admin API.
 */
@Component
@ConditionalOnWebApplication
@Order(0)
class InitialAdmin implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(InitialAdmin.class);

	private final DatabaseClient db;

	private final PasswordHasher passwords;

	private final SecurityProperties properties;

	InitialAdmin(DatabaseClient db, PasswordHasher passwords, SecurityProperties properties) {
		this.db = db;
		this.passwords = passwords;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		// Start-up is the edge of the application: nothing is served before this is done.
		createIfNoAdmin().block(Duration.ofMinutes(1));
	}

	Mono<Void> createIfNoAdmin() {
		return adminExists().flatMap((exists) -> {
			if (exists) {
				return Mono.empty();
			}
			SecurityProperties.InitialAdmin admin = this.properties.initialAdmin();
			if (admin.password() == null || admin.password().isBlank()) {
				logger
					.warn("No administrator exists. Set ADMIN_PASSWORD (and ADMIN_USERNAME) to create the first one.");
				return Mono.empty();
			}
			if (admin.password().codePointCount(0, admin.password().length()) < PasswordHasher.MIN_LENGTH) {
				logger.error("ADMIN_PASSWORD is shorter than {} characters: no administrator was created.",
						PasswordHasher.MIN_LENGTH);
				return Mono.empty();
			}
			return this.passwords.hash(admin.password()).flatMap((hash) -> insert(admin.username(), hash));
		});
	}

	private Mono<Boolean> adminExists() {
		return this.db.sql("SELECT EXISTS (SELECT 1 FROM staff_user WHERE 'ADMIN' = ANY (roles)) AS present")
			.map((row) -> row.get("present", Boolean.class))
			.one();
	}

	private Mono<Void> insert(String username, String hash) {
		return this.db.sql("""
				INSERT INTO staff_user (username, display_name, password_hash, roles)
				VALUES (:username, 'Administrator', :hash, ARRAY['ADMIN'])
				ON CONFLICT (username) DO NOTHING
				""")
			.bind("username", username)
			.bind("hash", hash)
			.then()
			.doOnSuccess((done) -> logger.info("The first administrator '{}' was created", username));
	}

}
