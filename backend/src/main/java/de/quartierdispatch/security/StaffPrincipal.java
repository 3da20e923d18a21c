package de.quartierdispatch.security;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The signed-in staff member, as every request sees them.
 *
 * @param userId the account's id
 * @param username the login name
 * @param displayName the name shown to colleagues
 * @param roles what the member may do
 * @param contactPointId the contact point the member usually works at
 * @param teamId the team a field member belongs to
 * @param quarterScope quarters a dispatcher is limited to; empty means all
 * @param sessionId a non-secret handle of the session (not the cookie value)
 * @param secondFactorPending the password was right, the second factor is still due: the
 * session opens nothing but the second factor's step
 */
public record StaffPrincipal(long userId, String username, String displayName, Set<Role> roles,
		@Nullable Long contactPointId, @Nullable Long teamId, List<Long> quarterScope, String sessionId,
		boolean secondFactorPending) {

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	public boolean seesQuarter(@Nullable Long quarterId) {
		return this.quarterScope.isEmpty() || (quarterId != null && this.quarterScope.contains(quarterId));
	}

}
