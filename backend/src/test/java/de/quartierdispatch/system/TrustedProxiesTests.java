package de.quartierdispatch.system;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Which forwarding hops count as trusted proxies when they are given as addresses, and
 * how hops are read: only literal addresses, never looked up.
 */
class TrustedProxiesTests {

	@Test
	void cidrBlocksContainExactlyTheirAddresses() {
		TrustedProxies.Block block = TrustedProxies.Block.parse("10.1.0.0/16");
		TrustedProxies.Block single = TrustedProxies.Block.parse("192.0.2.7");
		TrustedProxies.Block ipv6 = TrustedProxies.Block.parse("fd00::/8");

		assertThat(block.contains(address("10.1.255.3"))).isTrue();
		assertThat(block.contains(address("10.2.0.1"))).isFalse();
		assertThat(single.contains(address("192.0.2.7"))).isTrue();
		assertThat(single.contains(address("192.0.2.8"))).isFalse();
		assertThat(ipv6.contains(address("fd12::1"))).isTrue();
		assertThat(ipv6.contains(address("10.1.0.1"))).isFalse();
	}

	@Test
	void hopsAreLiteralAddressesWithOrWithoutPortAndNothingElse() {
		assertThat(TrustedProxies.literal("203.0.113.7:4711")).isEqualTo(address("203.0.113.7"));
		assertThat(TrustedProxies.literal("[2001:db8::1]:443")).isEqualTo(address("2001:db8::1"));
		assertThat(TrustedProxies.literal("2001:db8::1")).isEqualTo(address("2001:db8::1"));
		assertThat(TrustedProxies.literal("unknown")).isNull();
		assertThat(TrustedProxies.literal("evil.example")).isNull();
	}

	@Test
	void aSettingThatIsNeitherACountNorBlocksIsRefusedAtStart() {
		assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.parse("proxy.example"));
		assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.parse("10.0.0.0/33"));
	}

	private static InetAddress address(String literal) {
		InetAddress address = TrustedProxies.literal(literal);
		assertThat(address).isNotNull();
		return address;
	}

}
