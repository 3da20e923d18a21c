package de.quartierdispatch.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Where a subscriber may be sent events: over TLS anywhere, in plain HTTP only to this
 * machine itself (a relay beside the application), where nothing crosses a network. The
 * address is read as a URL, as the sender reads it, so that user info in front of the
 * host ({@code http://localhost:80@elsewhere.example/}) cannot pass for this machine.
 */
final class WebhookAddress {

	private static final Set<String> THIS_MACHINE = Set.of("localhost", "127.0.0.1", "[::1]");

	private WebhookAddress() {
	}

	/**
	 * The address with its scheme in lower case, as it is stored ("HTTPS://" is the same
	 * scheme, but the table's check expects it written small).
	 */
	static String normalized(String url) {
		String trimmed = url.strip();
		int colon = trimmed.indexOf("://");
		return (colon > 0) ? trimmed.substring(0, colon).toLowerCase(Locale.ROOT) + trimmed.substring(colon) : trimmed;
	}

	static boolean acceptable(String url) {
		return problem(url) == null;
	}

	/**
	 * What is wrong with the address, as a message code: {@code webhook.address-invalid}
	 * when no request could be sent to it (no host, a port beyond 65535, user info),
	 * {@code webhook.plain-http} when it would leave unencrypted; {@code null} when it is
	 * fine.
	 */
	static @Nullable String problem(String url) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			return "webhook.address-invalid";
		}
		if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getPort() > 65535) {
			return "webhook.address-invalid";
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		boolean encrypted = "https".equals(scheme)
				|| "http".equals(scheme) && THIS_MACHINE.contains(uri.getHost().toLowerCase(Locale.ROOT));
		return encrypted ? null : "webhook.plain-http";
	}

}
