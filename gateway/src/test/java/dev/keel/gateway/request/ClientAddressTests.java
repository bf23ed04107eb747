package dev.keel.gateway.request;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTests {

	private final ClientAddress behindProxies = new ClientAddress(ranges("10.0.0.0/8", "192.168.1.5", "fc00::/7"));

	@Test
	void directClientCannotChooseItsAddress() {
		assertThat(this.behindProxies.resolve(request("203.0.113.7", "198.51.100.1"))).isEqualTo("203.0.113.7");
		assertThat(this.behindProxies.resolve(request("203.0.113.7", "10.0.0.1"))).isEqualTo("203.0.113.7");
	}

	@Test
	void withoutTrustedProxiesTheConnectionIsTheClient() {
		ClientAddress trustNobody = new ClientAddress(List.of());
		assertThat(trustNobody.resolve(request("10.1.1.1", "198.51.100.1"))).isEqualTo("10.1.1.1");
	}

	@Test
	void trustedProxyForwardsTheRightmostUntrustedEntry() {
		// The client wrote the first two entries itself; the proxy appended the third.
		assertThat(this.behindProxies.resolve(request("10.1.1.1", "192.0.2.66, 203.0.113.99, 198.51.100.1")))
			.isEqualTo("198.51.100.1");
	}

	@Test
	void chainOfTrustedProxiesIsSkipped() {
		assertThat(this.behindProxies.resolve(request("10.1.1.1", "198.51.100.1, 192.168.1.5, 10.2.2.2")))
			.isEqualTo("198.51.100.1");
	}

	@Test
	void whenEveryEntryIsTrustedTheLeftmostIsTheClient() {
		assertThat(this.behindProxies.resolve(request("10.1.1.1", "10.9.9.9, 192.168.1.5, 10.2.2.2")))
			.isEqualTo("10.9.9.9");
	}

	@Test
	void trustedProxyWithoutTheHeaderIsTheClient() {
		assertThat(this.behindProxies.resolve(request("10.1.1.1"))).isEqualTo("10.1.1.1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "unknown", "client.example.com", "localhost", "198.51.100.1:4711", "[2001:db8::1]:80",
			"198.51.100.1 203.0.113.7", "1.2.3", "1.2.3.256", "_hidden", "", "198.51.100.1,", "0x7f.0.0.1" })
	void entryThatIsNoAddressLeavesTheConnection(String forwardedFor) {
		assertThat(this.behindProxies.resolve(request("10.1.1.1", forwardedFor))).isEqualTo("10.1.1.1");
		assertThat(this.behindProxies.resolve(request("10.1.1.1", forwardedFor + ", 10.2.2.2"))).isEqualTo("10.1.1.1");
	}

	@Test
	void garbageLeftOfTheClientIsNeverRead() {
		assertThat(this.behindProxies.resolve(request("10.1.1.1", "unknown, <script>, 198.51.100.1")))
			.isEqualTo("198.51.100.1");
	}

	@Test
	void ipv6ProxiesAndClients() {
		assertThat(this.behindProxies.resolve(request("fd00::1", "2001:DB8::A, fd12:3456::7")))
			.isEqualTo("2001:db8:0:0:0:0:0:a");
		assertThat(this.behindProxies.resolve(request("fd00::1", "198.51.100.1"))).isEqualTo("198.51.100.1");
		assertThat(this.behindProxies.resolve(request("10.1.1.1", "2001:db8::1"))).isEqualTo("2001:db8:0:0:0:0:0:1");
		assertThat(this.behindProxies.resolve(request("2001:db8::5", "198.51.100.1")))
			.isEqualTo("2001:db8:0:0:0:0:0:5");
	}

	@Test
	void ipv4MappedEntriesAreIpv4() {
		assertThat(this.behindProxies.resolve(request("10.1.1.1", "198.51.100.1, ::ffff:10.2.2.2")))
			.isEqualTo("198.51.100.1");
	}

	@Test
	void headerLinesAreReadAsOneList() {
		assertThat(this.behindProxies.resolve(request("10.1.1.1", "198.51.100.1, 203.0.113.7", "10.3.3.3")))
			.isEqualTo("203.0.113.7");
		assertThat(this.behindProxies.resolve(request("10.1.1.1", "198.51.100.1", "10.3.3.3, 10.4.4.4")))
			.isEqualTo("198.51.100.1");
		assertThat(this.behindProxies.resolve(request("10.1.1.1", "198.51.100.1", "garbage", "10.4.4.4")))
			.isEqualTo("10.1.1.1");
	}

	@Test
	void resolvedAddressIsWhatTheExchangeReports() {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/").remoteAddress(new InetSocketAddress("10.1.1.1", 40000)));
		assertThat(ClientAddress.of(exchange)).as("before the filter: the connection").isEqualTo("10.1.1.1");
		exchange.getAttributes().put(ClientAddress.ATTRIBUTE, "198.51.100.1");
		assertThat(ClientAddress.of(exchange)).isEqualTo("198.51.100.1");
	}

	@Test
	void unknownConnectionHasNoAddress() {
		assertThat(
				this.behindProxies.resolve(MockServerHttpRequest.get("/").header("X-Forwarded-For", "1.2.3.4").build()))
			.isNull();
	}

	private static MockServerHttpRequest request(String peer, String... forwardedFor) {
		MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/data/things")
			.remoteAddress(new InetSocketAddress(peer, 40000));
		for (String line : forwardedFor) {
			request.header("X-Forwarded-For", line);
		}
		return request.build();
	}

	private static List<AddressRange> ranges(String... entries) {
		return Arrays.stream(entries).map(AddressRange::of).toList();
	}

}
