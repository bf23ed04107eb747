package dev.keel.support.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;

import dev.keel.token.Refusal;
import dev.keel.token.TokenRules;

/**
 * Keel's {@link TokenRules}, the same the gateway applies, as the check Spring Security
 * runs on every token once its signature is verified. A broken rule is an
 * {@code invalid_token} whose description says which.
 */
final class TokenRulesValidator implements OAuth2TokenValidator<Jwt> {

	private final TokenRules rules;

	private final Clock clock;

	TokenRulesValidator(TokenRules rules, Clock clock) {
		this.rules = rules;
		this.clock = clock;
	}

	/**
	 * The rules for the platform a service trusts, with the default clock skew.
	 * @param properties the issuer and audience
	 * @return the validator
	 */
	static TokenRulesValidator forKeel(KeelSecurityProperties properties) {
		return new TokenRulesValidator(
				new TokenRules(properties.issuer(), properties.audience(), TokenRules.DEFAULT_CLOCK_SKEW),
				Clock.systemUTC());
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt jwt) {
		Optional<Refusal> refusal = this.rules.checkAlgorithm(algorithm(jwt))
			.or(() -> this.rules.checkType(type(jwt)))
			.or(() -> this.rules.checkClaims(claims(jwt), this.clock.instant()));
		return refusal
			.map((reason) -> OAuth2TokenValidatorResult
				.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, reason.description(), null)))
			.orElseGet(OAuth2TokenValidatorResult::success);
	}

	private static JWSAlgorithm algorithm(Jwt jwt) {
		Object alg = jwt.getHeaders().get("alg");
		return (alg != null) ? JWSAlgorithm.parse(alg.toString()) : null;
	}

	private static JOSEObjectType type(Jwt jwt) {
		Object typ = jwt.getHeaders().get("typ");
		return (typ != null) ? new JOSEObjectType(typ.toString()) : null;
	}

	// Spring has already turned the time claims into Instants and aud into a list.
	private static JWTClaimsSet claims(Jwt jwt) {
		return new JWTClaimsSet.Builder().subject(jwt.getSubject())
			.issuer(jwt.getClaimAsString(JwtClaimNames.ISS))
			.audience(jwt.getAudience())
			.expirationTime(date(jwt.getExpiresAt()))
			.notBeforeTime(date(jwt.getNotBefore()))
			.issueTime(date(jwt.getIssuedAt()))
			.build();
	}

	private static Date date(Instant instant) {
		return (instant != null) ? Date.from(instant) : null;
	}

}
