package dev.keel.gateway;

import dev.keel.testing.JwksServer;
import dev.keel.testing.TestTokens;

import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Test keys for a gateway under test: {@link TestTokens} mint access tokens, a
 * {@link JwksServer} publishes their public keys, and {@link #register} points the
 * gateway's token checks at it (a plain URL, not load-balanced).
 *
 * @param tokens mints valid and invalid tokens; {@code tokens().rotate()} rotates the key
 * @param jwks serves the public keys and counts the fetches
 */
public record GatewayTokens(TestTokens tokens, JwksServer jwks) {

	public static GatewayTokens start() {
		TestTokens tokens = TestTokens.create();
		return new GatewayTokens(tokens, JwksServer.start(tokens));
	}

	public void register(DynamicPropertyRegistry registry) {
		registry.add("keel.gateway.security.jwk-set-uri", this.jwks::uri);
		registry.add("keel.gateway.security.load-balanced", () -> false);
		registry.add("keel.gateway.security.issuer", this.tokens::issuer);
	}

	/**
	 * An {@code Authorization} value with a valid token.
	 * @param subject the token's {@code sub}
	 * @return {@code Bearer <token>}
	 */
	public String bearer(String subject) {
		return "Bearer " + this.tokens.token(subject);
	}

	/**
	 * Headers with a valid token, for {@code WebTestClient}'s {@code headers(...)}.
	 * @param headers the request headers to add to
	 */
	public void authorize(HttpHeaders headers) {
		headers.set(HttpHeaders.AUTHORIZATION, bearer("user-1"));
	}

}
