package dev.keel.support.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * The claim checks every Keel access token must pass once its signature is verified:
 * issuer, audience, an {@code exp} (required) and {@code nbf} within a small clock skew,
 * and an {@code iat} that is present and not in the future.
 */
final class TokenValidators {

	/** How far clocks of the issuer and the service may drift apart. */
	static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

	private TokenValidators() {
	}

	static OAuth2TokenValidator<Jwt> forKeel(KeelSecurityProperties properties) {
		JwtTimestampValidator timestamps = new JwtTimestampValidator(CLOCK_SKEW);
		timestamps.setAllowEmptyExpiryClaim(false);
		return JwtValidators
			.createDefaultWithValidators(List.of(types(), timestamps, new JwtIssuerValidator(properties.issuer()),
					new JwtAudienceValidator(properties.audience()), issuedAt()));
	}

	/** Plain JWTs, and RFC 9068 access tokens, whichever auth-service chooses. */
	private static JwtTypeValidator types() {
		JwtTypeValidator types = new JwtTypeValidator("JWT", "at+jwt", "application/at+jwt");
		types.setAllowEmpty(true);
		return types;
	}

	private static OAuth2TokenValidator<Jwt> issuedAt() {
		return new JwtClaimValidator<Instant>(JwtClaimNames.IAT,
				(iat) -> iat != null && !iat.isAfter(Instant.now().plus(CLOCK_SKEW)));
	}

}
