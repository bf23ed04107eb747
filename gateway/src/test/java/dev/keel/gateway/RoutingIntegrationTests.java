package dev.keel.gateway;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.keel.gateway.Backend.Echo;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingIntegrationTests extends GatewayTestSupport {

	@Test
	void requestsAreSpreadOverEveryInstance() {
		Map<String, Long> answersByBackend = IntStream.range(0, 20)
			.mapToObj((i) -> getEcho("/api/data/things/" + i).backend())
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		assertThat(answersByBackend).containsOnlyKeys("data-1", "data-2");
	}

	@Test
	void errorStatusFromServiceIsPassedOnWithoutRetry() {
		int before = dataServiceRequests();
		this.client.get()
			.uri("/api/data/unavailable")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectBody(Echo.class)
			.value((echo) -> assertThat(echo.path()).isEqualTo("/api/data/unavailable"));
		assertThat(dataServiceRequests()).isEqualTo(before + 1);
	}

	@Test
	void managementPortAnswersProbesAndMetrics() {
		WebTestClient management = managementClient();
		for (String path : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
			management.get()
				.uri(path)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("UP");
		}
		management.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((metrics) -> assertThat(metrics).contains("jvm_memory_used_bytes"));
	}

	@Test
	void everyRequestIsCountedByRouteOnTheMetricsEndpoint() throws InterruptedException {
		double before = routedGets("data-service");
		for (int i = 0; i < 20; i++) {
			getEcho("/api/data/things/" + i);
		}
		// Recorded once the exchange completes, a moment after the client has its answer.
		long deadline = System.nanoTime() + 5_000_000_000L;
		while (routedGets("data-service") < before + 20 && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(routedGets("data-service")).as("sampled or not, every request").isEqualTo(before + 20);
	}

	@Test
	void managementPortDoesNotRoute() {
		int before = dataServiceRequests();
		managementClient().get().uri("/api/data/things").exchange().expectStatus().isNotFound();
		assertThat(dataServiceRequests()).isEqualTo(before);
	}

	private double routedGets(String route) {
		String metrics = managementClient().get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return metrics.lines()
			.filter((line) -> line.startsWith("keel_gateway_requests_seconds_count{") && line.contains("method=\"GET\"")
					&& line.contains("route=\"" + route + "\"") && line.contains("status=\"200\""))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	private WebTestClient managementClient() {
		return WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build();
	}

	private Echo getEcho(String path) {
		return this.client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Echo.class)
			.returnResult()
			.getResponseBody();
	}

}
