package dev.keel.support.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import dev.keel.token.TokenRules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services' adapter applies Keel's {@link TokenRules} to the tokens Spring Security
 * decoded: the same refusals, with the same reasons, as at the gateway.
 */
class TokenRulesValidatorTests {

	private static final String ISSUER = "http://localhost:8080/api/auth";

	private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

	private final TokenRulesValidator validator = new TokenRulesValidator(
			new TokenRules(ISSUER, "keel", Duration.ofSeconds(30)), Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void acceptsAnAccessTokenOfAuthServiceOfEitherType() {
		assertThat(this.validator.validate(token().build()).hasErrors()).isFalse();
		assertThat(this.validator.validate(token().header("typ", "at+jwt").build()).hasErrors()).isFalse();
	}

	@Test
	void refusesWhatTheGatewayRefusesWithTheSameReason() {
		assertThat(refusal(token().header("alg", "HS256")))
			.isEqualTo("The bearer token is not signed with an algorithm that Keel accepts.");
		assertThat(refusal(token().header("typ", "logout+jwt"))).isEqualTo("The bearer token is not an access token.");
		assertThat(refusal(token().expiresAt(NOW.minusSeconds(31)))).isEqualTo("The bearer token has expired.");
		assertThat(refusal(token().notBefore(NOW.plusSeconds(60)))).isEqualTo("The bearer token is not valid yet.");
		assertThat(refusal(token().issuer("https://impostor.example/api/auth")))
			.isEqualTo("The bearer token was not issued by this platform's auth-service.");
		assertThat(refusal(token().audience(List.of("another-api"))))
			.isEqualTo("The bearer token is not meant for Keel.");
	}

	@Test
	void refusesATokenWithoutASubject() {
		assertThat(refusal(token().claims((claims) -> claims.remove("sub"))))
			.isEqualTo("The bearer token lacks a claim that Keel requires.");
	}

	private String refusal(Jwt.Builder token) {
		OAuth2TokenValidatorResult result = this.validator.validate(token.build());
		assertThat(result.getErrors()).singleElement().extracting(OAuth2Error::getErrorCode).isEqualTo("invalid_token");
		return result.getErrors().iterator().next().getDescription();
	}

	private static Jwt.Builder token() {
		return Jwt.withTokenValue("token")
			.header("alg", "RS256")
			.header("kid", "key-1")
			.issuer(ISSUER)
			.audience(List.of("keel"))
			.subject("alice")
			.issuedAt(NOW.minusSeconds(60))
			.expiresAt(NOW.plusSeconds(600));
	}

}
