package dev.keel.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;

/**
 * The checks every Keel access token must pass once its signature is verified, the same
 * at the gateway and in the services: signed with RS256 (what auth-service signs with;
 * never {@code alg: none}, never HMAC, for which a public key would serve as the secret);
 * a {@code typ}, when present, of a JWT or an RFC 9068 access token; {@code sub},
 * {@code exp} and {@code iat} present; {@code exp} not passed and {@code nbf} and
 * {@code iat} not ahead, each within the clock skew; the exact {@code iss}; and an
 * {@code aud} that contains Keel's audience.
 */
public final class TokenRules {

	/** The only signature algorithm Keel accepts. */
	public static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256);

	/** Plain JWTs and RFC 9068 access tokens, whichever auth-service chooses. */
	public static final Set<JOSEObjectType> TYPES = Set.of(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"),
			new JOSEObjectType("application/at+jwt"));

	/** The claims every token must carry. */
	public static final List<String> REQUIRED_CLAIMS = List.of("sub", "exp", "iat");

	/** How far the clocks of auth-service and a checker may drift apart, by default. */
	public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);

	private final String issuer;

	private final String audience;

	private final Duration clockSkew;

	/**
	 * The rules for one platform.
	 * @param issuer the exact {@code iss} tokens must carry
	 * @param audience a value the {@code aud} claim must contain
	 * @param clockSkew how far the time claims may be off
	 */
	public TokenRules(String issuer, String audience, Duration clockSkew) {
		this.issuer = Objects.requireNonNull(issuer, "issuer");
		this.audience = Objects.requireNonNull(audience, "audience");
		this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
	}

	/**
	 * Checks a token's header: its algorithm and its type.
	 * @param header the JWS header
	 * @return why the token is refused, or empty
	 */
	public Optional<Refusal> checkHeader(JWSHeader header) {
		return checkAlgorithm(header.getAlgorithm()).or(() -> checkType(header.getType()));
	}

	/**
	 * Checks the {@code alg} a token is signed with.
	 * @param algorithm the algorithm, or {@code null} when the header names none
	 * @return {@link Refusal#ALGORITHM}, or empty for RS256
	 */
	public Optional<Refusal> checkAlgorithm(JWSAlgorithm algorithm) {
		return (algorithm != null && ALGORITHMS.contains(algorithm)) ? Optional.empty()
				: Optional.of(Refusal.ALGORITHM);
	}

	/**
	 * Checks a token's {@code typ}; a token without one is accepted.
	 * @param type the type, or {@code null}
	 * @return {@link Refusal#TYPE}, or empty
	 */
	public Optional<Refusal> checkType(JOSEObjectType type) {
		return (type == null || TYPES.contains(type)) ? Optional.empty() : Optional.of(Refusal.TYPE);
	}

	/**
	 * Checks a token's claims, in this order: the required claims, the expiry, the start,
	 * the issuer, the audience.
	 * @param claims the verified claims
	 * @param now the time
	 * @return the first rule the token breaks, or empty
	 */
	public Optional<Refusal> checkClaims(JWTClaimsSet claims, Instant now) {
		Instant expiresAt = instant(claims.getExpirationTime());
		Instant issuedAt = instant(claims.getIssueTime());
		Instant notBefore = instant(claims.getNotBeforeTime());
		String subject = claims.getSubject();
		if (expiresAt == null || issuedAt == null || subject == null || subject.isBlank()) {
			return Optional.of(Refusal.MISSING_CLAIM);
		}
		if (isExpired(expiresAt, now)) {
			return Optional.of(Refusal.EXPIRED);
		}
		Instant latestStart = now.plus(this.clockSkew);
		if (issuedAt.isAfter(latestStart) || (notBefore != null && notBefore.isAfter(latestStart))) {
			return Optional.of(Refusal.NOT_YET_VALID);
		}
		if (!this.issuer.equals(claims.getIssuer())) {
			return Optional.of(Refusal.ISSUER);
		}
		List<String> audiences = claims.getAudience();
		if (audiences == null || !audiences.contains(this.audience)) {
			return Optional.of(Refusal.AUDIENCE);
		}
		return Optional.empty();
	}

	/**
	 * Whether a token that expires at the given time has expired: a token is valid until
	 * the clock skew after its {@code exp}, not including that instant.
	 * @param expiresAt the token's {@code exp}
	 * @param now the time
	 * @return whether it has expired
	 */
	public boolean isExpired(Instant expiresAt, Instant now) {
		return !now.isBefore(expiresAt.plus(this.clockSkew));
	}

	private static Instant instant(Date date) {
		return (date != null) ? date.toInstant() : null;
	}

}
