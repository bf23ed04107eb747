package dev.keel.support.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
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
 * Services accept exactly what auth-service signs with, RS256, as the gateway does: not
 * another RSA algorithm, not ES256 even from an EC key in the published set, not HS256
 * with the public key as secret, not {@code alg: none}.
 */
@SpringBootTest(classes = SecurityTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class SignatureAlgorithmsIntegrationTests {

	static final TestTokens tokens = TestTokens.create();

	static final ECKey ecKey = ecKey();

	static final JwksServer jwks = JwksServer.start(() -> {
		List<JWK> keys = new ArrayList<>(tokens.publicKeys().getKeys());
		keys.add(ecKey.toPublicJWK());
		return new JWKSet(keys);
	});

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void keys(DynamicPropertyRegistry registry) {
		registry.add("keel.security.jwk-set-uri", jwks::uri);
		registry.add("keel.security.issuer", tokens::issuer);
	}

	@AfterAll
	static void stopJwks() {
		jwks.close();
	}

	@Test
	void acceptsRs256() throws Exception {
		assertThat(status(tokens.token("alice"))).isEqualTo(200);
	}

	@Test
	void refusesEveryOtherAlgorithm() throws Exception {
		Map<String, String> others = new LinkedHashMap<>();
		others.put("RS384", signRsa(JWSAlgorithm.RS384));
		others.put("PS256", signRsa(JWSAlgorithm.PS256));
		others.put("ES256 with a published EC key", signEc());
		others.put("HS256 with the public key", tokens.hmacWithPublicKey(tokens.claims("mallory").build()));
		others.put("alg none", tokens.unsigned(tokens.claims("mallory").build()));
		for (Map.Entry<String, String> token : others.entrySet()) {
			assertThat(status(token.getValue())).as(token.getKey()).isEqualTo(401);
		}
	}

	private static String signRsa(JWSAlgorithm algorithm) throws JOSEException {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(tokens.signingKey().getKeyID()).build(),
				tokens.claims("mallory").build());
		jwt.sign(new RSASSASigner(tokens.signingKey()));
		return jwt.serialize();
	}

	private static String signEc() throws JOSEException {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(ecKey.getKeyID()).build(),
				tokens.claims("mallory").build());
		jwt.sign(new ECDSASigner(ecKey));
		return jwt.serialize();
	}

	private static ECKey ecKey() {
		try {
			return new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private int status(String token) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/me"))
				.header("Authorization", "Bearer " + token)
				.build(), BodyHandlers.discarding())
			.statusCode();
	}

}
