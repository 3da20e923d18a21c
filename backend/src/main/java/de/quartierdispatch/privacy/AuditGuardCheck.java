package de.quartierdispatch.privacy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Says at start-up when the application's database role could rewrite the audit trail: a
 * superuser, or the owner of the audit table, could switch its append-only trigger off.
 * Production runs the application as a role of its own (README, Operations).
 */
@Component
@ConditionalOnWebApplication
class AuditGuardCheck {

	private static final Logger logger = LoggerFactory.getLogger(AuditGuardCheck.class);

	private final DatabaseClient db;

	AuditGuardCheck(DatabaseClient db) {
		this.db = db;
	}

	@EventListener(ApplicationReadyEvent.class)
	void warnIfTheAuditLogIsOnlyGuardedByTriggers() {
		this.db.sql("""
				SELECT current_user AS role, r.rolsuper OR pg_has_role(current_user, t.tableowner, 'USAGE') AS unguarded
				FROM pg_roles r, pg_tables t
				WHERE r.rolname = current_user AND t.schemaname = 'public' AND t.tablename = 'audit_log'
				""")
			.map((row) -> Boolean.TRUE.equals(row.get("unguarded", Boolean.class)) ? row.get("role", String.class) : "")
			.one()
			.filter((role) -> !role.isEmpty())
			.subscribe((role) -> logger.warn("The application connects to the database as \"{}\", which owns the audit "
					+ "log or is a superuser: only triggers keep the audit log append-only. In production, set DB_USER "
					+ "to a role of its own and DB_MIGRATION_USER to the owner (see README, Operations).", role),
					(failure) -> logger.warn("Could not check the database role: {}", failure.toString()));
	}

}
