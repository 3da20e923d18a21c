package de.quartierdispatch.intake;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

import de.quartierdispatch.geo.GeoPoint;
import de.quartierdispatch.intake.IdempotentSubmissions.Answer;
import de.quartierdispatch.routing.ReportFlag;
import de.quartierdispatch.system.SqlParameters;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Reports and their (separately kept) contact details.
 */
@Repository
class Reports {

	private static final String INSERT = """
			INSERT INTO report (tracking_code, incident_id, channel, category_code, description, language, location,
			                    address_label, quarter_id, flags, interpreter_needed, contact_point_id, entered_by,
			                    submitted_at, source_name)
			VALUES (:code, :incident, :channel, :category, :description, :language,
			        ST_SetSRID(ST_MakePoint(:lon, :lat), 4326), :address, :quarter, :flags, :interpreter,
			        :contactPoint, :enteredBy, :submittedAt, :source)
			RETURNING id
			""";

	/** The contact details, given with consent when the report was submitted. */
	private static final String CONTACT = """
			contact AS (INSERT INTO reporter_contact (report_id, name, email, phone, consent_at)
			            SELECT id, :name, :email, :phone, :submittedAt FROM stored)""";

	/** The answer to a retry under the same Idempotency-Key. */
	private static final String ANSWER = """
			answer AS (INSERT INTO idempotency_key (key, request_hash, response_status, response_body)
			           VALUES (:key, :hash, :status, :body))""";

	/**
	 * The report with what belongs to it, in one round trip (data-modifying WITH clauses
	 * run whether or not anything reads them).
	 */
	private static final String INSERT_WITH_CONTACT = with(CONTACT);

	private static final String INSERT_WITH_ANSWER = with(ANSWER);

	private static final String INSERT_WITH_CONTACT_AND_ANSWER = with(CONTACT, ANSWER);

	private static final String STATUS = """
			SELECT r.tracking_code, r.category_code, r.submitted_at, r.language, i.state, i.outcome,
			       CASE WHEN i.outcome = 'REFERRED' THEN i.referred_to END AS referred_to,
			       -- what the reporter can see: the public status, or a message to them; never
			       -- before the report itself (one that joined an older incident)
			       greatest(i.public_changed_at, r.submitted_at,
			                (SELECT max(m.created_at) FROM reporter_message m WHERE m.incident_id = i.id)) AS updated_at
			FROM report r JOIN incident i ON i.id = r.incident_id
			WHERE r.tracking_code = :code AND r.redacted_at IS NULL
			""";

	private static final String NEARBY_OPEN = """
			SELECT i.id, i.state, i.created_at,
			       round(ST_Distance(i.location::geography, here.point::geography))::int AS distance,
			       (SELECT count(*) FROM report r WHERE r.incident_id = i.id) AS reports,
			       first.address_label, left(first.description, 140) AS excerpt
			FROM incident i
			CROSS JOIN (SELECT ST_SetSRID(ST_MakePoint(:lon, :lat), 4326) AS point) AS here
			CROSS JOIN LATERAL (SELECT address_label, description FROM report r
			                    WHERE r.incident_id = i.id ORDER BY r.submitted_at LIMIT 1) AS first
			WHERE i.state IN ('OPEN', 'DISPATCHED', 'ON_SITE')
			  AND i.category_code = :category
			  AND i.created_at > :since
			  AND ST_DWithin(i.location::geography, here.point::geography, :radius)
			  AND (:unscoped OR i.quarter_id = ANY(:scope))
			ORDER BY distance, i.created_at DESC
			LIMIT 10
			""";

	private final DatabaseClient db;

	Reports(DatabaseClient db) {
		this.db = db;
	}

	private static String with(String... parts) {
		StringJoiner clauses = new StringJoiner(",\n", "WITH ", "\nSELECT id FROM stored");
		clauses.add("stored AS (" + INSERT.strip() + ")");
		Arrays.stream(parts).forEach(clauses::add);
		return clauses.toString();
	}

	/**
	 * Stores the report, its contact details when it has any, and the answer for its
	 * Idempotency-Key when it has one. Returns its id.
	 */
	Mono<Long> insert(String trackingCode, long incidentId, NewReport report, @Nullable Long quarterId,
			OffsetDateTime at, @Nullable Answer answer) {
		ContactDetails contact = report.contact();
		String sql = (contact != null) ? ((answer != null) ? INSERT_WITH_CONTACT_AND_ANSWER : INSERT_WITH_CONTACT)
				: ((answer != null) ? INSERT_WITH_ANSWER : INSERT);
		DatabaseClient.GenericExecuteSpec insert = this.db.sql(sql)
			.bind("code", trackingCode)
			.bind("incident", incidentId)
			.bind("channel", report.channel().name())
			.bind("category", report.category())
			.bind("description", report.description())
			.bind("language", report.language())
			.bind("lat", report.location().lat())
			.bind("lon", report.location().lon())
			.bind("address", SqlParameters.nullable(report.address(), String.class))
			.bind("quarter", SqlParameters.nullable(quarterId, Long.class))
			.bind("flags", report.flags().stream().map(ReportFlag::name).sorted().toArray(String[]::new))
			.bind("interpreter", report.interpreterNeeded())
			.bind("contactPoint", SqlParameters.nullable(report.contactPointId(), Long.class))
			.bind("enteredBy", SqlParameters.nullable(report.enteredBy(), Long.class))
			.bind("submittedAt", at)
			.bind("source", SqlParameters.nullable(report.sourceName(), String.class));
		if (contact != null) {
			insert = insert.bind("name", SqlParameters.nullable(contact.name(), String.class))
				.bind("email", SqlParameters.nullable(contact.email(), String.class))
				.bind("phone", SqlParameters.nullable(contact.phone(), String.class));
		}
		if (answer != null) {
			insert = insert.bind("key", answer.claim().key())
				.bind("hash", answer.claim().fingerprint())
				.bind("status", answer.status())
				.bind("body", answer.body());
		}
		return insert.map((row) -> row.get("id", Long.class)).one();
	}

	Mono<Long> idOf(String trackingCode) {
		return this.db.sql("SELECT id FROM report WHERE tracking_code = :code")
			.bind("code", trackingCode)
			.map((row) -> row.get("id", Long.class))
			.one();
	}

	/**
	 * The report a resident's code stands for, unless it was erased: after erasure (on
	 * request or by retention) the code no longer identifies or acts on anything.
	 */
	Mono<Long> unerasedIdOf(String trackingCode) {
		return this.db.sql("SELECT id FROM report WHERE tracking_code = :code AND redacted_at IS NULL")
			.bind("code", trackingCode)
			.map((row) -> row.get("id", Long.class))
			.one();
	}

	/** The progress of a report that was not erased. */
	Mono<ReportStatus> findStatus(String trackingCode) {
		return this.db.sql(STATUS).bind("code", trackingCode).map(Reports::toStatus).one();
	}

	/**
	 * Open incidents near a point, within the given quarters (all when the list is
	 * empty).
	 */
	Flux<NearbyIncident> findNearbyOpen(String category, GeoPoint point, int radiusMeters, Duration window,
			OffsetDateTime now, List<Long> quarterScope) {
		return this.db.sql(NEARBY_OPEN)
			.bind("unscoped", quarterScope.isEmpty())
			.bind("scope", quarterScope.toArray(Long[]::new))
			.bind("category", category)
			.bind("lat", point.lat())
			.bind("lon", point.lon())
			.bind("radius", (double) radiusMeters)
			.bind("since", now.minus(window))
			.map((row) -> new NearbyIncident(row.get("id", Long.class), row.get("state", String.class),
					row.get("distance", Integer.class), row.get("created_at", OffsetDateTime.class),
					row.get("reports", Long.class), row.get("address_label", String.class),
					row.get("excerpt", String.class)))
			.all();
	}

	private static ReportStatus toStatus(Readable row) {
		return new ReportStatus(row.get("tracking_code", String.class), publicStatus(row.get("state", String.class)),
				row.get("category_code", String.class), utc(row.get("submitted_at", OffsetDateTime.class)),
				utc(row.get("updated_at", OffsetDateTime.class)), row.get("language", String.class),
				row.get("outcome", String.class), row.get("referred_to", String.class), List.of());
	}

	private static ReportStatus.Status publicStatus(String state) {
		return switch (state) {
			case "OPEN" -> ReportStatus.Status.RECEIVED;
			case "DISPATCHED", "ON_SITE" -> ReportStatus.Status.IN_PROGRESS;
			case "RESOLVED" -> ReportStatus.Status.RESOLVED;
			case "REFERRED" -> ReportStatus.Status.REFERRED;
			default -> ReportStatus.Status.CLOSED;
		};
	}

	private static OffsetDateTime utc(OffsetDateTime time) {
		return time.withOffsetSameInstant(ZoneOffset.UTC);
	}

}
