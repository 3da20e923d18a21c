package de.quartierdispatch.privacy;

import java.util.Map;

import de.quartierdispatch.security.Role;
import de.quartierdispatch.security.StaffPrincipal;
import de.quartierdispatch.system.ProblemException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * Reading a reporter's contact details: only team leads (within their quarters) and
 * members of a team currently assigned to the report's incident, always with a purpose,
 * and never without the audit row, which is written in the same transaction as the read.
 */
@Service
class ContactDetailsAccess {

	private static final String CONTACT = """
			SELECT c.name, c.email, c.phone, c.consent_at, r.incident_id, i.quarter_id,
			       EXISTS (SELECT 1 FROM assignment a WHERE a.incident_id = r.incident_id AND a.team_id = :team
			               AND a.state IN ('ASSIGNED', 'EN_ROUTE', 'ON_SITE')) AS team_assigned
			FROM report r
			JOIN incident i ON i.id = r.incident_id
			LEFT JOIN reporter_contact c ON c.report_id = r.id
			WHERE r.id = :report
			""";

	private final DatabaseClient db;

	private final AuditLog audit;

	private final ContactMapper contacts;

	ContactDetailsAccess(DatabaseClient db, AuditLog audit, ContactMapper contacts) {
		this.contacts = contacts;
		this.db = db;
		this.audit = audit;
	}

	/**
	 * Reads a contact after recording the read (or the refused attempt). The audit row is
	 * committed before anything is returned: if it cannot be written, nothing is shown.
	 */
	Mono<Contact> read(long reportId, ContactPurpose purpose, StaffPrincipal staff) {
		return this.db.sql(CONTACT)
			.bind("report", reportId)
			.bind("team", (staff.teamId() != null) ? staff.teamId() : -1L)
			.map((row) -> new Found(row.get("name", String.class), row.get("email", String.class),
					row.get("phone", String.class), row.get("quarter_id", Long.class),
					Boolean.TRUE.equals(row.get("team_assigned", Boolean.class))))
			.one()
			.switchIfEmpty(Mono.error(NoSuchReportException::new))
			.flatMap((found) -> {
				boolean allowed = (staff.has(Role.DISPATCHER) && staff.seesQuarter(found.quarterId()))
						|| (staff.has(Role.FIELD) && found.teamAssigned());
				if (!allowed) {
					return this.audit
						.record("staff:" + staff.userId(), "CONTACT_READ_REFUSED", reportId, purpose.name(), Map.of())
						.then(Mono.error(new ContactNotForYouException()));
				}
				return this.audit
					.record("staff:" + staff.userId(), "CONTACT_READ", reportId, purpose.name(),
							Map.of("hadContact",
									found.name() != null || found.email() != null || found.phone() != null))
					.thenReturn(this.contacts.contact(found));
			});
	}

	/**
	 * A reporter's contact details; all empty when they gave none (or they were erased).
	 *
	 * @param name name
	 * @param email e-mail address
	 * @param phone phone number
	 */
	public record Contact(@Nullable String name, @Nullable String email, @Nullable String phone) {
	}

	record Found(@Nullable String name, @Nullable String email, @Nullable String phone, @Nullable Long quarterId,
			boolean teamAssigned) {
	}

	/** No such report. */
	static class NoSuchReportException extends ProblemException {

		NoSuchReportException() {
			super(HttpStatus.NOT_FOUND, "report-not-found");
		}

	}

	/** Contact details of a report outside the staff member's remit. */
	static class ContactNotForYouException extends ProblemException {

		ContactNotForYouException() {
			super(HttpStatus.FORBIDDEN, "contact-not-for-you");
		}

	}

}
