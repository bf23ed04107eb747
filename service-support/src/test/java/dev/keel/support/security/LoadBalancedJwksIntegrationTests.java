package dev.keel.support.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.keel.testing.JwksServer;
import dev.keel.testing.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A set-up a deployment may choose (not the default): the JWKS host is a service id,
 * resolved through Spring Cloud LoadBalancer from discovery (here the simple discovery
 * client, Eureka in the services).
 */
@SpringBootTest(classes = SecurityTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "keel.security.jwk-set-uri=http://auth-service/jwks.json", "keel.security.load-balanced=true" })
class LoadBalancedJwksIntegrationTests {

	static final TestTokens tokens = TestTokens.create();

	static final JwksServer jwks = JwksServer.start(tokens);

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void discovery(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.auth-service[0].uri",
				() -> jwks.uri().replace("/jwks.json", ""));
		registry.add("keel.security.issuer", tokens::issuer);
	}

	@AfterAll
	static void stopJwks() {
		jwks.close();
	}

	@Test
	void fetchesTheKeySetFromTheInstanceDiscoveryNames() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/me"))
				.header("Authorization", "Bearer " + tokens.token("user-1"))
				.build(), BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"subject\":\"user-1\"");
		assertThat(jwks.fetches()).isEqualTo(1);
	}

}
