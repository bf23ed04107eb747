package dev.keel.discovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A peer (as on Kubernetes) registers with the servers in {@code KEEL_EUREKA_PEERS}
 * through Eureka's own client, which must send the discovery credentials. Here the only
 * peer is the server itself.
 */
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT,
		properties = { "management.server.port=0", "KEEL_EUREKA_REPLICATE=true",
				"eureka.client.initial-instance-info-replication-interval-seconds=1",
				"eureka.client.registry-fetch-interval-seconds=1",
				"KEEL_DISCOVERY_PASSWORD=" + PeerRegistrationIntegrationTests.PASSWORD })
class PeerRegistrationIntegrationTests {

	static final String PASSWORD = "peer-discovery-secret";

	// The client starts before the server knows a random port: pick one up front.
	static final int PORT = freePort();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void peers(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("KEEL_EUREKA_PEERS", () -> "http://localhost:" + PORT + "/eureka");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void peerRegistersWithTheCredentials() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest apps = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/eureka/apps/DISCOVERY"))
			.header("Authorization", DiscoveryIntegrationTests.basic("keel", PASSWORD))
			.header("Accept", "application/json")
			.build();
		Instant deadline = Instant.now().plusSeconds(30);
		HttpResponse<String> response = http.send(apps, BodyHandlers.ofString());
		while (response.statusCode() != 200 && Instant.now().isBefore(deadline)) {
			Thread.sleep(Duration.ofMillis(250));
			response = http.send(apps, BodyHandlers.ofString());
		}
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"DISCOVERY\"");
	}

}
