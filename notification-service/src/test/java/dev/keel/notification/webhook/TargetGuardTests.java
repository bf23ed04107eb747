package dev.keel.notification.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TargetGuardTests {

	private static final Map<String, String[]> DNS = Map.of("hooks.example.com", new String[] { "93.184.216.34" },
			"internal.example.com", new String[] { "10.1.2.3" }, "split.example.com",
			new String[] { "93.184.216.34", "192.168.1.20" });

	private final TargetGuard guard = new TargetGuard(false, TargetGuardTests::resolve);

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.8.9.10", "[::1]", "::1", "10.0.0.1", "172.16.5.4", "172.31.255.255",
			"192.168.0.10", "169.254.169.254", "[fe80::1]", "[fd00::1]", "[fc00::2]", "224.0.0.1", "[ff02::1]",
			"0.0.0.0", "[::]", "100.64.0.1", "255.255.255.255", "[::ffff:10.0.0.1]", "[64:ff9b::a00:1]" })
	void refusesInternalAddresses(String host) {
		assertThat(this.guard.refusal(host)).hasValueSatisfying((reason) -> assertThat(reason).contains("internal"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "198.18.0.0", "198.18.0.1", "198.19.255.255", "192.0.0.0", "192.0.0.8", "192.0.0.255",
			"240.0.0.1", "250.1.2.3", "255.255.255.254", "[64:ff9b:1::1]", "[64:ff9b:1:ffff::a00:1]",
			"[64:ff9b:1::5db8:d822]" })
	void refusesBenchmarkingIetfReservedAndLocalNat64Addresses(String host) {
		assertThat(this.guard.refusal(host)).hasValueSatisfying((reason) -> assertThat(reason).contains("internal"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "[::ffff:127.0.0.1]", "[::ffff:192.168.1.1]", "[::ffff:169.254.169.254]",
			"[::ffff:198.18.0.1]", "[::ffff:240.0.0.1]", "[64:ff9b::7f00:1]", "[64:ff9b::c0a8:101]",
			"[64:ff9b::a9fe:a9fe]", "[64:ff9b::c612:1]", "[64:ff9b::c000:1]", "[64:ff9b::f000:1]", "[64:ff9b::6440:1]",
			"[::127.0.0.1]", "[::10.0.0.1]" })
	void refusesPrivateIpv4AddressesInsideIpv6(String host) {
		assertThat(this.guard.refusal(host)).hasValueSatisfying((reason) -> assertThat(reason).contains("internal"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "[2606:4700::1111]",
			"hooks.example.com", "198.17.255.255", "198.20.0.1", "192.0.1.1", "192.0.2.1", "223.255.255.255",
			"[64:ff9b::5db8:d822]", "[::ffff:93.184.216.34]", "[64:ff9b:2::1]" })
	void allowsPublicAddresses(String host) {
		assertThat(this.guard.refusal(host)).isEmpty();
	}

	@Test
	void checkingGivesTheAddressToConnectToWithoutAnotherLookup() {
		assertThat(this.guard.check("hooks.example.com").address().getHostAddress()).isEqualTo("93.184.216.34");
		assertThat(this.guard.check("internal.example.com").address()).isNull();
	}

	@Test
	void refusesANameThatResolvesToAPrivateAddressAndSaysWhich() {
		assertThat(this.guard.refusal("internal.example.com")).hasValue("its host internal.example.com resolves to "
				+ "10.1.2.3, a loopback, private, link-local or other internal address, which webhooks may not call");
		assertThat(this.guard.refusal("split.example.com"))
			.hasValueSatisfying((reason) -> assertThat(reason).contains("192.168.1.20"));
	}

	@Test
	void refusesANameThatDoesNotResolve() {
		assertThat(this.guard.refusal("nowhere.example.com")).hasValueSatisfying(
				(reason) -> assertThat(reason).isEqualTo("its host nowhere.example.com could not be resolved"));
	}

	@Test
	void allowsEverythingWhenConfiguredTo() {
		TargetGuard lenient = new TargetGuard(true, TargetGuardTests::resolve);

		assertThat(lenient.refusal("127.0.0.1")).isEmpty();
		assertThat(lenient.refusal("internal.example.com")).isEmpty();
		assertThat(lenient.refusal("nowhere.example.com")).isEmpty();
	}

	private static InetAddress[] resolve(String host) throws UnknownHostException {
		String[] addresses = DNS.get(host);
		if (addresses == null) {
			// Literal addresses are parsed, never looked up.
			if (!Character.isDigit(host.charAt(0)) && !host.contains(":")) {
				throw new UnknownHostException(host);
			}
			return new InetAddress[] { InetAddress.getByName(host) };
		}
		InetAddress[] resolved = new InetAddress[addresses.length];
		for (int i = 0; i < addresses.length; i++) {
			resolved[i] = InetAddress.getByAddress(host, InetAddress.getByName(addresses[i]).getAddress());
		}
		return resolved;
	}

}
