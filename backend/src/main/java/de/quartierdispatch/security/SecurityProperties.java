package de.quartierdispatch.security;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Session, sign-in and origin settings.
 *
 * @param idleTimeout a session ends after this long without a request
 * @param absoluteTimeout a session ends this long after sign-in, however active
 * @param maxFailedLogins failed sign-ins in a row before an account is locked
 * @param lockout how long a locked account stays locked
 * @param signInAttemptsPerMinute sign-in attempts one client address may make per minute
 * @param secureCookies {@code always}, {@code never}, or {@code auto} (Secure when the
 * request came over HTTPS, also behind a proxy that says so)
 * @param allowedOrigins origins allowed to open the board's WebSocket besides the app's
 * own
 * @param initialAdmin the first administrator, created at the first start
 */
@ConfigurationProperties("quartier.security")
public record SecurityProperties(@DefaultValue("30m") Duration idleTimeout,
		@DefaultValue("12h") Duration absoluteTimeout, @DefaultValue("5") int maxFailedLogins,
		@DefaultValue("15m") Duration lockout, @DefaultValue("10") int signInAttemptsPerMinute,
		@DefaultValue("auto") String secureCookies, @DefaultValue List<String> allowedOrigins,
		@DefaultValue InitialAdmin initialAdmin) {

	/**
	 * The administrator created when no administrator exists yet.
	 *
	 * @param username login name
	 * @param password initial password; without one, no administrator is created
	 */
	public record InitialAdmin(@DefaultValue("admin") String username, @Nullable String password) {
	}

}
