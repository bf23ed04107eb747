package dev.keel.gateway.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jwt.JWTClaimsSet;
import org.jspecify.annotations.Nullable;

import dev.keel.gateway.security.Verdict.Accepted;
import dev.keel.gateway.security.Verdict.Rejected;

/**
 * The checks on a token's claims once its signature is verified, the same the services
 * make: {@code exp} required and {@code nbf} when present, both within the clock skew;
 * {@code iat} present and not in the future; the exact {@code iss}; {@code aud}
 * containing Keel's audience; a {@code sub}.
 */
final class ClaimChecks {

	private final String issuer;

	private final String audience;

	private final Duration clockSkew;

	ClaimChecks(String issuer, String audience, Duration clockSkew) {
		this.issuer = issuer;
		this.audience = audience;
		this.clockSkew = clockSkew;
	}

	Verdict check(JWTClaimsSet claims, Instant now) {
		Instant expiresAt = instant(claims.getExpirationTime());
		Instant issuedAt = instant(claims.getIssueTime());
		Instant notBefore = instant(claims.getNotBeforeTime());
		String subject = claims.getSubject();
		if (expiresAt == null || issuedAt == null || subject == null || subject.isBlank()) {
			return new Rejected(Rejection.CLAIMS);
		}
		if (!now.isBefore(expiresAt.plus(this.clockSkew))) {
			return new Rejected(Rejection.EXPIRED);
		}
		Instant latestStart = now.plus(this.clockSkew);
		if (issuedAt.isAfter(latestStart) || (notBefore != null && notBefore.isAfter(latestStart))) {
			return new Rejected(Rejection.NOT_YET_VALID);
		}
		if (!this.issuer.equals(claims.getIssuer())) {
			return new Rejected(Rejection.ISSUER);
		}
		List<String> audiences = claims.getAudience();
		if (audiences == null || !audiences.contains(this.audience)) {
			return new Rejected(Rejection.AUDIENCE);
		}
		return new Accepted(subject, expiresAt);
	}

	/**
	 * Whether a token accepted earlier is still valid: only its expiry can have changed.
	 * @param accepted what the token was found to be
	 * @param now the time
	 * @return the same verdict, or an expiry
	 */
	Verdict recheck(Accepted accepted, Instant now) {
		return now.isBefore(accepted.expiresAt().plus(this.clockSkew)) ? accepted : new Rejected(Rejection.EXPIRED);
	}

	private static @Nullable Instant instant(@Nullable Date date) {
		return (date != null) ? date.toInstant() : null;
	}

}
