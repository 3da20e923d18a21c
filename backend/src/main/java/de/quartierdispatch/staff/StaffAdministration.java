package de.quartierdispatch.staff;

import java.util.List;
import java.util.Map;

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
import reactor.core.publisher.Mono;

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

	private final StaffAccountWrites accounts;

	private final TransactionalOperator transactions;

	private final StaffDirectory directory;

	private final StaffSessions sessions;

	private final PasswordPolicy policy;

	private final PasswordHasher passwords;

	private final AuditLog audit;

	private final RemitMapper remits;

	StaffAdministration(StaffAccountWrites accounts, TransactionalOperator transactions, StaffDirectory directory,
			StaffSessions sessions, PasswordPolicy policy, PasswordHasher passwords, AuditLog audit,
			RemitMapper remits) {
		this.accounts = accounts;
		this.transactions = transactions;
		this.directory = directory;
		this.sessions = sessions;
		this.policy = policy;
		this.passwords = passwords;
		this.audit = audit;
		this.remits = remits;
	}

	Mono<StaffMember> create(NewMember request, StaffPrincipal admin) {
		Mono<Long> created = this.accounts.resolve(this.remits.remit(request), null)
			.flatMap((quarterIds) -> this.policy.check(request.password(), request.username(), request.displayName())
				.then(this.passwords.hash(request.password()))
				.flatMap((hash) -> this.accounts.insert(request, hash, quarterIds)))
			.flatMap((id) -> this.audit
				.record(actor(admin), "USER_CREATED", null, null,
						Map.of("user", id, "roles", StaffAccountWrites.sorted(request.roles())))
				.thenReturn(id));
		return this.transactions.transactional(created).flatMap(this.directory::findById);
	}

	Mono<StaffMember> change(long id, Change request, StaffPrincipal admin) {
		Remit remit = this.remits.remit(request);
		if (id == admin.userId() && (!remit.enabled() || !remit.roles().contains(Role.ADMIN))) {
			return Mono.error(new InvalidFieldsException(remit.enabled() ? "roles" : "enabled", "staff.not-yourself"));
		}
		Mono<Void> changed = this.accounts.takeTurn()
			.then(this.accounts.resolve(remit, id))
			.flatMap((quarterIds) -> this.accounts.current(id).flatMap((before) -> {
				List<String> fields = before.differences(request, quarterIds);
				if (fields.isEmpty()) {
					return Mono.empty();
				}
				Mono<Void> endSessions = before.narrowedOrChanged(fields) ? this.sessions.closeAll(id).then()
						: Mono.empty();
				return this.accounts.update(id, request, quarterIds)
					.then(this.accounts.enabledAdministrators())
					.flatMap((admins) -> (admins > 0) ? Mono.<Void>empty()
							: Mono.error(new InvalidFieldsException("roles", "staff.last-administrator")))
					.then(endSessions)
					// What it is now, beside what changed: a disabling reads apart from
					// an
					// enabling, a scope narrowed apart from one widened.
					.then(this.audit.record(actor(admin), "USER_CHANGED", null, null,
							Map.of("user", id, "changed", fields, "roles", StaffAccountWrites.sorted(remit.roles()),
									"enabled", remit.enabled(), "quarters", remit.quarters())));
			}));
		return this.transactions.transactional(changed).then(this.directory.findById(id));
	}

	Mono<Void> setPassword(long id, NewPassword request, StaffPrincipal admin) {
		Mono<Void> set = this.accounts.current(id).flatMap((account) -> {
			if (account.external()) {
				return Mono.error(new InvalidFieldsException("password", "staff.external-account"));
			}
			return this.policy.check(request.password(), account.username(), account.displayName())
				.then(this.passwords.hash(request.password()))
				.flatMap((hash) -> this.accounts.setPasswordHash(id, hash))
				.then(this.sessions.closeAll(id))
				.then(this.audit.record(actor(admin), "USER_PASSWORD_SET", null, null, Map.of("user", id)));
		});
		return this.transactions.transactional(set);
	}

	private static String actor(StaffPrincipal admin) {
		return "staff:" + admin.userId();
	}

}
