package de.quartierdispatch.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Where a subscriber may be sent events: over TLS anywhere, in plain HTTP only to this
 * machine itself (a relay beside the application), where nothing crosses a network. The
 * address is read as a URL, as the sender reads it, so that user info in front of the
 * host ({@code http://localhost:80@elsewhere.example/}) cannot pass for this machine.
 */
final class WebhookAddress {

	private static final Set<String> THIS_MACHINE = Set.of("localhost", "127.0.0.1", "[::1]");

	/** Digits and dots, or hex digits and colons (and dots, for an embedded IPv4). */
	private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

	/**
	 * A host of numbers alone in any notation (hex, octal, one to four parts): some
	 * clients read {@code 0xa9fea9fe} as 169.254.169.254, others as a name.
	 */
	private static final Pattern NUMERIC_HOST = Pattern
		.compile("(?i)(?:0x[0-9a-f]*|[0-9]+)(?:\\.(?:0x[0-9a-f]*|[0-9]+))*\\.?");

	/**
	 * An IPv4 address as four decimal numbers without leading zeros: read alike by all.
	 */
	private static final Pattern DOTTED_DECIMAL = Pattern.compile(
			"(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(?:\\.(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

	/**
	 * Metadata services outside the link-local range: Alibaba Cloud's (in the shared
	 * range 100.64/10, which stays allowed otherwise) and Amazon's over IPv6 (in the
	 * unique local range, where a city's own systems may live).
	 */
	private static final Set<InetAddress> METADATA_SERVICES = Set.of(literal("100.100.100.200"),
			literal("fd00:ec2::254"));

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
	 * when no request could be sent to it (no host, a port beyond 65535, user info, an
	 * IPv6 zone), {@code webhook.address-ambiguous} for an IPv4 address not written as
	 * four decimal numbers, {@code webhook.address-internal} for a link-local,
	 * unspecified or multicast IP, {@code webhook.plain-http} when it would leave
	 * unencrypted; {@code null} when it is fine.
	 */
	static @Nullable String problem(String url) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			return "webhook.address-invalid";
		}
		// A zone ("[fe80::1%eth0]") names a network card of the machine itself.
		if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getPort() > 65535
				|| uri.getHost().contains("%")) {
			return "webhook.address-invalid";
		}
		if (NUMERIC_HOST.matcher(uri.getHost()).matches() && !DOTTED_DECIMAL.matcher(uri.getHost()).matches()) {
			return "webhook.address-ambiguous";
		}
		if (noSubscriberThere(uri.getHost())) {
			return "webhook.address-internal";
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		boolean encrypted = "https".equals(scheme)
				|| "http".equals(scheme) && THIS_MACHINE.contains(uri.getHost().toLowerCase(Locale.ROOT));
		return encrypted ? null : "webhook.plain-http";
	}

	/**
	 * An address written as a link-local, unspecified or multicast IP: no subscriber
	 * lives there, but a cloud's metadata service does ({@code 169.254.169.254}), which
	 * must not be asked on the application's behalf. Only literals are looked at; a name
	 * is not resolved here, but when it is sent to ({@link SubscriberConnections}).
	 */
	private static boolean noSubscriberThere(String host) {
		String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
		if (!IP_LITERAL.matcher(literal).matches()) {
			return false;
		}
		try {
			return noSubscriberAt(InetAddress.getByName(literal));
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	/**
	 * Link-local, unspecified or multicast, or a cloud's metadata service outside those
	 * ranges: not where a subscriber lives. An IPv6 address that may carry an IPv4 one is
	 * judged by that too: it is where packets to it can end up.
	 */
	static boolean noSubscriberAt(InetAddress address) {
		return address.isLinkLocalAddress() || address.isAnyLocalAddress() || address.isMulticastAddress()
				|| METADATA_SERVICES.contains(address) || (address instanceof Inet6Address v6)
						&& carriedIpv4(v6.getAddress()).stream().anyMatch(WebhookAddress::noSubscriberAt);
	}

	/**
	 * The IPv4 addresses an IPv6 one may carry: IPv4-compatible {@code ::a.b.c.d} and
	 * IPv4-translated {@code ::ffff:0:a.b.c.d}; NAT64's well-known {@code 64:ff9b::/96}
	 * and, in every layout RFC 6052 allows there, its local-use {@code 64:ff9b:1::/48};
	 * 6to4's {@code 2002::/16}; Teredo's server and (inverted) client. IPv4-mapped
	 * addresses, {@code ::ffff:a.b.c.d}, Java reads as IPv4 already.
	 */
	private static List<InetAddress> carriedIpv4(byte[] v6) {
		List<InetAddress> carried = new ArrayList<>();
		boolean translated = zeros(v6, 0, 8) && v6[8] == (byte) 0xff && v6[9] == (byte) 0xff && zeros(v6, 10, 12);
		boolean nat64 = startsWith(v6, 0, 0x64, 0xff, 0x9b);
		if (zeros(v6, 0, 12) || translated || nat64 && zeros(v6, 4, 12)) {
			carried.add(ipv4(v6, 12, 13, 14, 15));
		}
		if (nat64 && startsWith(v6, 0, 0x64, 0xff, 0x9b, 0, 1)) {
			// The prefix is /48, /56, /64 or /96; bits 64 to 71 are never part of the
			// address.
			carried.add(ipv4(v6, 6, 7, 9, 10));
			carried.add(ipv4(v6, 7, 9, 10, 11));
			carried.add(ipv4(v6, 9, 10, 11, 12));
			carried.add(ipv4(v6, 12, 13, 14, 15));
		}
		if (startsWith(v6, 0x20, 0x02)) {
			carried.add(ipv4(v6, 2, 3, 4, 5));
		}
		if (startsWith(v6, 0x20, 0x01, 0, 0)) {
			carried.add(ipv4(v6, 4, 5, 6, 7));
			byte[] client = { (byte) ~v6[12], (byte) ~v6[13], (byte) ~v6[14], (byte) ~v6[15] };
			carried.add(ipv4(client, 0, 1, 2, 3));
		}
		return carried;
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[i] != (byte) prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static InetAddress ipv4(byte[] bytes, int... at) {
		byte[] address = new byte[at.length];
		for (int i = 0; i < at.length; i++) {
			address[i] = bytes[at[i]];
		}
		try {
			return InetAddress.getByAddress(address);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("four bytes are an IPv4 address", ex);
		}
	}

	private static boolean zeros(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return true;
	}

	private static InetAddress literal(String ip) {
		try {
			return InetAddress.getByName(ip);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("an IP literal", ex);
		}
	}

}
