package dev.keel.gateway.request;

import java.util.UUID;

import dev.keel.gateway.AccessLogLines;
import dev.keel.gateway.Backend.Echo;
import dev.keel.gateway.GatewayTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway behind a proxy: the tests connect from 127.0.0.1, a trusted proxy here, and
 * say who the client is in {@code X-Forwarded-For}. The output is captured from the
 * context's start, for the access log (see {@code AccessLogIntegrationTests}).
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "keel.gateway.trusted-proxies=127.0.0.0/8", "keel.gateway.rate-limits.auth=2/1m" })
class ClientAddressIntegrationTests extends GatewayTestSupport {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	private WebTestClient proxy;

	@BeforeEach
	void connectFromLoopback() {
		this.proxy = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();
	}

	@Test
	void forwardedClientsHaveBucketsOfTheirOwn() {
		// auth-service refuses connections in these tests: 503, yet each attempt counts.
		token("198.51.100.1").expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader()
			.valueEquals("RateLimit-Remaining", "1");
		token("198.51.100.1").expectHeader().valueEquals("RateLimit-Remaining", "0");
		token("198.51.100.1").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

		token("198.51.100.2").expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader()
			.valueEquals("RateLimit-Remaining", "1");
	}

	@Test
	void spoofedEntryCountsAgainstTheRealClient() {
		String victim = "198.51.100.11";
		String attacker = "198.51.100.12";
		token(victim).expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		token(victim).expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		token(victim).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

		// The attacker writes the victim's address; the proxy appends the attacker's.
		token(victim + ", " + attacker).expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader()
			.valueEquals("RateLimit-Remaining", "1");
		token(attacker).expectHeader().valueEquals("RateLimit-Remaining", "0");
		token(victim + ", " + attacker).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
	}

	@Test
	void unreadableHeaderCountsAgainstTheProxy() {
		token("unknown").expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader()
			.valueEquals("RateLimit-Remaining", "1");
		token("198.51.100.31, not-an-address").expectHeader().valueEquals("RateLimit-Remaining", "0");
		token("198.51.100.31").expectHeader().valueEquals("RateLimit-Remaining", "1");
	}

	@Test
	void accessLogShowsTheForwardedClient(CapturedOutput output) {
		String requestId = UUID.randomUUID().toString();
		this.proxy.get()
			.uri("/api/data/things")
			.headers(tokens::authorize)
			.header("X-Request-Id", requestId)
			// A client behind two proxies, the second of them trusted.
			.header("X-Forwarded-For", "2001:db8::7, 127.0.0.9")
			.exchange()
			.expectStatus()
			.isOk();
		JsonNode entry = json.readTree(AccessLogLines.single(output, requestId));
		assertThat(entry.at("/client/ip").asString()).isEqualTo("2001:db8:0:0:0:0:0:7");
	}

	@Test
	void servicesAreToldTheForwardedClientAndNotWhatTheClientClaims() {
		Echo echo = this.proxy.get()
			.uri("/api/data/things")
			.headers(tokens::authorize)
			.header("X-Forwarded-For", "198.51.100.40")
			.header("X-Keel-Client-Ip", "192.0.2.66")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Echo.class)
			.returnResult()
			.getResponseBody();
		assertThat(echo.headers()).containsEntry("x-keel-client-ip", "198.51.100.40");
	}

	private WebTestClient.ResponseSpec token(String forwardedFor) {
		return this.proxy.post()
			.uri("/api/auth/token")
			.header("X-Forwarded-For", forwardedFor)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange();
	}

}
