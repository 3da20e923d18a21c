package de.quartierdispatch.webhook;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.function.Predicate;

import reactor.netty.http.client.HttpClientConfig;
import reactor.netty.transport.ClientTransport.ResolvedAddressSelector;

import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.http.client.reactive.ClientHttpConnector;

/**
 * Connections to subscribers go only to addresses where a subscriber can live. The
 * address is checked when a subscriber is saved, but a name is not resolved then, and may
 * resolve elsewhere when an event is sent (to a cloud's metadata service at
 * {@code 169.254.169.254}, say). So the addresses a name resolves to are filtered right
 * before the connection, where nothing can change them any more: none left, no connection
 * (the delivery fails and is retried like any other).
 */
final class SubscriberConnections {

	private SubscriberConnections() {
	}

	static ClientHttpConnector connector(ReactorResourceFactory resources) {
		return ClientHttpConnectorBuilder.reactor()
			.withReactorResourceFactory(resources)
			.withResolvedAddressSelector(excluding(WebhookAddress::noSubscriberAt))
			.build();
	}

	/** Drops the resolved addresses the predicate forbids. */
	static ResolvedAddressSelector<HttpClientConfig> excluding(Predicate<InetAddress> forbidden) {
		return (config, resolved) -> allowed(resolved, forbidden);
	}

	static List<SocketAddress> allowed(List<? extends SocketAddress> resolved, Predicate<InetAddress> forbidden) {
		return resolved.stream()
			.filter((address) -> !(address instanceof InetSocketAddress inet) || inet.getAddress() == null
					|| !forbidden.test(inet.getAddress()))
			.map(SocketAddress.class::cast)
			.toList();
	}

}
