package dev.keel.gateway;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One gateway, shared by the integration tests that extend this class, in front of real
 * HTTP backends: data-service has two live instances, storage-service one, auth-service
 * one that refuses connections, notification-service none at all. Its token checks trust
 * {@link #tokens}; requests to routes that need a token send one with
 * {@code .headers(tokens::authorize)}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
public abstract class GatewayTestSupport {

	/** Matches the ids the gateway generates for requests. */
	public static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	/** Matches a W3C trace id. */
	public static final String TRACE_ID_PATTERN = "[0-9a-f]{32}";

	protected static final Backend data1 = Backend.start("data-1");

	protected static final Backend data2 = Backend.start("data-2");

	protected static final Backend storage = Backend.start("storage-1");

	protected static final int managementPort = Backend.unusedPort();

	protected static final GatewayTokens tokens = GatewayTokens.start();

	@DynamicPropertySource
	static void backends(DynamicPropertyRegistry registry) {
		registry.add("management.server.port", () -> managementPort);
		registry.add("spring.cloud.discovery.client.simple.instances.data-service[0].uri", data1::uri);
		registry.add("spring.cloud.discovery.client.simple.instances.data-service[1].uri", data2::uri);
		registry.add("spring.cloud.discovery.client.simple.instances.storage-service[0].uri", storage::uri);
		registry.add("spring.cloud.discovery.client.simple.instances.auth-service[0].uri",
				() -> "http://127.0.0.1:" + Backend.unusedPort());
		tokens.register(registry);
	}

	@LocalServerPort
	private int port;

	protected WebTestClient client;

	@BeforeEach
	void connect() {
		this.client = WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	protected static int dataServiceRequests() {
		return data1.requests() + data2.requests();
	}

}
