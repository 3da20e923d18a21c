package de.quartierdispatch.webhook;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The addresses a subscriber's name resolves to are filtered right before connecting,
 * with a real Netty client and a real receiver: "localhost" stands in for a name that
 * resolves to a forbidden address (a test cannot make a name resolve to a link-local
 * one), the check itself is {@link WebhookAddress#noSubscriberAt}.
 */
class SubscriberConnectionsTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private WebhookReceiver receiver;

	private ConnectionProvider connections;

	@BeforeEach
	void start() throws Exception {
		this.receiver = new WebhookReceiver();
		this.connections = ConnectionProvider.newConnection();
	}

	@AfterEach
	void stop() {
		this.receiver.close();
		this.connections.dispose();
	}

	@Test
	void aNameResolvingOnlyToForbiddenAddressesIsNotConnectedTo() {
		WebClient forbiddingLoopback = client(InetAddress::isLoopbackAddress);
		assertThatThrownBy(() -> post(forbiddingLoopback)).hasRootCauseInstanceOf(UnknownHostException.class);
		assertThat(this.receiver.all()).isEmpty();

		post(client((address) -> false));
		assertThat(this.receiver.all()).hasSize(1);
	}

	@Test
	void onlyTheForbiddenAmongSeveralAddressesAreDropped() throws Exception {
		InetSocketAddress metadata = new InetSocketAddress(InetAddress.getByName("169.254.169.254"), 443);
		InetSocketAddress linkLocalV6 = new InetSocketAddress(InetAddress.getByName("fe80::1"), 443);
		InetSocketAddress unspecified = new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 443);
		InetSocketAddress multicast = new InetSocketAddress(InetAddress.getByName("224.0.0.1"), 443);
		InetSocketAddress city = new InetSocketAddress(InetAddress.getByName("10.20.30.40"), 443);
		InetSocketAddress mappedMetadata = new InetSocketAddress(InetAddress.getByName("::ffff:169.254.169.254"), 443);
		assertThat(SubscriberConnections.allowed(
				List.of(metadata, linkLocalV6, unspecified, multicast, city, mappedMetadata),
				WebhookAddress::noSubscriberAt))
			.containsExactly(city);
	}

	@Test
	void anIpv6AddressCarryingAForbiddenIpv4OneAndMetadataServicesElsewhereAreDropped() throws Exception {
		List<InetSocketAddress> forbidden = new ArrayList<>();
		// Compatible, translated, NAT64 (well-known; local-use in its /96, /48 and /64
		// layouts), 6to4, Teredo's client (inverted).
		for (String ip : List.of("::169.254.169.254", "::ffff:0:a9fe:a9fe", "64:ff9b::a9fe:a9fe",
				"64:ff9b:1::a9fe:a9fe", "64:ff9b:1:a9fe:a9:fe00:0:1", "64:ff9b:1:0:a9:fea9:fe00:1", "2002:a9fe:a9fe::1",
				"2001:0:4136:e378:8000:63bf:5601:5601", "64:ff9b::e000:1", "100.100.100.200", "fd00:ec2::254")) {
			forbidden.add(new InetSocketAddress(InetAddress.getByName(ip), 443));
		}
		// The city's own systems, also through NAT64, and the rest of the shared range.
		InetSocketAddress cityOverNat64 = new InetSocketAddress(InetAddress.getByName("64:ff9b::a14:1e28"), 443);
		InetSocketAddress sharedRange = new InetSocketAddress(InetAddress.getByName("100.64.1.2"), 443);
		InetSocketAddress global = new InetSocketAddress(InetAddress.getByName("2001:db8::1"), 443);
		List<InetSocketAddress> all = new ArrayList<>(forbidden);
		all.addAll(List.of(cityOverNat64, sharedRange, global));
		assertThat(SubscriberConnections.allowed(all, WebhookAddress::noSubscriberAt)).containsExactly(cityOverNat64,
				sharedRange, global);
	}

	private WebClient client(Predicate<InetAddress> forbidden) {
		HttpClient http = HttpClient.create(this.connections)
			.resolvedAddressesSelector(SubscriberConnections.excluding(forbidden));
		return WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
	}

	private void post(WebClient client) {
		String url = this.receiver.url().replace("127.0.0.1", "localhost");
		client.post().uri(url).bodyValue("{}").retrieve().toBodilessEntity().block(WAIT);
	}

}
