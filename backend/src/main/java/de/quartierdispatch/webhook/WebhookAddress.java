package de.quartierdispatch.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

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
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			return false;
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (uri.getHost() == null || uri.getRawUserInfo() != null) {
			return false;
		}
		return "https".equals(scheme)
				|| "http".equals(scheme) && THIS_MACHINE.contains(uri.getHost().toLowerCase(Locale.ROOT));
	}

}
