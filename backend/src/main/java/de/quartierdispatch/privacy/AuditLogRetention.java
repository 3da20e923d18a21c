package de.quartierdispatch.privacy;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Retention of the audit log: entries older than the audit period go (the database keeps
 * at least the last year whatever it is asked, see V108). The record of this run is
 * written after it, so it stays.
 */
@Component
class AuditLogRetention implements RetentionStep {

	private final DatabaseClient db;

	AuditLogRetention(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<Map<String, Long>> removeLapsed(RetentionCutoffs cutoffs) {
		return this.db.sql("SELECT prune_audit_log(:before) AS count")
			.bind("before", cutoffs.auditCutoff())
			.map((row) -> row.get("count", Long.class))
			.one()
			.map((pruned) -> Map.of("auditEntriesPruned", pruned));
	}

}
