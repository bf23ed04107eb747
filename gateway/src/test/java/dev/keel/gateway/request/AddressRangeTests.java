package dev.keel.gateway.request;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AddressRangeTests {

	@Test
	void cidrRangesContainTheirAddresses() {
		assertThat(contains("10.0.0.0/8", "10.255.0.1")).isTrue();
		assertThat(contains("10.0.0.0/8", "11.0.0.1")).isFalse();
		assertThat(contains("172.16.0.0/12", "172.31.255.255")).isTrue();
		assertThat(contains("172.16.0.0/12", "172.32.0.1")).isFalse();
		assertThat(contains("fc00::/7", "fd12:3456::1")).isTrue();
		assertThat(contains("fc00::/7", "fe80::1")).isFalse();
		assertThat(contains("0.0.0.0/0", "203.0.113.7")).isTrue();
	}

	@Test
	void singleAddressesContainOnlyThemselves() {
		assertThat(contains("192.168.1.5", "192.168.1.5")).isTrue();
		assertThat(contains("192.168.1.5", "192.168.1.6")).isFalse();
		assertThat(contains(" 2001:db8::1 ", "2001:db8:0:0:0:0:0:1")).isTrue();
	}

	@Test
	void familiesDoNotMix() {
		assertThat(contains("::/0", "10.0.0.1")).isFalse();
		assertThat(contains("0.0.0.0/0", "2001:db8::1")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "10.0.0.0/33", "fc00::/129", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/+8", "10.0.0.0/8/8",
			"10.0.0/8", "gateway.example.com", "localhost", "10.0.0.0/x", "", "10.0.0.0 /8", "10.0.0.0-10.0.0.9" })
	void malformedEntriesNameTheVariable(String entry) {
		assertThatIllegalArgumentException().isThrownBy(() -> AddressRange.of(entry))
			.withMessageContaining("KEEL_GATEWAY_TRUSTED_PROXIES")
			.withMessageContaining("'" + entry + "'");
	}

	private static boolean contains(String range, String address) {
		return AddressRange.of(range).contains(new InetSocketAddress(address, 0));
	}

}
