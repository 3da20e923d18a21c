package de.quartierdispatch.mail;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import de.quartierdispatch.board.BoardEventType;
import de.quartierdispatch.board.EventLog;
import de.quartierdispatch.security.StaffPrincipal;
import de.quartierdispatch.system.ProblemException;
import de.quartierdispatch.system.SqlParameters;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A lead's short public updates for the reporters of an incident ("message to the
 * reporter"): stored, queued for every subscribed reporter and announced on the board in
 * one transaction; shown on the status page.
 */
@Service
public class ReporterMessages {

	private final DatabaseClient db;

	private final Outbox outbox;

	private final EventLog events;

	private final Clock clock;

	ReporterMessages(DatabaseClient db, Outbox outbox, EventLog events, Clock clock) {
		this.db = db;
		this.outbox = outbox;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	Mono<PublicMessage> post(long incidentId, String text, @Nullable String language, StaffPrincipal lead) {
		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		String actor = "staff:" + lead.userId();
		return quarterOf(incidentId).switchIfEmpty(Mono.error(IncidentNotFoundException::new))
			.flatMap((quarter) -> lead.seesQuarter(quarter.orElse(null))
					? insert(incidentId, text, language, actor, now) : Mono.error(new OutsideScopeException()))
			.flatMap((message) -> this.outbox.queueMessage(incidentId, message.id(), now)
				.then(this.events.incidentChanged(BoardEventType.NOTE_ADDED, incidentId, actor,
						Map.of("publicMessage", message.id())))
				.thenReturn(message));
	}

	Flux<PublicMessage> ofIncident(long incidentId, StaffPrincipal lead) {
		return this.db.sql("SELECT quarter_id FROM incident WHERE id = :id")
			.bind("id", incidentId)
			.map((row) -> Optional.ofNullable(row.get("quarter_id", Long.class)))
			.one()
			.switchIfEmpty(Mono.error(IncidentNotFoundException::new))
			.flatMap((quarter) -> lead.seesQuarter(quarter.orElse(null)) ? Mono.just(quarter)
					: Mono.error(new OutsideScopeException()))
			.thenMany(messagesOf(incidentId));
	}

	private Flux<PublicMessage> messagesOf(long incidentId) {
		return this.db
			.sql("""
					SELECT id, text, language, created_at FROM reporter_message WHERE incident_id = :incident ORDER BY created_at, id
					""")
			.bind("incident", incidentId)
			.map(ReporterMessages::toMessage)
			.all();
	}

	/** The public messages about the incident a tracking code's report belongs to. */
	public Flux<PublicMessage> forTrackingCode(String trackingCode) {
		return this.db.sql("""
				SELECT m.id, m.text, m.language, m.created_at
				FROM reporter_message m JOIN report r ON r.incident_id = m.incident_id
				WHERE r.tracking_code = :code AND r.redacted_at IS NULL
				ORDER BY m.created_at, m.id
				""").bind("code", trackingCode).map(ReporterMessages::toMessage).all();
	}

	private Mono<Optional<Long>> quarterOf(long incidentId) {
		return this.db.sql("SELECT quarter_id FROM incident WHERE id = :id FOR UPDATE")
			.bind("id", incidentId)
			.map((row) -> Optional.ofNullable(row.get("quarter_id", Long.class)))
			.one();
	}

	private Mono<PublicMessage> insert(long incidentId, String text, @Nullable String language, String actor,
			OffsetDateTime at) {
		return this.db.sql("""
				INSERT INTO reporter_message (incident_id, text, language, author, created_at)
				VALUES (:incident, :text, :language, :author, :at)
				RETURNING id, text, language, created_at
				""")
			.bind("incident", incidentId)
			.bind("text", text)
			.bind("language", SqlParameters.nullable(language, String.class))
			.bind("author", actor)
			.bind("at", at)
			.map(ReporterMessages::toMessage)
			.one();
	}

	private static PublicMessage toMessage(Readable row) {
		return new PublicMessage(row.get("id", Long.class), row.get("text", String.class),
				row.get("language", String.class),
				row.get("created_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC));
	}

	/**
	 * A public message, as reporters read it.
	 *
	 * @param id its id
	 * @param text what the lead wrote
	 * @param language the language it is written in, when the lead said
	 * @param at when
	 */
	public record PublicMessage(long id, String text, @Nullable String language, OffsetDateTime at) {
	}

	/** No such incident. */
	static class IncidentNotFoundException extends ProblemException {

		IncidentNotFoundException() {
			super(HttpStatus.NOT_FOUND, "incident-not-found");
		}

	}

	/**
	 * The incident lies outside the lead's quarters: refused as such, as its detail and
	 * every other action on it.
	 */
	static class OutsideScopeException extends ProblemException {

		OutsideScopeException() {
			super(HttpStatus.FORBIDDEN, "incident-outside-scope");
		}

	}

}
