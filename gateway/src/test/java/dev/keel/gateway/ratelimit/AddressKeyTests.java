package dev.keel.gateway.ratelimit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AddressKeyTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "203.0.113.7, 203.0.113.7", "10.0.0.1, 10.0.0.1",
			// every address of a /64, however written, is one client
			"2001:db8:1:2::1, 2001:db8:1:2::/64", "2001:db8:1:2:ffff:ffff:ffff:ffff, 2001:db8:1:2::/64",
			"2001:0DB8:0001:0002:0:0:0:7, 2001:db8:1:2::/64", "2001:db8:0:0:0:0:0:1, 2001:db8::/64",
			"fe80::1%eth0, fe80::/64", "::1, ::/64",
			// IPv4-mapped IPv6 is the IPv4 client
			"::ffff:203.0.113.7, 203.0.113.7", "0:0:0:0:0:ffff:cb00:7107, 203.0.113.7",
			// not an address (an unresolved host name): kept as it is
			"unknown, unknown" })
	void keysIpv4ByAddressAndIpv6BySlash64(String address, String key) {
		assertThat(AddressKey.of(address)).isEqualTo(key);
	}

}
