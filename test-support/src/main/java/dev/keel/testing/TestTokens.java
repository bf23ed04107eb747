package dev.keel.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints access tokens shaped like auth-service's (API.md §1: RS256 with a {@code kid};
 * {@code iss}, {@code sub}, {@code aud=keel}, {@code iat}, {@code exp}, {@code jti},
 * {@code roles}, {@code email}) with test keys, and the broken ones a service must
 * refuse. Serve {@link #publicKeys()} with {@link JwksServer} and point the service's
 * {@code keel.security.jwk-set-uri} at it: <pre class="code">
 * static final TestTokens tokens = TestTokens.create();
 * static final JwksServer jwks = JwksServer.start(tokens);
 *
 * &#64;DynamicPropertySource
 * static void security(DynamicPropertyRegistry registry) {
 *     registry.add("keel.security.jwk-set-uri", jwks::uri);
 *     registry.add("keel.security.load-balanced", () -&gt; false);
 *     registry.add("keel.security.issuer", tokens::issuer);
 * }
 * </pre> Needs {@code com.nimbusds:nimbus-jose-jwt} on the test classpath, which the
 * resource-server starter brings.
 */
public final class TestTokens {

	/** The issuer that services expect by default. */
	public static final String DEFAULT_ISSUER = "http://localhost:8080/api/auth";

	public static final String AUDIENCE = "keel";

	private static final Duration LIFETIME = Duration.ofMinutes(5);

	private final String issuer;

	private final List<RSAKey> keys = new CopyOnWriteArrayList<>();

	private TestTokens(String issuer) {
		this.issuer = issuer;
		this.keys.add(newKey("test-key-1"));
	}

	public static TestTokens create() {
		return new TestTokens(DEFAULT_ISSUER);
	}

	public static TestTokens forIssuer(String issuer) {
		return new TestTokens(issuer);
	}

	public String issuer() {
		return this.issuer;
	}

	/** The key that signs new tokens: the newest one. */
	public RSAKey signingKey() {
		return this.keys.getLast();
	}

	/** Every key so far, public parts only, as auth-service's JWKS publishes them. */
	public JWKSet publicKeys() {
		return new JWKSet(new ArrayList<JWK>(this.keys)).toPublicJWKSet();
	}

	/**
	 * Starts signing with a new key with a new {@code kid}; the old keys stay published,
	 * as auth-service keeps them until their tokens have expired.
	 * @return the new key
	 */
	public RSAKey rotate() {
		RSAKey key = newKey("test-key-" + (this.keys.size() + 1));
		this.keys.add(key);
		return key;
	}

	/**
	 * The claims of a valid token, to adjust before {@link #sign signing}.
	 * @param subject the {@code sub}
	 * @param roles the {@code roles}, such as {@code admin}
	 * @return a builder with every claim auth-service sets
	 */
	public JWTClaimsSet.Builder claims(String subject, String... roles) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(this.issuer)
			.subject(subject)
			.audience(AUDIENCE)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(LIFETIME)))
			.jwtID(UUID.randomUUID().toString())
			.claim("roles", List.of(roles))
			.claim("email", subject + "@example.test");
	}

	/** A valid token for the subject with the roles. */
	public String token(String subject, String... roles) {
		return sign(claims(subject, roles).build());
	}

	/** The claims signed with the current key. */
	public String sign(JWTClaimsSet claims) {
		return signWith(signingKey(), claims);
	}

	/** The claims signed RS256 with the key, whose {@code kid} goes in the header. */
	public static String signWith(RSAKey key, JWTClaimsSet claims) {
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
			.type(JOSEObjectType.JWT)
			.build();
		SignedJWT jwt = new SignedJWT(header, claims);
		try {
			jwt.sign(new RSASSASigner(key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not sign a test token", ex);
		}
		return jwt.serialize();
	}

	/** An unsecured token ({@code alg: none}) with the claims. */
	public String unsigned(JWTClaimsSet claims) {
		return new PlainJWT(claims).serialize();
	}

	/** The claims signed by another key that claims the current key's {@code kid}. */
	public String forged(JWTClaimsSet claims) {
		return signWith(newKey(signingKey().getKeyID()), claims);
	}

	/**
	 * The claims signed HS256 with the published public key as the HMAC secret: the
	 * algorithm-confusion attack on verifiers that trust the header's {@code alg}.
	 */
	public String hmacWithPublicKey(JWTClaimsSet claims) {
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(signingKey().getKeyID()).build();
		SignedJWT jwt = new SignedJWT(header, claims);
		try {
			jwt.sign(new MACSigner(signingKey().toRSAPublicKey().getEncoded()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not sign a test token", ex);
		}
		return jwt.serialize();
	}

	/**
	 * Tokens that a service must answer with 401, by what is wrong with them: no
	 * signature, a forged signature, HS256 with the public key, a wrong issuer, a wrong
	 * audience, expired.
	 * @param subject the {@code sub} they carry
	 * @return description to token, in a stable order
	 */
	public Map<String, String> invalidTokens(String subject) {
		Map<String, String> tokens = new LinkedHashMap<>();
		tokens.put("alg none", unsigned(claims(subject).build()));
		tokens.put("forged signature", forged(claims(subject).build()));
		tokens.put("HS256 with the public key", hmacWithPublicKey(claims(subject).build()));
		tokens.put("wrong issuer", sign(claims(subject).issuer("https://evil.example/api/auth").build()));
		tokens.put("wrong audience", sign(claims(subject).audience("another-app").build()));
		tokens.put("expired", sign(expired(subject).build()));
		return tokens;
	}

	/** Claims that expired five minutes ago, well beyond any clock skew. */
	public JWTClaimsSet.Builder expired(String subject, String... roles) {
		Instant now = Instant.now();
		return claims(subject, roles).issueTime(Date.from(now.minus(Duration.ofMinutes(20))))
			.expirationTime(Date.from(now.minus(Duration.ofMinutes(5))));
	}

	/** A new 2048-bit RSA signing key. */
	public static RSAKey newKey(String keyId) {
		try {
			return new RSAKeyGenerator(2048).keyID(keyId)
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not generate a test key", ex);
		}
	}

}
