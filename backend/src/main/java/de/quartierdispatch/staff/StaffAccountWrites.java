package de.quartierdispatch.staff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import de.quartierdispatch.security.Role;
import de.quartierdispatch.staff.StaffProblems.NoSuchMemberException;
import de.quartierdispatch.staff.StaffProblems.UsernameTakenException;
import de.quartierdispatch.staff.StaffRequests.Change;
import de.quartierdispatch.staff.StaffRequests.NewMember;
import de.quartierdispatch.staff.StaffRequests.Remit;
import de.quartierdispatch.system.InvalidFieldsException;
import de.quartierdispatch.system.InvalidFieldsException.InvalidField;
import de.quartierdispatch.system.SqlParameters;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of administering staff accounts: checking a remit, inserting, updating and
 * reading an account for a change.
 */
@Repository
class StaffAccountWrites {

	private static final String CHECK_REMIT = """
			SELECT (:team::bigint IS NULL OR EXISTS (SELECT 1 FROM team WHERE id = :team)) AS team_found,
			       (:team::bigint IS NULL OR EXISTS (SELECT 1 FROM team WHERE id = :team AND active)
			           OR EXISTS (SELECT 1 FROM staff_user WHERE id = :account AND team_id = :team)) AS team_open,
			       (:contactPoint::bigint IS NULL OR EXISTS (SELECT 1 FROM contact_point WHERE id = :contactPoint))
			           AS contact_point_found,
			       coalesce((SELECT array_agg(id ORDER BY id) FROM quarter WHERE code = ANY (:codes)), '{}') AS quarter_ids,
			       coalesce((SELECT array_agg(c) FROM unnest(:codes::text[]) AS c
			                 WHERE NOT EXISTS (SELECT 1 FROM quarter WHERE code = c)), '{}') AS unknown_codes
			""";

	private final DatabaseClient db;

	StaffAccountWrites(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Checks team, contact point and quarters, and returns the quarters' ids. A retired
	 * team takes no new members; an account already in it keeps it.
	 * @param remit what the account is to be given
	 * @param account the account changed, or {@code null} for a new one
	 */
	Mono<Long[]> resolve(Remit remit, @Nullable Long account) {
		String[] codes = remit.quarters().toArray(String[]::new);
		return this.db.sql(CHECK_REMIT)
			.bind("team", SqlParameters.nullable(remit.teamId(), Long.class))
			.bind("account", SqlParameters.nullable(account, Long.class))
			.bind("contactPoint", SqlParameters.nullable(remit.contactPointId(), Long.class))
			.bind("codes", codes)
			.map((row) -> {
				List<InvalidField> problems = new ArrayList<>();
				if (remit.roles().contains(Role.FIELD) && remit.teamId() == null) {
					problems.add(new InvalidField("teamId", "staff.team-required"));
				}
				if (remit.roles().contains(Role.PARTNER) && remit.roles().size() > 1) {
					// A partner organisation's member is outside the city's
					// administration: an
					// account with a staff role as well would read what only the city
					// may.
					problems.add(new InvalidField("roles", "staff.partner-alone"));
				}
				if (!Boolean.TRUE.equals(row.get("team_found", Boolean.class))) {
					problems.add(new InvalidField("teamId", "staff.unknown-team"));
				}
				else if (!Boolean.TRUE.equals(row.get("team_open", Boolean.class))) {
					problems.add(new InvalidField("teamId", "staff.team-retired"));
				}
				if (!Boolean.TRUE.equals(row.get("contact_point_found", Boolean.class))) {
					problems.add(new InvalidField("contactPointId", "staff.unknown-contact-point"));
				}
				String[] unknown = row.get("unknown_codes", String[].class);
				if (unknown.length > 0) {
					problems.add(new InvalidField("quarterCodes", "staff.unknown-quarter", String.join(", ", unknown)));
				}
				if (!problems.isEmpty()) {
					throw new InvalidFieldsException(problems);
				}
				return row.get("quarter_ids", Long[].class);
			})
			.one();
	}

	Mono<Long> insert(NewMember request, String hash, Long[] quarterIds) {
		return this.db.sql("""
				INSERT INTO staff_user (username, display_name, password_hash, roles, team_id, contact_point_id,
				                        quarter_scope)
				VALUES (:username, :displayName, :hash, :roles, :team, :contactPoint, :quarters)
				ON CONFLICT (username) DO NOTHING
				RETURNING id
				""")
			.bind("username", request.username())
			.bind("displayName", request.displayName())
			.bind("hash", hash)
			.bind("roles", sorted(request.roles()).toArray(String[]::new))
			.bind("team", SqlParameters.nullable(request.teamId(), Long.class))
			.bind("contactPoint", SqlParameters.nullable(request.contactPointId(), Long.class))
			.bind("quarters", quarterIds)
			.map((row) -> row.get("id", Long.class))
			.one()
			.switchIfEmpty(Mono.error(UsernameTakenException::new));
	}

	Mono<Void> setPasswordHash(long id, String hash) {
		return this.db.sql("""
				UPDATE staff_user SET password_hash = :hash, failed_logins = 0, locked_until = NULL,
				       updated_at = now()
				WHERE id = :id
				""").bind("hash", hash).bind("id", id).then();
	}

	Mono<Void> update(long id, Change request, Long[] quarterIds) {
		return this.db.sql("""
				UPDATE staff_user
				SET display_name = :displayName, roles = :roles, enabled = :enabled, team_id = :team,
				    contact_point_id = :contactPoint, quarter_scope = :quarters, updated_at = now(),
				    failed_logins = CASE WHEN :enabled AND NOT enabled THEN 0 ELSE failed_logins END,
				    locked_until = CASE WHEN :enabled AND NOT enabled THEN NULL ELSE locked_until END
				WHERE id = :id
				""")
			.bind("id", id)
			.bind("displayName", request.displayName())
			.bind("roles", sorted(request.roles()).toArray(String[]::new))
			.bind("enabled", request.enabled())
			.bind("team", SqlParameters.nullable(request.teamId(), Long.class))
			.bind("contactPoint", SqlParameters.nullable(request.contactPointId(), Long.class))
			.bind("quarters", quarterIds)
			.then();
	}

	/**
	 * Changes of accounts take turns for the rest of the transaction: two administrators
	 * demoting each other at once would each still see the other as administrator, and
	 * both succeed.
	 */
	Mono<Void> takeTurn() {
		return this.db.sql("SELECT pg_advisory_xact_lock(hashtext('staff_user changes'))").then();
	}

	/** How many accounts can still sign in and administer. */
	Mono<Long> enabledAdministrators() {
		return this.db.sql("SELECT count(*) AS admins FROM staff_user WHERE enabled AND 'ADMIN' = ANY (roles)")
			.map((row) -> row.get("admins", Long.class))
			.one();
	}

	Mono<StoredAccount> current(long id) {
		return this.db.sql("""
				SELECT username, display_name, roles, enabled, team_id, contact_point_id, quarter_scope,
				       external_subject IS NOT NULL AS external
				FROM staff_user WHERE id = :id AND removed_at IS NULL FOR UPDATE
				""")
			.bind("id", id)
			.map((row) -> new StoredAccount(row.get("username", String.class), row.get("display_name", String.class),
					Arrays.stream(row.get("roles", String[].class)).map(Role::valueOf).collect(Collectors.toSet()),
					Boolean.TRUE.equals(row.get("enabled", Boolean.class)), row.get("team_id", Long.class),
					row.get("contact_point_id", Long.class), row.get("quarter_scope", Long[].class),
					Boolean.TRUE.equals(row.get("external", Boolean.class))))
			.one()
			.switchIfEmpty(Mono.error(NoSuchMemberException::new));
	}

	static List<String> sorted(Set<Role> roles) {
		return roles.stream().map(Role::name).sorted().toList();
	}

}
