package de.quartierdispatch.security;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * What sign-in needs to know about an account.
 */
record StaffAccount(long id, String username, @Nullable String passwordHash, boolean enabled, int failedLogins,
		@Nullable OffsetDateTime lockedUntil) {

	boolean lockedAt(OffsetDateTime now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

}
