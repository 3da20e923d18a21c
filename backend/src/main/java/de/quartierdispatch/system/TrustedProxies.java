package de.quartierdispatch.system;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.NetUtil;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.server.ConnectionInfo;

/**
 * Reads {@code X-Forwarded-For}, {@code -Proto}, {@code -Host} and {@code -Port} only as
 * far as they were written by proxies this server trusts, so that a client cannot choose
 * its own address (and so its rate-limit bucket) or claim HTTPS. Trusted are either the
 * last {@code n} hops (a number: {@code 1} behind one reverse proxy) or the proxies'
 * addresses (a list of CIDR blocks, e.g. {@code 10.0.0.0/8,fd00::/8}). The client is the
 * rightmost address in {@code X-Forwarded-For} that is not a trusted proxy; everything
 * left of it was written by the client and is ignored.
 */
final class TrustedProxies implements BiFunction<ConnectionInfo, HttpRequest, ConnectionInfo> {

	private final int hops;

	private final List<Block> blocks;

	private TrustedProxies(int hops, List<Block> blocks) {
		this.hops = hops;
		this.blocks = blocks;
	}

	/** {@code "1"}, {@code "2"}, ... or a comma-separated list of CIDR blocks. */
	static TrustedProxies parse(String setting) {
		String trimmed = setting.strip();
		if (trimmed.matches("\\d{1,2}")) {
			return new TrustedProxies(Integer.parseInt(trimmed), List.of());
		}
		List<Block> blocks = Arrays.stream(trimmed.split(","))
			.map(String::strip)
			.filter((block) -> !block.isEmpty())
			.map(Block::parse)
			.toList();
		return new TrustedProxies(-1, blocks);
	}

	@Override
	public ConnectionInfo apply(ConnectionInfo connection, HttpRequest request) {
		InetSocketAddress peer = connection.getRemoteAddress();
		if (peer == null || !trusted(peer.getAddress(), 0)) {
			return connection;
		}
		List<String> chain = new ArrayList<>();
		for (String header : request.headers().getAll("X-Forwarded-For")) {
			Arrays.stream(header.split(",")).map(String::strip).filter((hop) -> !hop.isEmpty()).forEach(chain::add);
		}
		ConnectionInfo forwarded = connection;
		InetSocketAddress client = client(chain);
		if (client != null) {
			forwarded = forwarded.withRemoteAddress(client);
		}
		String scheme = last(request, "X-Forwarded-Proto");
		if ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)) {
			forwarded = forwarded.withScheme(scheme.toLowerCase(Locale.ROOT));
		}
		String host = last(request, "X-Forwarded-Host");
		if (host != null && host.matches("[A-Za-z0-9.\\-]{1,253}")) {
			String port = last(request, "X-Forwarded-Port");
			int number = (port != null && port.matches("\\d{1,5}")) ? Integer.parseInt(port)
					: ConnectionInfo.getDefaultHostPort(forwarded.getScheme());
			forwarded = forwarded.withHostAddress(InetSocketAddress.createUnresolved(host, number), host, number);
		}
		return forwarded;
	}

	/**
	 * Walks the chain from the right (the hop closest to this server) past trusted
	 * proxies; the first address that is not one is the client.
	 */
	private @Nullable InetSocketAddress client(List<String> chain) {
		for (int i = chain.size() - 1; i >= 0; i--) {
			InetAddress address = literal(chain.get(i));
			int position = chain.size() - i;
			if (address == null || i == 0 || !trusted(address, position)) {
				return (address != null) ? new InetSocketAddress(address, 0) : null;
			}
		}
		return null;
	}

	/**
	 * Whether the hop at {@code position} (0: the connection's peer, 1: the address it
	 * forwarded, ...) is a trusted proxy.
	 */
	private boolean trusted(@Nullable InetAddress address, int position) {
		if (this.hops >= 0) {
			return position < this.hops;
		}
		return address != null && this.blocks.stream().anyMatch((block) -> block.contains(address));
	}

	private static @Nullable String last(HttpRequest request, String name) {
		List<String> values = request.headers().getAll(name);
		if (values.isEmpty()) {
			return null;
		}
		String[] parts = values.get(values.size() - 1).split(",");
		return parts[parts.length - 1].strip();
	}

	/**
	 * An IP address written as a literal (never looked up in DNS), with or without port.
	 */
	static @Nullable InetAddress literal(String hop) {
		String address = hop;
		if (address.startsWith("[") && address.indexOf(']') > 0) {
			address = address.substring(1, address.indexOf(']'));
		}
		else if (address.indexOf(':') > 0 && address.indexOf(':') == address.lastIndexOf(':')) {
			address = address.substring(0, address.indexOf(':'));
		}
		byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
		if (bytes == null) {
			return null;
		}
		try {
			return InetAddress.getByAddress(bytes);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	/** A CIDR block such as {@code 10.0.0.0/8}, or a single address. */
	record Block(byte[] network, int prefix) {

		static Block parse(String cidr) {
			int slash = cidr.indexOf('/');
			InetAddress address = literal((slash < 0) ? cidr : cidr.substring(0, slash));
			if (address == null) {
				throw new IllegalArgumentException("Not an IP address or CIDR block: " + cidr);
			}
			byte[] bytes = address.getAddress();
			int prefix = (slash < 0) ? bytes.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
			if (prefix < 0 || prefix > bytes.length * 8) {
				throw new IllegalArgumentException("Not a CIDR prefix length: " + cidr);
			}
			return new Block(bytes, prefix);
		}

		boolean contains(InetAddress address) {
			byte[] bytes = address.getAddress();
			if (bytes.length != this.network.length) {
				return false;
			}
			for (int bit = 0; bit < this.prefix; bit++) {
				int mask = 0x80 >> (bit % 8);
				if ((bytes[bit / 8] & mask) != (this.network[bit / 8] & mask)) {
					return false;
				}
			}
			return true;
		}

	}

}
