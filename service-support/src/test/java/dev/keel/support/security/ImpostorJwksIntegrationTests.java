package dev.keel.support.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
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
 * The default set-up: the keys come from the fixed {@code keel.security.jwk-set-uri}. An
 * impostor registered in discovery under auth-service's name, serving its own keys, is
 * never asked for them, and its tokens are refused.
 */
@SpringBootTest(classes = SecurityTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class ImpostorJwksIntegrationTests {

	static final TestTokens tokens = TestTokens.create();

	static final JwksServer authService = JwksServer.start(tokens);

	/** The impostor's own key, with its own {@code kid}, as in the reported attack. */
	static final RSAKey impostorKey = TestTokens.newKey("impostor-key");

	static final JwksServer impostor = JwksServer.start(() -> new JWKSet(impostorKey));

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void keys(DynamicPropertyRegistry registry) {
		registry.add("keel.security.jwk-set-uri", authService::uri);
		registry.add("spring.cloud.discovery.client.simple.instances.auth-service[0].uri",
				() -> impostor.uri().replace("/jwks.json", ""));
		registry.add("keel.security.issuer", tokens::issuer);
	}

	@AfterAll
	static void stopServers() {
		authService.close();
		impostor.close();
	}

	@Test
	void keysComeFromTheConfiguredAddress() throws Exception {
		HttpResponse<String> response = send(TestTokens.signWith(impostorKey, tokens.claims("user-1").build()));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(send(tokens.token("user-1")).statusCode()).isEqualTo(200);
		assertThat(authService.fetches()).isPositive();
		assertThat(impostor.fetches()).isZero();
	}

	@Test
	void anImpostorsAdminTokenIsRefused() throws Exception {
		HttpResponse<String> response = send(
				TestTokens.signWith(impostorKey, tokens.claims("mallory", "admin").build()));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(impostor.fetches()).isZero();
	}

	private HttpResponse<String> send(String token) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/me"))
				.header("Authorization", "Bearer " + token)
				.build(), BodyHandlers.ofString());
	}

}
