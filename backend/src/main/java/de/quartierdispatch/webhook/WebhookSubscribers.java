package de.quartierdispatch.webhook;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The subscribers. The signing secret is generated here and stored (it is needed to
 * sign); administrators see it once, when the subscriber is created.
 */
@Repository
class WebhookSubscribers {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String COLUMNS = "id, name, url, events, enabled, created_by, created_at, updated_at";

	private final DatabaseClient db;

	WebhookSubscribers(DatabaseClient db) {
		this.db = db;
	}

	Flux<Subscriber> findAll() {
		return this.db.sql("SELECT " + COLUMNS + " FROM webhook_subscriber ORDER BY lower(name)")
			.map(WebhookSubscribers::toSubscriber)
			.all();
	}

	/** Whether a subscriber has this name already, written in any case. */
	Mono<Boolean> nameTaken(String name) {
		return this.db.sql("SELECT EXISTS (SELECT 1 FROM webhook_subscriber WHERE lower(name) = lower(:name)) AS taken")
			.bind("name", name)
			.map((row) -> Boolean.TRUE.equals(row.get("taken", Boolean.class)))
			.one();
	}

	Mono<Subscriber> find(long id) {
		return this.db.sql("SELECT " + COLUMNS + " FROM webhook_subscriber WHERE id = :id")
			.bind("id", id)
			.map(WebhookSubscribers::toSubscriber)
			.one();
	}

	Mono<CreatedSubscriber> create(String name, String url, Set<WebhookEvent> events, String by, OffsetDateTime now) {
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		return this.db.sql("""
				INSERT INTO webhook_subscriber (name, url, secret, events, created_by, created_at, updated_at)
				VALUES (:name, :url, :secret, :events, :by, :now, :now)
				RETURNING""" + " " + COLUMNS)
			.bind("name", name)
			.bind("url", url)
			.bind("secret", secret)
			.bind("events", names(events))
			.bind("by", by)
			.bind("now", now)
			.map(WebhookSubscribers::toSubscriber)
			.one()
			.map((created) -> new CreatedSubscriber(created, secret));
	}

	Mono<Subscriber> update(long id, String url, Set<WebhookEvent> events, boolean enabled, OffsetDateTime now) {
		return this.db.sql("""
				UPDATE webhook_subscriber SET url = :url, events = :events, enabled = :enabled, updated_at = :now
				WHERE id = :id
				RETURNING""" + " " + COLUMNS)
			.bind("id", id)
			.bind("url", url)
			.bind("events", names(events))
			.bind("enabled", enabled)
			.bind("now", now)
			.map(WebhookSubscribers::toSubscriber)
			.one();
	}

	Mono<Subscriber> delete(long id) {
		return this.db.sql("DELETE FROM webhook_subscriber WHERE id = :id RETURNING " + COLUMNS)
			.bind("id", id)
			.map(WebhookSubscribers::toSubscriber)
			.one();
	}

	private static String[] names(Set<WebhookEvent> events) {
		return events.stream().map(WebhookEvent::name).sorted().toArray(String[]::new);
	}

	private static Subscriber toSubscriber(Readable row) {
		List<String> events = Arrays.asList(row.get("events", String[].class));
		return new Subscriber(row.get("id", Long.class), row.get("name", String.class), row.get("url", String.class),
				events, Boolean.TRUE.equals(row.get("enabled", Boolean.class)), row.get("created_by", String.class),
				row.get("created_at", OffsetDateTime.class), row.get("updated_at", OffsetDateTime.class));
	}

	/**
	 * A subscriber as administrators see it (without its secret).
	 *
	 * @param id its id
	 * @param name e.g. the city system's name
	 * @param url where events are posted
	 * @param events the events it receives
	 * @param enabled whether it receives them now
	 * @param createdBy who created it
	 * @param createdAt when
	 * @param updatedAt when it last changed
	 */
	record Subscriber(long id, String name, String url, List<String> events, boolean enabled, String createdBy,
			OffsetDateTime createdAt, OffsetDateTime updatedAt) {
	}

	/**
	 * A subscriber just created.
	 *
	 * @param subscriber what administrators see of it
	 * @param secret its signing secret, shown this once
	 */
	record CreatedSubscriber(Subscriber subscriber, String secret) {
	}

}
