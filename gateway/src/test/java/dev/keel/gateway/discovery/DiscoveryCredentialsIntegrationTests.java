package dev.keel.gateway.discovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's Eureka client sends discovery's credentials with its registration and
 * registry reads, to a stand-in discovery server that records what it receives.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "keel.discovery.password=gateway-test-secret",
				"eureka.client.initial-instance-info-replication-interval-seconds=1",
				"eureka.client.registry-fetch-interval-seconds=1" })
class DiscoveryCredentialsIntegrationTests {

	static final List<String> authorizations = new CopyOnWriteArrayList<>();

	static final HttpServer discovery = startDiscovery();

	@DynamicPropertySource
	static void discovery(DynamicPropertyRegistry registry) {
		registry.add("eureka.client.service-url.defaultZone",
				() -> "http://127.0.0.1:" + discovery.getAddress().getPort() + "/eureka/");
	}

	@AfterAll
	static void stopDiscovery() {
		discovery.stop(0);
	}

	@Test
	void everyRequestToDiscoveryCarriesTheCredentials() throws Exception {
		Instant deadline = Instant.now().plusSeconds(20);
		while (authorizations.size() < 2 && Instant.now().isBefore(deadline)) {
			Thread.sleep(Duration.ofMillis(100));
		}
		String expected = "Basic "
				+ Base64.getEncoder().encodeToString("keel:gateway-test-secret".getBytes(StandardCharsets.UTF_8));
		assertThat(authorizations).hasSizeGreaterThanOrEqualTo(2)
			.allSatisfy((header) -> assertThat(header).isEqualTo(expected));
	}

	private static HttpServer startDiscovery() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.createContext("/eureka/", (exchange) -> {
				authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
				byte[] body = "{\"applications\":{\"versions__delta\":\"1\",\"apps__hashcode\":\"\",\"application\":[]}}"
					.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				int status = "POST".equals(exchange.getRequestMethod()) ? 204 : 200;
				exchange.sendResponseHeaders(status, (status == 204) ? -1 : body.length);
				if (status == 200) {
					exchange.getResponseBody().write(body);
				}
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
