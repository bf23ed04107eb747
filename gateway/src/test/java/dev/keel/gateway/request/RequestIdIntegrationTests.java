package dev.keel.gateway.request;

import java.util.List;

import dev.keel.gateway.Backend.Echo;
import dev.keel.gateway.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.test.web.reactive.server.FluxExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdIntegrationTests extends GatewayTestSupport {

	static List<String> insaneRequestIds() {
		return List.of("has spaces in it", "semi;colon", "x".repeat(129), "y".repeat(300));
	}

	@Test
	void routedRequestReachesServiceWithRequestIdAndTraceparent() {
		FluxExchangeResult<Echo> result = this.client.get()
			.uri("/api/data/things")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(Echo.class);
		Echo echo = result.getResponseBody().blockFirst();
		String requestId = result.getResponseHeaders().getFirst("X-Request-Id");
		assertThat(requestId).matches(UUID_PATTERN);
		assertThat(echo.path()).isEqualTo("/api/data/things");
		assertThat(echo.headers()).containsEntry("x-request-id", requestId);
		assertThat(echo.headers().get("traceparent")).matches("00-" + TRACE_ID_PATTERN + "-[0-9a-f]{16}-0[01]");
	}

	@Test
	void servicesAreToldTheConnectionsAddressNotTheClientIpAClientClaims() {
		Echo echo = this.client.get()
			.uri("/api/data/things")
			.header("X-Keel-Client-Ip", "192.0.2.66")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Echo.class)
			.returnResult()
			.getResponseBody();
		assertThat(echo.headers().get("x-keel-client-ip")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
	}

	@Test
	void saneClientRequestIdIsKept() {
		String requestId = "client-42.retry:1_A";
		Echo echo = this.client.get()
			.uri("/api/data/things")
			.header("X-Request-Id", requestId)
			.exchange()
			.expectHeader()
			.valueEquals("X-Request-Id", requestId)
			.expectBody(Echo.class)
			.returnResult()
			.getResponseBody();
		assertThat(echo.headers()).containsEntry("x-request-id", requestId);
	}

	@ParameterizedTest
	@MethodSource("insaneRequestIds")
	void insaneClientRequestIdIsReplaced(String requestId) {
		Echo echo = this.client.get()
			.uri("/api/data/things")
			.header("X-Request-Id", requestId)
			.exchange()
			.expectHeader()
			.valueMatches("X-Request-Id", UUID_PATTERN)
			.expectBody(Echo.class)
			.returnResult()
			.getResponseBody();
		assertThat(echo.headers().get("x-request-id")).matches(UUID_PATTERN);
	}

	@Test
	void errorResponsesCarryTheClientsRequestId() {
		this.client.get()
			.uri("/api/nope")
			.headers(tokens::authorize)
			.header("X-Request-Id", "client-43")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.valueEquals("X-Request-Id", "client-43");
	}

}
