package dev.keel.auth.token;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jwt.JWTClaimsSet;

import org.springframework.stereotype.Component;

import dev.keel.auth.config.TokenProperties;
import dev.keel.auth.key.SigningKeys;

/**
 * Issues access tokens: JWTs signed RS256 with the active key, carrying {@code iss},
 * {@code sub}, {@code aud} ({@code keel}), {@code iat}, {@code exp}, {@code jti},
 * {@code roles}, and for users {@code email} and {@code sid} (the session, i.e. the
 * refresh-token family); an anonymous user's tokens have no {@code email} but
 * {@code anonymous: true}. A token from a sign-in also carries {@code amr} (RFC 8176: how
 * the user authenticated, e.g. {@code ["pwd", "otp", "mfa"]}) and {@code acr}
 * ({@link #ACR_MFA} after a second factor, {@link #ACR_SINGLE} otherwise).
 */
@Component
class AccessTokens {

	/** The {@code acr} of a sign-in completed with a second factor. */
	static final String ACR_MFA = "urn:keel:acr:mfa";

	/** The {@code acr} of a sign-in with one factor. */
	static final String ACR_SINGLE = "urn:keel:acr:single";

	private final SigningKeys keys;

	private final String issuer;

	private final Duration lifetime;

	AccessTokens(SigningKeys keys, TokenProperties properties) {
		this.keys = keys;
		this.issuer = properties.issuer();
		this.lifetime = properties.tokens().accessTokenLifetime();
	}

	/**
	 * @param sessionId the {@code sid}, or {@code null} for clients
	 * @param amr how the user signed in, or empty when not known (clients, refreshes)
	 */
	AccessToken issue(Principal principal, String sessionId, List<String> amr) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(this.issuer)
			.subject(principal.subject())
			.audience(TokenProperties.AUDIENCE)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(this.lifetime)))
			.jwtID(UUID.randomUUID().toString())
			.claim("roles", principal.roles());
		if (principal.email() != null) {
			claims.claim("email", principal.email());
		}
		if (principal.anonymous()) {
			claims.claim("anonymous", true);
		}
		if (sessionId != null) {
			claims.claim("sid", sessionId);
		}
		if (!amr.isEmpty()) {
			claims.claim("amr", amr).claim("acr", amr.contains("mfa") ? ACR_MFA : ACR_SINGLE);
		}
		return new AccessToken(this.keys.sign(claims.build()), this.lifetime.toSeconds());
	}

	/** A signed access token and its lifetime in seconds. */
	record AccessToken(String value, long expiresIn) {
	}

}
