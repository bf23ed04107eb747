package dev.keel.discovery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "KEEL_EUREKA_PEERS=http://localhost:${local.server.port}/eureka" })
class DiscoveryIntegrationTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Test
	void dashboardIsServed() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/")).GET().build());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("Eureka");
	}

	@Test
	void registeredInstanceIsListedThenForgottenOnCancel() throws Exception {
		String instance = """
				{"instance": {"instanceId": "probe:1", "hostName": "localhost", "app": "PROBE",
				  "ipAddr": "127.0.0.1", "status": "UP", "port": {"$": 9999, "@enabled": "true"},
				  "dataCenterInfo": {"@class": "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo", "name": "MyOwn"}}}
				""";
		HttpResponse<String> registered = send(HttpRequest.newBuilder(uri("/eureka/apps/PROBE"))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(instance))
			.build());
		assertThat(registered.statusCode()).isEqualTo(204);

		JsonNode app = apps().path("applications").path("application");
		assertThat(app.toString()).contains("\"PROBE\"").contains("probe:1");

		HttpResponse<String> cancelled = send(
				HttpRequest.newBuilder(uri("/eureka/apps/PROBE/probe:1")).DELETE().build());
		assertThat(cancelled.statusCode()).isEqualTo(200);
		assertThat(apps().toString()).doesNotContain("probe:1");
	}

	@Test
	void probesAndMetricsAreOnTheManagementPort() throws Exception {
		for (String path : new String[] { "/actuator/health/liveness", "/actuator/health/readiness",
				"/actuator/prometheus" }) {
			HttpResponse<String> response = send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + this.managementPort + path)).GET().build());
			assertThat(response.statusCode()).as(path).isEqualTo(200);
		}
		HttpResponse<String> onMainPort = send(HttpRequest.newBuilder(uri("/actuator/health")).GET().build());
		assertThat(onMainPort.statusCode()).isEqualTo(404);
	}

	private JsonNode apps() throws Exception {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(uri("/eureka/apps")).header("Accept", "application/json").GET().build());
		assertThat(response.statusCode()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static HttpResponse<String> send(HttpRequest request) throws Exception {
		return http.send(request, BodyHandlers.ofString());
	}

}
