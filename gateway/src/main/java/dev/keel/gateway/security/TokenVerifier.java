package dev.keel.gateway.security;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.keel.gateway.security.Verdict.Accepted;
import dev.keel.gateway.security.Verdict.Rejected;

/**
 * Checks a bearer token: an RS256 JWS (never {@code alg: none}, never HMAC) signed by one
 * of auth-service's published keys, whose claims pass {@link ClaimChecks}. Tokens found
 * valid are remembered until they expire or the keys change, so a client's repeated
 * requests cost a map lookup instead of a signature verification.
 */
class TokenVerifier {

	/**
	 * Exactly what auth-service signs with and what the services accept
	 * (service-support's {@code KeelJwtDecoderConfiguration}): a token the gateway lets
	 * through must not be refused behind it, and the other way round. Never HMAC: a
	 * public key must never serve as a secret.
	 */
	static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256);

	/** Plain JWTs and RFC 9068 access tokens, as the services accept. */
	private static final Set<JOSEObjectType> TYPES = Set.of(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"),
			new JOSEObjectType("application/at+jwt"));

	// Access tokens live at most 15 minutes (API.md §1).
	private static final Duration REMEMBERED_AT_MOST = Duration.ofMinutes(15);

	private static final int REMEMBERED_TOKENS = 10_000;

	private final ClaimChecks claims;

	private final Clock clock;

	private final Cache<String, Accepted> valid = Caffeine.newBuilder()
		.maximumSize(REMEMBERED_TOKENS)
		.expireAfterWrite(REMEMBERED_AT_MOST)
		.build();

	private final SigningKeys keys;

	TokenVerifier(EdgeSecuritySettings settings, JwksFetcher fetcher, Clock clock) {
		this.claims = new ClaimChecks(settings.issuer(), settings.audience(), settings.clockSkew());
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
			return Mono.just(this.claims.recheck(known, this.clock.instant()));
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

	private static @Nullable Rejection check(JWSHeader header) {
		if (!ALGORITHMS.contains(header.getAlgorithm())) {
			return Rejection.ALGORITHM;
		}
		if (header.getType() != null && !TYPES.contains(header.getType())) {
			return Rejection.TYPE;
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
			Verdict verdict = this.claims.check(jwt.getJWTClaimsSet(), this.clock.instant());
			if (verdict instanceof Accepted accepted) {
				this.valid.put(token, accepted);
			}
			return verdict;
		}
		catch (JOSEException ex) {
			return new Rejected(Rejection.SIGNATURE);
		}
		catch (ParseException ex) {
			return new Rejected(Rejection.MALFORMED);
		}
	}

	private static Mono<Verdict> rejected(Rejection reason) {
		return Mono.just(new Rejected(reason));
	}

}
