package dev.keel.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TokenRulesTests {

	private static final String ISSUER = "http://localhost:8080/api/auth";

	private static final Duration SKEW = Duration.ofSeconds(30);

	private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

	private final TokenRules rules = new TokenRules(ISSUER, "keel", SKEW);

	@Test
	void acceptsAnAccessTokenOfAuthService() {
		assertThat(this.rules.checkHeader(header(JWSAlgorithm.RS256, null))).isEmpty();
		assertThat(this.rules.checkClaims(claims().build(), NOW)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "HS256", "HS512", "RS384", "RS512", "PS256", "ES256", "EdDSA", "none" })
	void refusesEveryAlgorithmButRs256(String algorithm) {
		assertThat(this.rules.checkAlgorithm(JWSAlgorithm.parse(algorithm))).hasValue(Refusal.ALGORITHM);
		assertThat(this.rules.checkAlgorithm(null)).hasValue(Refusal.ALGORITHM);
		assertThat(TokenRules.ALGORITHMS).containsExactly(JWSAlgorithm.RS256);
	}

	@Test
	void refusesTokensOfOtherTypes() {
		assertThat(this.rules.checkHeader(header(JWSAlgorithm.RS256, "logout+jwt"))).hasValue(Refusal.TYPE);
		assertThat(this.rules.checkHeader(header(JWSAlgorithm.RS256, "id_token+jwt"))).hasValue(Refusal.TYPE);
		for (String type : List.of("JWT", "at+jwt", "application/at+jwt")) {
			assertThat(this.rules.checkHeader(header(JWSAlgorithm.RS256, type))).as(type).isEmpty();
		}
	}

	@Test
	void refusesAWrongIssuer() {
		assertThat(this.rules.checkClaims(claims().issuer("https://impostor.example/api/auth").build(), NOW))
			.hasValue(Refusal.ISSUER);
		assertThat(this.rules.checkClaims(claims().issuer(null).build(), NOW)).hasValue(Refusal.ISSUER);
	}

	@Test
	void refusesATokenNotMeantForKeel() {
		assertThat(this.rules.checkClaims(claims().audience("another-api").build(), NOW)).hasValue(Refusal.AUDIENCE);
		assertThat(this.rules.checkClaims(claims().audience((String) null).build(), NOW)).hasValue(Refusal.AUDIENCE);
		assertThat(this.rules.checkClaims(claims().audience(List.of("another-api", "keel")).build(), NOW)).isEmpty();
	}

	@Test
	void refusesAnExpiredTokenBeyondTheSkew() {
		assertThat(this.rules.checkClaims(claims().expirationTime(at(NOW.minusSeconds(20))).build(), NOW)).isEmpty();
		assertThat(this.rules.checkClaims(claims().expirationTime(at(NOW.minus(SKEW))).build(), NOW))
			.hasValue(Refusal.EXPIRED);
		assertThat(this.rules.isExpired(NOW.minusSeconds(29), NOW)).isFalse();
		assertThat(this.rules.isExpired(NOW.minusSeconds(31), NOW)).isTrue();
	}

	@Test
	void refusesAFutureNotBeforeOrIssueTimeBeyondTheSkew() {
		assertThat(this.rules.checkClaims(claims().notBeforeTime(at(NOW.plusSeconds(20))).build(), NOW)).isEmpty();
		assertThat(this.rules.checkClaims(claims().notBeforeTime(at(NOW.plusSeconds(60))).build(), NOW))
			.hasValue(Refusal.NOT_YET_VALID);
		assertThat(this.rules.checkClaims(claims().issueTime(at(NOW.plusSeconds(20))).build(), NOW)).isEmpty();
		assertThat(this.rules.checkClaims(claims().issueTime(at(NOW.plusSeconds(60))).build(), NOW))
			.hasValue(Refusal.NOT_YET_VALID);
	}

	@Test
	void refusesATokenWithoutARequiredClaim() {
		for (String claim : TokenRules.REQUIRED_CLAIMS) {
			JWTClaimsSet claims = new JWTClaimsSet.Builder(claims().build()).claim(claim, null).build();
			assertThat(this.rules.checkClaims(claims, NOW)).as(claim).hasValue(Refusal.MISSING_CLAIM);
		}
		assertThat(this.rules.checkClaims(claims().subject(" ").build(), NOW)).hasValue(Refusal.MISSING_CLAIM);
		assertThat(TokenRules.REQUIRED_CLAIMS).containsExactlyInAnyOrder("sub", "exp", "iat");
	}

	@Test
	void everyRefusalSaysWhy() {
		for (Refusal refusal : Refusal.values()) {
			assertThat(refusal.description()).as(refusal.name()).startsWith("The bearer token").endsWith(".");
		}
		assertThat(Refusal.EXPIRED.description()).contains("expired");
	}

	private static JWSHeader header(JWSAlgorithm algorithm, String type) {
		JWSHeader.Builder header = new JWSHeader.Builder(algorithm).keyID("key-1");
		if (type != null) {
			header.type(new JOSEObjectType(type));
		}
		return header.build();
	}

	private static JWTClaimsSet.Builder claims() {
		return new JWTClaimsSet.Builder().issuer(ISSUER)
			.audience("keel")
			.subject("alice")
			.issueTime(at(NOW.minusSeconds(60)))
			.expirationTime(at(NOW.plusSeconds(600)));
	}

	private static Date at(Instant instant) {
		return Date.from(instant);
	}

}
