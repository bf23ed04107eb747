package dev.keel.auth.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What auth-service puts in and expects of its access tokens, and how long its refresh
 * tokens live, under {@code keel.auth}. Shared by the signing, issuing and validating
 * code, so they cannot disagree.
 *
 * @param issuer the {@code iss} claim, the public base URL of the auth API as clients see
 * it through the gateway
 * @param tokens lifetimes of the tokens
 */
@ConfigurationProperties("keel.auth")
public record TokenProperties(@DefaultValue("http://localhost:8080/api/auth") String issuer,
		@DefaultValue Tokens tokens) {

	/** The {@code aud} claim of every access token. */
	public static final String AUDIENCE = "keel";

	/** The longest access-token lifetime the API contract allows. */
	public static final Duration MAX_ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(15);

	public TokenProperties {
		if (issuer == null || issuer.isBlank()) {
			throw new IllegalArgumentException("keel.auth.issuer must be set");
		}
		issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
	}

	/**
	 * @param accessTokenLifetime how long an access token is valid, at most 15 minutes
	 * @param refreshTokenLifetime the absolute lifetime of a login session (a
	 * refresh-token family), however often it is refreshed
	 * @param refreshTokenIdleLifetime when set, a session that is not refreshed for this
	 * long ends early
	 * @param graceWindow how long the refresh token rotated last may be presented again
	 * (two tabs refreshing at once)
	 * @param clockSkew tolerated difference between the clocks of issuer and validators
	 */
	public record Tokens(@DefaultValue("15m") Duration accessTokenLifetime,
			@DefaultValue("30d") Duration refreshTokenLifetime, Duration refreshTokenIdleLifetime,
			@DefaultValue("10s") Duration graceWindow, @DefaultValue("60s") Duration clockSkew) {

		public Tokens {
			requirePositive("access-token-lifetime", accessTokenLifetime);
			requirePositive("refresh-token-lifetime", refreshTokenLifetime);
			requireNotNegative("clock-skew", clockSkew);
			requireNotNegative("grace-window", graceWindow);
			if (refreshTokenIdleLifetime != null) {
				requirePositive("refresh-token-idle-lifetime", refreshTokenIdleLifetime);
			}
			if (accessTokenLifetime.compareTo(MAX_ACCESS_TOKEN_LIFETIME) > 0) {
				throw new IllegalArgumentException("keel.auth.tokens.access-token-lifetime is " + accessTokenLifetime
						+ " but may be at most 15 minutes (API contract: exp at most 15 minutes after iat)");
			}
		}

		private static void requirePositive(String name, Duration value) {
			requireNotNegative(name, value);
			if (value.isZero()) {
				throw new IllegalArgumentException("keel.auth.tokens." + name + " must be positive");
			}
		}

		private static void requireNotNegative(String name, Duration value) {
			if (value == null || value.isNegative()) {
				throw new IllegalArgumentException("keel.auth.tokens." + name + " must not be negative");
			}
		}

	}

}
