package dev.keel.support.security;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers the tokens it has verified, as the gateway does, so that a client's repeated
 * requests cost a map lookup and the claim checks instead of an RSA signature
 * verification (about a third of a simple request's CPU). A token is remembered by its
 * whole text, signature included, so a token that differs in any byte is verified in
 * full. On every use a remembered token is checked again by the validator (its expiry and
 * the other time claims, with the same clock skew), and its key must still be the one the
 * key set publishes under its {@code kid}: a key that auth-service stopped publishing
 * stops vouching for the tokens it signed as soon as the key set is fetched again, as
 * without the memory.
 */
final class RememberingJwtDecoder implements JwtDecoder {

	// Access tokens live at most 15 minutes (API.md §1).
	static final Duration REMEMBERED_AT_MOST = Duration.ofMinutes(15);

	static final int REMEMBERED_TOKENS = 10_000;

	private final JwtDecoder verifier;

	private final OAuth2TokenValidator<Jwt> validator;

	private final JWKSource<SecurityContext> keys;

	private final Cache<String, Verified> verified = Caffeine.newBuilder()
		.maximumSize(REMEMBERED_TOKENS)
		.expireAfterWrite(REMEMBERED_AT_MOST)
		.build();

	/**
	 * @param verifier the decoder that verifies signatures and applies the validator
	 * @param validator the same validator, applied again on every use of a remembered
	 * token
	 * @param keys the key set the verifier takes its keys from
	 */
	RememberingJwtDecoder(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, JWKSource<SecurityContext> keys) {
		this.verifier = verifier;
		this.validator = validator;
		this.keys = keys;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Verified known = this.verified.getIfPresent(token);
		if (known != null && known.keys().equals(publishedKeys(known.jwt()))) {
			return validated(token, known.jwt());
		}
		Jwt jwt = this.verifier.decode(token);
		List<JWK> signedWith = publishedKeys(jwt);
		if (signedWith != null && !signedWith.isEmpty()) {
			this.verified.put(token, new Verified(jwt, signedWith));
		}
		return jwt;
	}

	private Jwt validated(String token, Jwt jwt) {
		OAuth2TokenValidatorResult result = this.validator.validate(jwt);
		if (!result.hasErrors()) {
			return jwt;
		}
		this.verified.invalidate(token);
		throw new JwtValidationException(message(result.getErrors()), result.getErrors());
	}

	/**
	 * The keys the key set publishes under the token's {@code kid} now, or {@code null}
	 * when the key set cannot be had (the token is then verified in full, which reports
	 * the failure as it would without the memory).
	 */
	private List<JWK> publishedKeys(Jwt jwt) {
		Object keyId = jwt.getHeaders().get("kid");
		if (keyId == null) {
			return null;
		}
		try {
			return this.keys.get(new JWKSelector(new JWKMatcher.Builder().keyID(keyId.toString()).build()), null);
		}
		catch (KeySourceException ex) {
			return null;
		}
	}

	// The same message Spring Security's NimbusJwtDecoder gives.
	private static String message(Collection<OAuth2Error> errors) {
		for (OAuth2Error error : errors) {
			if (error.getDescription() != null && !error.getDescription().isEmpty()) {
				return "An error occurred while attempting to decode the Jwt: " + error.getDescription();
			}
		}
		return "Unable to validate Jwt";
	}

	private record Verified(Jwt jwt, List<JWK> keys) {
	}

}
