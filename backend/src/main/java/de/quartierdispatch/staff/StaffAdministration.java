package de.quartierdispatch.staff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import de.quartierdispatch.privacy.AuditLog;
import de.quartierdispatch.security.PasswordHasher;
import de.quartierdispatch.security.PasswordPolicy;
import de.quartierdispatch.security.Role;
import de.quartierdispatch.security.StaffPrincipal;
import de.quartierdispatch.security.StaffSessions;
import de.quartierdispatch.staff.StaffRequests.Change;
import de.quartierdispatch.staff.StaffRequests.NewMember;
import de.quartierdispatch.staff.StaffRequests.NewPassword;
import de.quartierdispatch.staff.StaffRequests.Remit;
import de.quartierdispatch.system.InvalidFieldsException;
import de.quartierdispatch.system.InvalidFieldsException.InvalidField;
import de.quartierdispatch.system.ProblemException;
import de.quartierdispatch.system.SqlParameters;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Creates and changes staff accounts. A change to what an account may do (roles, enabled,
 * team, quarters) ends all its sessions, on every instance, including open boards: the
 * member signs in again and gets the new rights, or cannot. Every change is in the audit
 * log.
 */
@Service
class StaffAdministration {

	private static final String CHECK_REMIT = """
			SELECT (:team::bigint IS NULL OR EXISTS (SELECT 1 FROM team WHERE id = :team)) AS team_found,
			       (:contactPoint::bigint IS NULL OR EXISTS (SELECT 1 FROM contact_point WHERE id = :contactPoint))
			           AS contact_point_found,
			       coalesce((SELECT array_agg(id ORDER BY id) FROM quarter WHERE code = ANY (:codes)), '{}') AS quarter_ids,
			       coalesce((SELECT array_agg(c) FROM unnest(:codes::text[]) AS c
			                 WHERE NOT EXISTS (SELECT 1 FROM quarter WHERE code = c)), '{}') AS unknown_codes
			""";

	private final DatabaseClient db;

	private final TransactionalOperator transactions;

	private final StaffDirectory directory;

	private final StaffSessions sessions;

	private final PasswordPolicy policy;

	private final PasswordHasher passwords;

	private final AuditLog audit;

	StaffAdministration(DatabaseClient db, TransactionalOperator transactions, StaffDirectory directory,
			StaffSessions sessions, PasswordPolicy policy, PasswordHasher passwords, AuditLog audit) {
		this.db = db;
		this.transactions = transactions;
		this.directory = directory;
		this.sessions = sessions;
		this.policy = policy;
		this.passwords = passwords;
		this.audit = audit;
	}

	Mono<StaffMember> create(NewMember request, StaffPrincipal admin) {
		Mono<Long> created = resolve(request.remit())
			.flatMap((quarterIds) -> this.policy.check(request.password(), request.username(), request.displayName())
				.then(this.passwords.hash(request.password()))
				.flatMap((hash) -> insert(request, hash, quarterIds)))
			.flatMap((id) -> this.audit
				.record(actor(admin), "USER_CREATED", null, null, Map.of("user", id, "roles", sorted(request.roles())))
				.thenReturn(id));
		return this.transactions.transactional(created).flatMap(this.directory::findById);
	}

	Mono<StaffMember> change(long id, Change request, StaffPrincipal admin) {
		Remit remit = request.remit();
		if (id == admin.userId() && (!remit.enabled() || !remit.roles().contains(Role.ADMIN))) {
			return Mono.error(new InvalidFieldsException(remit.enabled() ? "roles" : "enabled", "staff.not-yourself"));
		}
		Mono<Void> changed = resolve(remit).flatMap((quarterIds) -> current(id).flatMap((before) -> {
			List<String> fields = before.differences(request, quarterIds);
			if (fields.isEmpty()) {
				return Mono.empty();
			}
			Mono<Void> endSessions = before.narrowedOrChanged(fields) ? this.sessions.closeAll(id).then()
					: Mono.empty();
			return update(id, request, quarterIds).then(endSessions)
				.then(this.audit.record(actor(admin), "USER_CHANGED", null, null,
						Map.of("user", id, "changed", fields, "roles", sorted(remit.roles()))));
		}));
		return this.transactions.transactional(changed).then(this.directory.findById(id));
	}

	Mono<Void> setPassword(long id, NewPassword request, StaffPrincipal admin) {
		Mono<Void> set = current(id).flatMap((account) -> {
			if (account.external()) {
				return Mono.error(new InvalidFieldsException("password", "staff.external-account"));
			}
			return this.policy.check(request.password(), account.username(), account.displayName())
				.then(this.passwords.hash(request.password()))
				.flatMap((hash) -> this.db.sql("""
						UPDATE staff_user SET password_hash = :hash, failed_logins = 0, locked_until = NULL,
						       updated_at = now()
						WHERE id = :id
						""").bind("hash", hash).bind("id", id).then())
				.then(this.sessions.closeAll(id))
				.then(this.audit.record(actor(admin), "USER_PASSWORD_SET", null, null, Map.of("user", id)));
		});
		return this.transactions.transactional(set);
	}

	/** Checks team, contact point and quarters, and returns the quarters' ids. */
	private Mono<Long[]> resolve(Remit remit) {
		String[] codes = remit.quarters().toArray(String[]::new);
		return this.db.sql(CHECK_REMIT)
			.bind("team", SqlParameters.nullable(remit.teamId(), Long.class))
			.bind("contactPoint", SqlParameters.nullable(remit.contactPointId(), Long.class))
			.bind("codes", codes)
			.map((row) -> {
				List<InvalidField> problems = new ArrayList<>();
				if (remit.roles().contains(Role.FIELD) && remit.teamId() == null) {
					problems.add(new InvalidField("teamId", "staff.team-required"));
				}
				if (!Boolean.TRUE.equals(row.get("team_found", Boolean.class))) {
					problems.add(new InvalidField("teamId", "staff.unknown-team"));
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

	private Mono<Long> insert(NewMember request, String hash, Long[] quarterIds) {
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

	private Mono<Void> update(long id, Change request, Long[] quarterIds) {
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

	private Mono<Account> current(long id) {
		return this.db.sql("""
				SELECT username, display_name, roles, enabled, team_id, contact_point_id, quarter_scope,
				       external_subject IS NOT NULL AS external
				FROM staff_user WHERE id = :id FOR UPDATE
				""")
			.bind("id", id)
			.map((row) -> new Account(row.get("username", String.class), row.get("display_name", String.class),
					Arrays.stream(row.get("roles", String[].class)).map(Role::valueOf).collect(Collectors.toSet()),
					Boolean.TRUE.equals(row.get("enabled", Boolean.class)), row.get("team_id", Long.class),
					row.get("contact_point_id", Long.class), row.get("quarter_scope", Long[].class),
					Boolean.TRUE.equals(row.get("external", Boolean.class))))
			.one()
			.switchIfEmpty(Mono.error(NoSuchMemberException::new));
	}

	private static List<String> sorted(Set<Role> roles) {
		return roles.stream().map(Role::name).sorted().toList();
	}

	private static String actor(StaffPrincipal admin) {
		return "staff:" + admin.userId();
	}

	/** An account as stored, to see what a change changes. */
	private record Account(String username, String displayName, Set<Role> roles, boolean enabled, @Nullable Long teamId,
			@Nullable Long contactPointId, Long[] quarterIds, boolean external) {

		List<String> differences(Change change, Long[] newQuarterIds) {
			List<String> fields = new ArrayList<>();
			if (!this.displayName.equals(change.displayName())) {
				fields.add("displayName");
			}
			if (!this.roles.equals(change.roles())) {
				fields.add("roles");
			}
			if (this.enabled != change.enabled()) {
				fields.add("enabled");
			}
			if (!Objects.equals(this.teamId, change.teamId())) {
				fields.add("teamId");
			}
			if (!Objects.equals(this.contactPointId, change.contactPointId())) {
				fields.add("contactPointId");
			}
			Long[] stored = this.quarterIds.clone();
			Arrays.sort(stored);
			if (!Arrays.equals(stored, newQuarterIds)) {
				fields.add("quarterCodes");
			}
			return fields;
		}

		/** Anything but the names: sessions carry the old rights, so they end. */
		boolean narrowedOrChanged(List<String> fields) {
			return fields.stream().anyMatch((field) -> !"displayName".equals(field));
		}

	}

	/** No such account. */
	static class NoSuchMemberException extends ProblemException {

		NoSuchMemberException() {
			super(HttpStatus.NOT_FOUND, "staff-not-found");
		}

	}

	/** The user name is in use. */
	static class UsernameTakenException extends ProblemException {

		UsernameTakenException() {
			super(HttpStatus.CONFLICT, "username-taken");
		}

	}

}
