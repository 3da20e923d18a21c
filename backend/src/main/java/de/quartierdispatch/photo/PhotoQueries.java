package de.quartierdispatch.photo;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

import de.quartierdispatch.system.SqlParameters;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * What the photo module reads of reports, incidents and assignments: whom a photo is for
 * and who may see it.
 */
@Repository
class PhotoQueries {

	/**
	 * A team sees an incident's photos while it is on it; once it finished there (after
	 * {@code since}), those the case had when it finished and those it took itself, none
	 * added or merged in after, and still those of its reports that a merge or follow-up
	 * has since moved to another incident ({@code incident_reports_at}, V136). Of one
	 * incident, or (none given) of every job the team has or finished.
	 */
	private static final String TEAM_SEES = """
			WITH jobs AS (
			    SELECT a.id, a.incident_id, a.state, a.updated_at FROM assignment a
			    WHERE a.team_id = :team AND (:incident::bigint IS NULL OR a.incident_id = :incident)
			      AND (a.state IN ('ASSIGNED', 'EN_ROUTE', 'ON_SITE') OR (a.state = 'DONE' AND a.updated_at > :since))
			), candidates AS (
			    SELECT a.id AS job, p.id, p.assignment_id, p.created_at
			    FROM jobs a JOIN photo p ON p.incident_id = a.incident_id
			    UNION ALL
			    SELECT a.id, p.id, p.assignment_id, p.created_at
			    FROM jobs a
			    CROSS JOIN LATERAL incident_reports_at(a.incident_id,
			                                           CASE WHEN a.state = 'DONE' THEN a.updated_at END) AS r(id)
			    JOIN photo p ON p.report_id = r.id
			)
			SELECT DISTINCT c.id FROM candidates c JOIN jobs a ON a.id = c.job
			WHERE a.state <> 'DONE' OR c.assignment_id = a.id OR c.created_at <= a.updated_at
			""";

	private final DatabaseClient db;

	PhotoQueries(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * The report with this tracking code, locked for the rest of the transaction so that
	 * two uploads at once cannot both take the last place.
	 */
	Mono<UploadTarget> lockReport(String trackingCode) {
		return this.db
			.sql("""
					SELECT id, incident_id, submitted_at, quarter_id, entered_by FROM report WHERE tracking_code = :code AND redacted_at IS NULL
					FOR NO KEY UPDATE
					""")
			.bind("code", trackingCode)
			.map(PhotoQueries::toUploadTarget)
			.one();
	}

	Mono<UploadTarget> lockReport(long reportId) {
		return this.db
			.sql("""
					SELECT id, incident_id, submitted_at, quarter_id, entered_by FROM report WHERE id = :id AND redacted_at IS NULL
					FOR NO KEY UPDATE
					""")
			.bind("id", reportId)
			.map(PhotoQueries::toUploadTarget)
			.one();
	}

	/** Where a photo belongs, for the access check. */
	Mono<PhotoPlace> place(long photoId) {
		return this.db.sql("""
				SELECT p.id, p.report_id, i.id AS incident_id, i.quarter_id, p.hidden_at IS NOT NULL AS hidden
				FROM photo p
				LEFT JOIN report r ON r.id = p.report_id
				JOIN incident i ON i.id = coalesce(p.incident_id, r.incident_id)
				WHERE p.id = :id
				""")
			.bind("id", photoId)
			.map((row) -> new PhotoPlace(row.get("id", Long.class), row.get("report_id", Long.class),
					row.get("incident_id", Long.class), row.get("quarter_id", Long.class),
					Boolean.TRUE.equals(row.get("hidden", Boolean.class))))
			.one();
	}

	/** The quarter of an incident; empty when there is no such incident. */
	Mono<IncidentPlace> incident(long incidentId) {
		return this.db.sql("SELECT id, quarter_id FROM incident WHERE id = :id")
			.bind("id", incidentId)
			.map((row) -> new IncidentPlace(row.get("id", Long.class), row.get("quarter_id", Long.class)))
			.one();
	}

	/**
	 * Whether a team is on an incident, or finished its part there after
	 * {@code finishedSince}.
	 */
	Mono<Boolean> teamWorksOn(long teamId, long incidentId, OffsetDateTime finishedSince) {
		return this.db.sql("""
				SELECT EXISTS (SELECT 1 FROM assignment
				               WHERE team_id = :team AND incident_id = :incident
				                 AND (state IN ('ASSIGNED', 'EN_ROUTE', 'ON_SITE')
				                      OR (state = 'DONE' AND updated_at > :since))) AS works
				""")
			.bind("team", teamId)
			.bind("incident", incidentId)
			.bind("since", finishedSince)
			.map((row) -> Boolean.TRUE.equals(row.get("works", Boolean.class)))
			.one();
	}

	/**
	 * The photos a field team sees, of one incident or of all its jobs (see
	 * {@link #TEAM_SEES}).
	 */
	Flux<Long> photosTeamSees(long teamId, @Nullable Long incidentId, OffsetDateTime since) {
		return this.db.sql(TEAM_SEES)
			.bind("team", teamId)
			.bind("incident", SqlParameters.nullable(incidentId, Long.class))
			.bind("since", since)
			.map((row) -> row.get("id", Long.class))
			.all();
	}

	Mono<Boolean> assignmentExists(long assignmentId) {
		return this.db.sql("SELECT EXISTS (SELECT 1 FROM assignment WHERE id = :id) AS found")
			.bind("id", assignmentId)
			.map((row) -> Boolean.TRUE.equals(row.get("found", Boolean.class)))
			.one();
	}

	/**
	 * A team's assignment with the number of photos taken on it, locked for the rest of
	 * the transaction so that two uploads at once cannot both take the last place. Empty
	 * when the assignment is not the team's.
	 */
	Mono<FieldTarget> lockTeamAssignment(long assignmentId, long teamId) {
		// Counted after the lock, in a statement of its own: in the locking statement, an
		// upload that waited for the lock would count the photos as they were before it
		// waited, and an assignment could end up with more than its limit.
		return this.db.sql("""
				SELECT a.id, a.incident_id, a.state,
				       CASE WHEN a.state IN ('DONE', 'WITHDRAWN') THEN a.updated_at END AS finished_at
				FROM assignment a WHERE a.id = :id AND a.team_id = :team
				FOR NO KEY UPDATE OF a
				""")
			.bind("id", assignmentId)
			.bind("team", teamId)
			.map((row) -> new FieldTarget(row.get("id", Long.class), row.get("incident_id", Long.class),
					"DECLINED".equals(row.get("state", String.class)), row.get("finished_at", OffsetDateTime.class), 0))
			.one()
			.flatMap((target) -> this.db.sql("SELECT count(*) AS photos FROM photo WHERE assignment_id = :id")
				.bind("id", assignmentId)
				.map((row) -> row.get("photos", Long.class))
				.one()
				.map((photos) -> new FieldTarget(target.assignmentId(), target.incidentId(), target.declined(),
						target.finishedAt(), photos)));
	}

	private static UploadTarget toUploadTarget(Readable row) {
		return new UploadTarget(row.get("id", Long.class), row.get("incident_id", Long.class),
				row.get("submitted_at", OffsetDateTime.class), row.get("quarter_id", Long.class),
				row.get("entered_by", Long.class));
	}

	/**
	 * A field team's assignment photos can be added to.
	 *
	 * @param assignmentId the assignment
	 * @param incidentId its incident
	 * @param declined whether the team declined it (then it is not theirs to document)
	 * @param finishedAt when the team finished it or was taken off it, if so (a photo
	 * taken offline before may follow for a while)
	 * @param photos how many photos were taken on it so far
	 */
	record FieldTarget(long assignmentId, long incidentId, boolean declined, @Nullable OffsetDateTime finishedAt,
			long photos) {
	}

	/**
	 * A report photos can be added to.
	 *
	 * @param reportId the report
	 * @param incidentId its incident
	 * @param submittedAt when it was made
	 * @param quarterId the quarter it was made in, if any
	 * @param enteredBy the staff member who entered it at a counter, if any
	 */
	record UploadTarget(long reportId, long incidentId, OffsetDateTime submittedAt, @Nullable Long quarterId,
			@Nullable Long enteredBy) {

		/**
		 * Whether staff with these quarters (all when empty) work on it: it lies in one
		 * of them, or they entered it themselves.
		 */
		boolean withinRemitOf(List<Long> quarterScope, long userId) {
			return quarterScope.isEmpty() || (this.quarterId != null && quarterScope.contains(this.quarterId))
					|| Objects.equals(this.enteredBy, userId);
		}

	}

	/**
	 * Where a photo belongs.
	 *
	 * @param photoId the photo
	 * @param reportId its report, if any
	 * @param incidentId its incident
	 * @param quarterId the incident's quarter
	 * @param hidden whether a lead hid it
	 */
	record PhotoPlace(long photoId, @Nullable Long reportId, long incidentId, @Nullable Long quarterId,
			boolean hidden) {
	}

	/**
	 * An incident's place, for scope checks.
	 *
	 * @param incidentId the incident
	 * @param quarterId its quarter
	 */
	record IncidentPlace(long incidentId, @Nullable Long quarterId) {
	}

}
