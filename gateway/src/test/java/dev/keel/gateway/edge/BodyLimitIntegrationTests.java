package dev.keel.gateway.edge;

import java.util.stream.IntStream;

import dev.keel.gateway.Backend.Echo;
import dev.keel.gateway.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

import static org.assertj.core.api.Assertions.assertThat;

class BodyLimitIntegrationTests extends GatewayTestSupport {

	private static final int MIB = 1024 * 1024;

	@Test
	void bodyOverTheLimitIsRefusedBeforeTheService() {
		int before = dataServiceRequests();
		expectTooLarge(this.client.post()
			.uri("/api/data/things")
			.headers(tokens::authorize)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(new byte[2 * MIB])
			.exchange());
		assertThat(dataServiceRequests()).as("requests routed to the service").isEqualTo(before);
	}

	@Test
	void chunkedBodyOverTheLimitIsCutOff() {
		expectTooLarge(this.client.post()
			.uri("/api/data/things")
			.headers(tokens::authorize)
			.contentType(MediaType.APPLICATION_JSON)
			.body(chunked(2 * MIB), DataBuffer.class)
			.exchange());
	}

	@Test
	void chunkedBodyOverTheLimitOnTheStreamRouteIsCutOffToo() {
		expectTooLarge(this.client.post()
			.uri("/api/notifications/stream")
			.headers(tokens::authorize)
			.contentType(MediaType.APPLICATION_JSON)
			.body(chunked(2 * MIB), DataBuffer.class)
			.exchange());
	}

	@Test
	void bodyOfExactlyTheLimitReachesTheService() {
		Echo echo = this.client.put()
			.uri("/api/data/things/1")
			.headers(tokens::authorize)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(new byte[MIB])
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Echo.class)
			.returnResult()
			.getResponseBody();
		assertThat(echo.bodyLength()).isEqualTo(MIB);
	}

	@Test
	void chunkedBodyUnderTheLimitReachesTheServiceWhole() {
		Echo echo = this.client.post()
			.uri("/api/data/things")
			.headers(tokens::authorize)
			.contentType(MediaType.APPLICATION_JSON)
			.body(chunked(MIB / 2), DataBuffer.class)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Echo.class)
			.returnResult()
			.getResponseBody();
		assertThat(echo.headers()).containsEntry("transfer-encoding", "chunked");
		assertThat(echo.bodyLength()).isEqualTo(MIB / 2);
	}

	@Test
	void cutOffUploadsDoNotOpenTheCircuitBreaker() {
		IntStream.range(0, 8)
			.forEach((i) -> expectTooLarge(this.client.post()
				.uri("/api/data/things")
				.headers(tokens::authorize)
				.contentType(MediaType.APPLICATION_JSON)
				.body(chunked(2 * MIB), DataBuffer.class)
				.exchange()));
		this.client.get().uri("/api/data/things").exchange().expectStatus().isOk();
	}

	private static void expectTooLarge(ResponseSpec response) {
		response.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.exists("X-Request-Id")
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("payload_too_large")
			.jsonPath("$.status")
			.isEqualTo(413);
	}

	// A body without Content-Length, sent as it is produced, in 16 KiB chunks.
	private static Flux<DataBuffer> chunked(int size) {
		int chunk = 16 * 1024;
		return Flux.range(0, size / chunk).map((i) -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[chunk]));
	}

}
