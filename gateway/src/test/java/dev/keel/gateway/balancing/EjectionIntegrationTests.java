package dev.keel.gateway.balancing;

import java.util.List;

import dev.keel.gateway.Backend;
import dev.keel.gateway.Backend.Echo;
import dev.keel.gateway.GatewayTokens;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * data-service has a live instance and one that refuses connections (killed, but still
 * registered): concurrent GETs all succeed, and once a connection has failed even POSTs,
 * which are never retried, no longer go to the dead instance.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "management.server.port=0" })
class EjectionIntegrationTests {

	static final Backend alive = Backend.start("alive");

	static final GatewayTokens tokens = GatewayTokens.start();

	@DynamicPropertySource
	static void backends(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.data-service[0].uri", alive::uri);
		registry.add("spring.cloud.discovery.client.simple.instances.data-service[1].uri",
				() -> "http://127.0.0.1:" + Backend.unusedPort());
		tokens.register(registry);
	}

	@LocalServerPort
	int port;

	@Test
	void aDeadInstanceCostsNoClientErrorAndIsLeftOutOnceItRefusedAConnection() {
		WebClient client = WebClient.create("http://localhost:" + this.port);
		List<Integer> statuses = Flux.range(0, 40)
			.flatMap(
					(i) -> client.get()
						.uri("/api/data/things/" + i)
						.headers(tokens::authorize)
						.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value())),
					8)
			.collectList()
			.block();
		assertThat(statuses).hasSize(40).containsOnly(200);

		WebTestClient test = WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
		for (int i = 0; i < 10; i++) {
			Echo echo = test.post()
				.uri("/api/data/things")
				.headers(tokens::authorize)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"n\":" + i + "}")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(Echo.class)
				.returnResult()
				.getResponseBody();
			assertThat(echo.backend()).isEqualTo("alive");
		}
	}

}
