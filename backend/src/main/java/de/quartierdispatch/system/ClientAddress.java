package de.quartierdispatch.system;

import java.net.InetSocketAddress;

import org.springframework.web.server.ServerWebExchange;

/**
 * The client's address as far as this server can tell (the proxy's forwarded address when
 * {@code FORWARD_HEADERS_STRATEGY} trusts it). Used for rate limits, never stored.
 */
final class ClientAddress {

	private ClientAddress() {
	}

	static String of(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		if (remote == null) {
			return "unknown";
		}
		return (remote.getAddress() != null) ? remote.getAddress().getHostAddress() : remote.getHostString();
	}

}
