package dev.keel.data;

import java.util.Map;

import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.keel.testing.EmbeddedInfrastructure;
import dev.keel.testing.JwksServer;
import dev.keel.testing.ServiceHttp;
import dev.keel.testing.ServiceHttp.Reply;
import dev.keel.testing.TestTokens;

/**
 * data-service on a real Kafka broker and MongoDB-wire store, called over real HTTP with
 * tokens from a test JWKS. Test classes extending it share one application context.
 */
@ExtendWith(EmbeddedInfrastructure.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "eureka.client.enabled=false" })
public abstract class DataServiceTest implements ServiceHttp.Calls {

	protected static final TestTokens tokens = TestTokens.create();

	protected static final JwksServer jwks = JwksServer.start(tokens);

	protected static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void security(DynamicPropertyRegistry registry) {
		registry.add("keel.security.jwk-set-uri", jwks::uri);
		registry.add("keel.security.load-balanced", () -> false);
		registry.add("keel.security.issuer", tokens::issuer);
	}

	protected static String admin() {
		return tokens.token("admin-1", "admin");
	}

	@Override
	public Reply call(String method, String path, String token, Object body, Map<String, String> headers) {
		return ServiceHttp.call(this.port, method, path, token, body, headers);
	}

}
