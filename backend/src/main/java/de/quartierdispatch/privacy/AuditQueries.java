package de.quartierdispatch.privacy;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;

import de.quartierdispatch.system.SqlParameters;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The audit log for administrators, newest first, filtered and paged by id.
 */
@Repository
class AuditQueries {

	static final int MAX_PAGE = 500;

	private static final String ENTRIES = """
			SELECT a.id, a.at, a.actor, u.username AS actor_username, u.display_name AS actor_name, a.action,
			       a.report_id, r.tracking_code, a.purpose, a.details::text AS details
			FROM audit_log a
			LEFT JOIN staff_user u ON a.actor = 'staff:' || u.id
			LEFT JOIN report r ON r.id = a.report_id
			WHERE (:action::text IS NULL OR a.action = :action)
			  AND (:username::text IS NULL OR a.actor = (SELECT 'staff:' || id FROM staff_user WHERE username = :username))
			  AND (:report::bigint IS NULL OR a.report_id = :report OR a.details ->> 'referral' IN (%1$s r2.id = :report)
			       OR (a.report_id IS NULL AND a.details ->> 'photo' IN (%2$s r3.id = :report)))
			  AND (:trackingCode::text IS NULL OR r.tracking_code = :trackingCode
			       OR a.details ->> 'referral' IN (%1$s r2.tracking_code = :trackingCode)
			       OR (a.report_id IS NULL AND a.details ->> 'photo' IN (%2$s r3.tracking_code = :trackingCode)))
			  AND (:from::timestamptz IS NULL OR a.at >= :from)
			  AND (:to::timestamptz IS NULL OR a.at < :to)
			  AND (:before::bigint IS NULL OR a.id < :before)
			ORDER BY a.id DESC
			LIMIT :limit
			"""
		.formatted(
				// A referral made from the report's case is about its reporter too: who
				// read the contact details passed on (a partner) belongs to "who saw
				// this person's data".
				"""
						SELECT f.id::text FROM referral f JOIN report r2
						    ON f.incident_id IN (SELECT case_incidents(r2.incident_id)) WHERE""",
				// A team's photo of the case: a look at it is audited by photo and
				// incident (the case may have several reports).
				"""
						SELECT p.id::text FROM photo p JOIN report r3
						    ON p.incident_id IN (SELECT case_incidents(r3.incident_id))
						WHERE p.assignment_id IS NOT NULL AND""");

	private final DatabaseClient db;

	AuditQueries(DatabaseClient db) {
		this.db = db;
	}

	Flux<AuditEntry> find(AuditFilter filter) {
		return this.db.sql(ENTRIES)
			.bind("action", SqlParameters.nullable(filter.action(), String.class))
			.bind("username", SqlParameters.nullable(filter.username(), String.class))
			.bind("report", SqlParameters.nullable(filter.reportId(), Long.class))
			.bind("trackingCode", SqlParameters.nullable(filter.trackingCode(), String.class))
			.bind("from", SqlParameters.nullable(filter.from(), OffsetDateTime.class))
			.bind("to", SqlParameters.nullable(filter.to(), OffsetDateTime.class))
			.bind("before", SqlParameters.nullable(filter.before(), Long.class))
			.bind("limit", Math.min(Math.max(filter.limit(), 1), MAX_PAGE))
			.map((row) -> new AuditEntry(row.get("id", Long.class), row.get("at", OffsetDateTime.class),
					row.get("actor", String.class), row.get("actor_username", String.class),
					row.get("actor_name", String.class), row.get("action", String.class),
					row.get("report_id", Long.class), row.get("tracking_code", String.class),
					row.get("purpose", String.class), row.get("details", String.class)))
			.all();
	}

	/**
	 * What to look for; every part is optional.
	 *
	 * @param action e.g. {@code CONTACT_READ}
	 * @param username the staff member who acted
	 * @param reportId the report concerned
	 * @param trackingCode the report concerned, by the code its reporter knows
	 * @param from entries at or after
	 * @param to entries before
	 * @param before entries with a smaller id (the next page)
	 * @param limit at most this many ({@value #MAX_PAGE} at most)
	 */
	record AuditFilter(@Nullable String action, @Nullable String username, @Nullable Long reportId,
			@Nullable String trackingCode, @Nullable OffsetDateTime from, @Nullable OffsetDateTime to,
			@Nullable Long before, int limit) {

		/**
		 * What was looked for, and how many entries were shown, for the record of the
		 * look.
		 */
		Map<String, Object> searched(int entries) {
			Map<String, Object> searched = new TreeMap<>();
			searched.put("entries", entries);
			putIfGiven(searched, "searchedAction", this.action);
			putIfGiven(searched, "searchedUsername", this.username);
			putIfGiven(searched, "searchedReport", this.reportId);
			putIfGiven(searched, "searchedTrackingCode", this.trackingCode);
			putIfGiven(searched, "from", (this.from != null) ? this.from.toString() : null);
			putIfGiven(searched, "to", (this.to != null) ? this.to.toString() : null);
			return searched;
		}

		private static void putIfGiven(Map<String, Object> map, String key, @Nullable Object value) {
			if (value != null) {
				map.put(key, value);
			}
		}

	}

}
