package dev.keel.gateway.security;

import java.time.Duration;
import java.util.stream.IntStream;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.keel.gateway.Backend;
import dev.keel.testing.JwksServer;
import dev.keel.testing.TestTokens;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fetching auth-service's keys as in a deployment: from the fixed address
 * {@code keel.gateway.security.jwk-set-uri}, here a {@link JwksServer} that can be
 * switched off, while an impostor registered in discovery as auth-service, serving its
 * own keys, is never asked. A fetch for an unknown key that comes back without it holds
 * off the next for one second.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "eureka.client.enabled=false",
		"management.server.port=0", "keel.gateway.security.jwks-min-refresh-interval=1s" })
class SigningKeyFetchIntegrationTests {

	static final Duration MIN_REFRESH_INTERVAL = Duration.ofSeconds(1);

	static final Backend data = Backend.start("data");

	static final TestTokens tokens = TestTokens.create();

	static final JwksServer authService = JwksServer.start(tokens);

	static final RSAKey impostorKey = TestTokens.newKey("impostor-key");

	static final JwksServer impostor = JwksServer.start(() -> new JWKSet(impostorKey));

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.data-service[0].uri", data::uri);
		registry.add("keel.gateway.security.jwk-set-uri", authService::uri);
		registry.add("spring.cloud.discovery.client.simple.instances.auth-service[0].uri",
				() -> impostor.uri().replace("/jwks.json", ""));
		registry.add("keel.gateway.security.issuer", tokens::issuer);
	}

	@LocalServerPort
	int port;

	WebTestClient client;

	@BeforeEach
	void connect() {
		this.client = WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	@Test
	void anImpostorRegisteredAsAuthServiceIsNeverAskedForKeys() throws Exception {
		waitOutMinRefreshInterval();
		post(TestTokens.signWith(impostorKey, tokens.claims("mallory", "admin").build())).expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("invalid_token");
		assertThat(impostor.fetches()).isZero();
	}

	@Test
	void keysAreFetchedFromTheFixedAddressOnceForManyRequests() {
		int fetchesBefore = authService.fetches();
		for (int i = 0; i < 5; i++) {
			post(tokens.token("alice")).expectStatus().isOk();
		}
		assertThat(authService.fetches() - fetchesBefore).isLessThanOrEqualTo(1);
	}

	@Test
	void tokensWithMadeUpKeyIdsDoNotHammerAuthService() throws Exception {
		RSAKey rogue = TestTokens.newKey("rogue");
		waitOutMinRefreshInterval();
		int fetchesBefore = authService.fetches();
		long started = System.nanoTime();
		IntStream.range(0, 20)
			.mapToObj((i) -> new RSAKey.Builder(rogue).keyID("made-up-" + i).build())
			.forEach((key) -> post(TestTokens.signWith(key, tokens.claims("mallory").build())).expectStatus()
				.isUnauthorized()
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("invalid_token"));
		Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
		long allowed = 1 + elapsed.toMillis() / MIN_REFRESH_INTERVAL.toMillis();
		assertThat(authService.fetches() - fetchesBefore).isBetween(1, (int) allowed);
	}

	@Test
	void unknownKeyWhileAuthServiceIsDownAnswersServiceUnavailableUntilItIsBack() throws Exception {
		String known = tokens.token("alice");
		post(known).expectStatus().isOk();
		RSAKey rotated = tokens.rotate();
		String signedWithNewKey = TestTokens.signWith(rotated, tokens.claims("alice").build());
		waitOutMinRefreshInterval();
		authService.unavailable(true);
		try {
			post(signedWithNewKey).expectStatus()
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
				.expectHeader()
				.valueEquals(HttpHeaders.RETRY_AFTER, "5")
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("service_unavailable");
			post(known).expectStatus().isOk();
		}
		finally {
			authService.unavailable(false);
		}
		waitOutMinRefreshInterval();
		post(signedWithNewKey).expectStatus().isOk();
	}

	private ResponseSpec post(String token) {
		return this.client.post()
			.uri("/api/data/things")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.bodyValue("{}")
			.exchange();
	}

	private static void waitOutMinRefreshInterval() throws InterruptedException {
		Thread.sleep(MIN_REFRESH_INTERVAL.plusMillis(100));
	}

}
