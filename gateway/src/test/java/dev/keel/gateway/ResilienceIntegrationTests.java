package dev.keel.gateway;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import dev.keel.gateway.Backend.Echo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway while instances fail: data-service has one live and one dead instance,
 * notification-service one that answers too slowly for its one-second time limit, except
 * on the event stream, which has no time limit. storage-service has a slow and a dead
 * instance, and no time limit although every other route's is one second here.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "management.server.port=0",
				"resilience4j.timelimiter.instances.notification-service.timeout-duration=1s",
				"resilience4j.timelimiter.configs.default.timeout-duration=1s",
				// retries on their own here; EjectionIntegrationTests shows ejection
				"keel.gateway.balancing.ejection=0s" })
class ResilienceIntegrationTests {

	static final Backend alive = Backend.start("alive");

	static final Backend slow = Backend.start("slow");

	static final Backend slowStorage = Backend.start("slow-storage");

	static final GatewayTokens tokens = GatewayTokens.start();

	@DynamicPropertySource
	static void backends(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.data-service[0].uri", alive::uri);
		registry.add("spring.cloud.discovery.client.simple.instances.data-service[1].uri",
				() -> "http://127.0.0.1:" + Backend.unusedPort());
		registry.add("spring.cloud.discovery.client.simple.instances.notification-service[0].uri", slow::uri);
		registry.add("spring.cloud.discovery.client.simple.instances.storage-service[0].uri", slowStorage::uri);
		registry.add("spring.cloud.discovery.client.simple.instances.storage-service[1].uri",
				() -> "http://127.0.0.1:" + Backend.unusedPort());
		tokens.register(registry);
	}

	@LocalServerPort
	int port;

	WebTestClient client;

	@BeforeEach
	void connect() {
		this.client = WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	@Test
	void idempotentRequestsAreRetriedOnTheLiveInstance() {
		for (int i = 0; i < 10; i++) {
			for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.PUT, HttpMethod.DELETE)) {
				Echo echo = this.client.method(method)
					.uri("/api/data/things/" + i)
					.headers(tokens::authorize)
					.exchange()
					.expectStatus()
					.isOk()
					.expectBody(Echo.class)
					.returnResult()
					.getResponseBody();
				assertThat(echo.backend()).isEqualTo("alive");
				assertThat(echo.method()).isEqualTo(method.name());
			}
		}
	}

	@Test
	void postIsNotRetriedAfterAFailedConnection() {
		List<HttpStatusCode> statuses = IntStream.range(0, 4)
			.mapToObj((i) -> this.client.post()
				.uri("/api/data/things")
				.headers(tokens::authorize)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"n\":" + i + "}")
				.exchange()
				.returnResult(String.class)
				.getStatus())
			.toList();
		assertThat(statuses).contains(HttpStatus.OK, HttpStatus.SERVICE_UNAVAILABLE);
	}

	@Test
	void slowServiceAnswersGatewayTimeoutProblem() {
		this.client.get()
			.uri("/api/notifications/slow")
			.headers(tokens::authorize)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.exists("X-Request-Id")
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("gateway_timeout")
			.jsonPath("$.status")
			.isEqualTo(504)
			.jsonPath("$.instance")
			.isEqualTo("/api/notifications/slow")
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).contains("notification-service"));
	}

	@Test
	void eventStreamOutlivesTheTimeLimit() {
		this.client.get()
			.uri("/api/notifications/stream")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((events) -> assertThat(events).contains("event: notification"));
	}

	@Test
	void aSlowFileTransferIsNotCutOffByATimeLimit() {
		// the service answers after 5 s; every other route's limit is 1 s here
		Echo echo = this.client.mutate()
			.responseTimeout(Duration.ofSeconds(20))
			.build()
			.get()
			.uri("/api/storage/buckets/photos/objects/f1/slow")
			.headers(tokens::authorize)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Echo.class)
			.returnResult()
			.getResponseBody();
		assertThat(echo.backend()).isEqualTo("slow-storage");
	}

	@Test
	void anUploadToADeadStorageInstanceGetsTheFallbackProblem() {
		List<String> details = IntStream.range(0, 4)
			.mapToObj((i) -> this.client.post()
				.uri("/api/storage/buckets/photos/objects?name=" + i + ".txt")
				.contentType(MediaType.TEXT_PLAIN)
				.bodyValue("file " + i)
				.exchange()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody())
			.toList();
		assertThat(details).anySatisfy((body) -> assertThat(body).contains("\"backend\":\"slow-storage\""))
			.anySatisfy((body) -> assertThat(body).contains("\"code\":\"service_unavailable\"")
				.contains("storage-service is unavailable right now"));
	}

}
