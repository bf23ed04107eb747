package dev.keel.gateway.security;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.keel.gateway.security.Verdict.Accepted;
import dev.keel.gateway.security.Verdict.Rejected;
import dev.keel.token.Refusal;
import dev.keel.token.TokenRules;

/**
 * Checks a bearer token: a JWS signed by one of auth-service's published keys that passes
 * Keel's {@link TokenRules}, the same rules the services apply (RS256 only, never
 * {@code alg: none}, never HMAC; the token types; the required claims, issuer, audience
 * and times), so a token the gateway lets through is not refused behind it, and the other
 * way round. Tokens found valid are remembered until they expire or the keys change, so a
 * client's repeated requests cost a map lookup instead of a signature verification.
 */
class TokenVerifier {

	// Access tokens live at most 15 minutes (API.md §1).
	private static final Duration REMEMBERED_AT_MOST = Duration.ofMinutes(15);

	private static final int REMEMBERED_TOKENS = 10_000;

	private final TokenRules rules;

	private final Clock clock;

	private final Cache<String, Accepted> valid = Caffeine.newBuilder()
		.maximumSize(REMEMBERED_TOKENS)
		.expireAfterWrite(REMEMBERED_AT_MOST)
		.build();

	private final SigningKeys keys;

	TokenVerifier(EdgeSecuritySettings settings, JwksFetcher fetcher, Clock clock) {
		this.rules = new TokenRules(settings.issuer(), settings.audience(), settings.clockSkew());
		this.clock = clock;
		// A key that auth-service stopped publishing must stop vouching for tokens at
		// once.
		this.keys = new SigningKeys(fetcher, clock, settings.jwksMaxAge(), settings.jwksMinRefreshInterval(),
				this.valid::invalidateAll);
	}

	Mono<Verdict> verify(String token) {
		this.keys.refreshIfOld();
		Accepted known = this.valid.getIfPresent(token);
		if (known != null) {
			return Mono.just(recheck(known, this.clock.instant()));
		}
		SignedJWT jwt;
		try {
			JWT parsed = JWTParser.parse(token);
			if (!(parsed instanceof SignedJWT signed)) {
				// A PlainJWT is alg: none; an encrypted token is not what auth-service
				// issues.
				return rejected(Rejection.ALGORITHM);
			}
			jwt = signed;
		}
		catch (ParseException ex) {
			return rejected(Rejection.MALFORMED);
		}
		Rejection header = check(jwt.getHeader());
		if (header != null) {
			return rejected(header);
		}
		String keyId = jwt.getHeader().getKeyID();
		VerificationKey key = this.keys.cached(keyId);
		if (key != null) {
			return Mono.just(verify(token, jwt, key));
		}
		return this.keys.fetched(keyId)
			.map((fetched) -> verify(token, jwt, fetched))
			.defaultIfEmpty(new Rejected(Rejection.UNKNOWN_KEY))
			.onErrorReturn(KeysUnavailableException.class, new Rejected(Rejection.KEYS_UNAVAILABLE));
	}

	private @Nullable Rejection check(JWSHeader header) {
		Optional<Refusal> refusal = this.rules.checkHeader(header);
		if (refusal.isPresent()) {
			return Rejection.of(refusal.get());
		}
		return (header.getKeyID() != null) ? null : Rejection.UNKNOWN_KEY;
	}

	private Verdict verify(String token, SignedJWT jwt, VerificationKey key) {
		if (!key.accepts(jwt.getHeader().getAlgorithm())) {
			return new Rejected(Rejection.ALGORITHM);
		}
		try {
			if (!jwt.verify(key.verifier())) {
				return new Rejected(Rejection.SIGNATURE);
			}
			JWTClaimsSet claims = jwt.getJWTClaimsSet();
			Optional<Refusal> refusal = this.rules.checkClaims(claims, this.clock.instant());
			if (refusal.isPresent()) {
				return new Rejected(Rejection.of(refusal.get()));
			}
			Accepted accepted = new Accepted(claims.getSubject(), claims.getExpirationTime().toInstant());
			this.valid.put(token, accepted);
			return accepted;
		}
		catch (JOSEException ex) {
			return new Rejected(Rejection.SIGNATURE);
		}
		catch (ParseException ex) {
			return new Rejected(Rejection.MALFORMED);
		}
	}

	/**
	 * Whether a token accepted earlier is still valid: only its expiry can have changed.
	 */
	private Verdict recheck(Accepted accepted, Instant now) {
		return this.rules.isExpired(accepted.expiresAt(), now) ? new Rejected(Rejection.EXPIRED) : accepted;
	}

	private static Mono<Verdict> rejected(Rejection reason) {
		return Mono.just(new Rejected(reason));
	}

}
