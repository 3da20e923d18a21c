package de.quartierdispatch.privacy;

import java.util.Map;

import de.quartierdispatch.system.SqlParameters;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The audit trail: every look at personal data and every privileged action, with who,
 * when, which report and for what purpose. The table refuses updates and deletions (a
 * trigger in the database), so that no code path, and no one with the application's
 * credentials, can alter the record.
 */
@Component
public class AuditLog {

	private final DatabaseClient db;

	private final JsonMapper json;

	AuditLog(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	public Mono<Void> record(String actor, String action, @Nullable Long reportId, @Nullable String purpose,
			Map<String, ?> details) {
		return this.db.sql("""
				INSERT INTO audit_log (actor, action, report_id, purpose, details)
				VALUES (:actor, :action, :report, :purpose, :details::jsonb)
				""")
			.bind("actor", actor)
			.bind("action", action)
			.bind("report", SqlParameters.nullable(reportId, Long.class))
			.bind("purpose", SqlParameters.nullable(purpose, String.class))
			.bind("details", this.json.writeValueAsString(details))
			.then();
	}

}
