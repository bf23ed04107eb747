package dev.keel.gateway.edge;

import dev.keel.gateway.Backend.Echo;
import dev.keel.gateway.GatewayTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.reactive.server.FluxExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API.md §1: the request id and the W3C trace context reach the service and come back.
 */
class TracePropagationIntegrationTests extends GatewayTestSupport {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String CLIENT_SPAN_ID = "00f067aa0ba902b7";

	@ParameterizedTest
	@ValueSource(strings = { "01", "00" })
	void clientTraceparentKeepsItsTraceIdAtTheService(String flags) {
		FluxExchangeResult<Echo> result = this.client.get()
			.uri("/api/data/things")
			.header("traceparent", "00-" + TRACE_ID + "-" + CLIENT_SPAN_ID + "-" + flags)
			.header("X-Request-Id", "trace-test-" + flags)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(Echo.class);
		Echo echo = result.getResponseBody().blockFirst();
		String traceparent = echo.headers().get("traceparent");
		assertThat(traceparent).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-" + flags);
		assertThat(traceparent).as("the gateway's own span").doesNotContain(CLIENT_SPAN_ID);
		assertThat(echo.headers()).containsEntry("x-request-id", "trace-test-" + flags);
		assertThat(result.getResponseHeaders().getFirst("X-Request-Id")).isEqualTo("trace-test-" + flags);
	}

	@Test
	void problemAnswersCarryTheClientsTraceId() {
		this.client.get()
			.uri("/api/nope")
			.headers(tokens::authorize)
			.header("traceparent", "00-" + TRACE_ID + "-" + CLIENT_SPAN_ID + "-01")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.traceId")
			.isEqualTo(TRACE_ID);
	}

	@Test
	void malformedTraceparentStartsANewTrace() {
		Echo echo = this.client.get()
			.uri("/api/data/things")
			.header("traceparent", "00-not-a-trace-01")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Echo.class)
			.returnResult()
			.getResponseBody();
		assertThat(echo.headers().get("traceparent")).matches("00-" + TRACE_ID_PATTERN + "-[0-9a-f]{16}-0[01]");
	}

}
