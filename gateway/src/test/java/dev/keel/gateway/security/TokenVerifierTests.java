package dev.keel.gateway.security;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import dev.keel.gateway.security.FakeJwks.ManualClock;
import dev.keel.gateway.security.Verdict.Accepted;
import dev.keel.gateway.security.Verdict.Rejected;
import dev.keel.testing.TestTokens;
import dev.keel.token.TokenRules;

import static org.assertj.core.api.Assertions.assertThat;

class TokenVerifierTests {

	private static final Duration SKEW = Duration.ofSeconds(30);

	private static final ECKey ecKey = ecKey("ec-1");

	// Generating RSA keys is slow: one set of keys for every test, never rotated.
	private static final TestTokens tokens = TestTokens.create();

	private final FakeJwks jwks = new FakeJwks(this::published);

	private final ManualClock clock = new ManualClock();

	private final TokenVerifier verifier = new TokenVerifier(settings(), this.jwks, this.clock);

	@Test
	void acceptsAValidToken() {
		assertThat(verify(tokens.token("alice"))).isInstanceOf(Accepted.class)
			.extracting((verdict) -> ((Accepted) verdict).subject())
			.isEqualTo("alice");
	}

	@Test
	void refusesEveryKindOfBadToken() {
		Map<String, Rejection> expected = Map.of("alg none", Rejection.ALGORITHM, "forged signature",
				Rejection.SIGNATURE, "HS256 with the public key", Rejection.ALGORITHM, "wrong issuer", Rejection.ISSUER,
				"wrong audience", Rejection.AUDIENCE, "expired", Rejection.EXPIRED);
		tokens.invalidTokens("mallory")
			.forEach((description, token) -> assertThat(verify(token)).as(description)
				.isEqualTo(new Rejected(expected.get(description))));
	}

	@Test
	void refusesEcSignaturesEvenFromAPublishedEcKey() throws JOSEException {
		assertThat(verify(signEc(JWSAlgorithm.ES256, "ec-1", claims().build())))
			.isEqualTo(new Rejected(Rejection.ALGORITHM));
	}

	@Test
	void acceptsOnlyRs256LikeTheServices() throws JOSEException {
		for (JWSAlgorithm algorithm : List.of(JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.PS256)) {
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(algorithm).keyID(tokens.signingKey().getKeyID()).build(), claims().build());
			jwt.sign(new RSASSASigner(tokens.signingKey()));
			assertThat(verify(jwt.serialize())).as(algorithm.getName()).isEqualTo(new Rejected(Rejection.ALGORITHM));
		}
		assertThat(TokenRules.ALGORITHMS).containsExactly(JWSAlgorithm.RS256);
	}

	@Test
	void refusesAlgorithmsThatDoNotFitTheKey() throws JOSEException {
		String rsaKidOnEcSignature = signEc(JWSAlgorithm.ES256, tokens.signingKey().getKeyID(), claims().build());
		assertThat(verify(rsaKidOnEcSignature)).isEqualTo(new Rejected(Rejection.ALGORITHM));
	}

	@Test
	void allowsClockSkewButNoMore() {
		Instant now = this.clock.instant();
		assertThat(verify(tokens.sign(claims().expirationTime(Date.from(now.minusSeconds(20))).build())))
			.isInstanceOf(Accepted.class);
		assertThat(verify(tokens.sign(claims().expirationTime(Date.from(now.minus(SKEW))).build())))
			.isEqualTo(new Rejected(Rejection.EXPIRED));
		assertThat(verify(tokens.sign(claims().notBeforeTime(Date.from(now.plusSeconds(20))).build())))
			.isInstanceOf(Accepted.class);
		assertThat(verify(tokens.sign(claims().notBeforeTime(Date.from(now.plusSeconds(60))).build())))
			.isEqualTo(new Rejected(Rejection.NOT_YET_VALID));
		assertThat(verify(tokens.sign(claims().issueTime(Date.from(now.plusSeconds(60))).build())))
			.isEqualTo(new Rejected(Rejection.NOT_YET_VALID));
	}

	@Test
	void requiresSubjectExpiryAndIssueTime() {
		for (String claim : List.of("sub", "exp", "iat")) {
			JWTClaimsSet claims = new JWTClaimsSet.Builder(claims().build()).claim(claim, null).build();
			assertThat(verify(tokens.sign(claims))).as(claim).isEqualTo(new Rejected(Rejection.CLAIMS));
		}
	}

	@Test
	void refusesTokensOfOtherTypes() {
		SignedJWT idToken = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(tokens.signingKey().getKeyID())
					.type(new JOSEObjectType("logout+jwt"))
					.build(),
				claims().build());
		assertThat(verify(sign(idToken))).isEqualTo(new Rejected(Rejection.TYPE));
	}

	@Test
	void refusesTokensWithoutKeyId() {
		SignedJWT noKid = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims().build());
		assertThat(verify(sign(noKid))).isEqualTo(new Rejected(Rejection.UNKNOWN_KEY));
	}

	@Test
	void remembersAValidTokenOnlyUntilItExpires() {
		String token = tokens.token("alice");
		assertThat(verify(token)).isInstanceOf(Accepted.class);
		this.clock.advance(Duration.ofMinutes(5).plus(SKEW).plusSeconds(1));
		assertThat(verify(token)).isEqualTo(new Rejected(Rejection.EXPIRED));
	}

	@Test
	void forgetsValidTokensWhenTheirKeyIsRetired() {
		String token = tokens.token("alice");
		assertThat(verify(token)).isInstanceOf(Accepted.class);
		this.jwks.serve(() -> new JWKSet(ecKey.toPublicJWK()));
		this.clock.advance(Duration.ofMinutes(4));
		assertThat(verify(token)).as("before the keys are fetched again").isInstanceOf(Accepted.class);
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(verify(token)).isEqualTo(new Rejected(Rejection.UNKNOWN_KEY));
	}

	private Verdict verify(String token) {
		return this.verifier.verify(token).block();
	}

	private JWKSet published() {
		List<JWK> keys = new ArrayList<>(tokens.publicKeys().getKeys());
		keys.add(ecKey.toPublicJWK());
		return new JWKSet(keys);
	}

	private JWTClaimsSet.Builder claims() {
		Instant now = this.clock.instant();
		return tokens.claims("alice")
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
	}

	private String sign(SignedJWT jwt) {
		try {
			jwt.sign(new RSASSASigner(tokens.signingKey()));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String signEc(JWSAlgorithm algorithm, String keyId, JWTClaimsSet claims) throws JOSEException {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(keyId).build(), claims);
		jwt.sign(new ECDSASigner(ecKey));
		return jwt.serialize();
	}

	private static ECKey ecKey(String keyId) {
		try {
			return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static EdgeSecuritySettings settings() {
		return new EdgeSecuritySettings(true, TestTokens.DEFAULT_ISSUER, "keel",
				URI.create("http://auth-service/jwks.json"), true, SKEW, Duration.ofMinutes(5), Duration.ofSeconds(10),
				List.of());
	}

}
