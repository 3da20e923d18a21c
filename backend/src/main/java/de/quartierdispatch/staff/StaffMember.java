package de.quartierdispatch.staff;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import de.quartierdispatch.security.Role;
import org.jspecify.annotations.Nullable;

/**
 * A staff account as administrators see it (never its password hash).
 *
 * @param id the account's id
 * @param username the login name
 * @param displayName the name shown to colleagues
 * @param roles what the member may do
 * @param enabled whether the account can sign in
 * @param teamId the team of a field member
 * @param teamName that team's name
 * @param contactPointId the contact point a counter member usually works at
 * @param quarterCodes quarters a dispatcher is limited to; empty means all
 * @param lockedUntil set while sign-in is locked after failed attempts
 * @param lastSeenAt the last activity in any of the account's sessions
 * @param openSessions how many sessions are open
 * @param external whether the account signs in through the identity provider
 */
record StaffMember(long id, String username, String displayName, Set<Role> roles, boolean enabled,
		@Nullable Long teamId, @Nullable String teamName, @Nullable Long contactPointId, List<String> quarterCodes,
		@Nullable OffsetDateTime lockedUntil, @Nullable OffsetDateTime lastSeenAt, long openSessions,
		boolean external) {
}
