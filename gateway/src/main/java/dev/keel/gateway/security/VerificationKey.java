package dev.keel.gateway.security;

import java.util.HashMap;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One published signing key, ready to verify signatures: RSA, the only kind auth-service
 * uses. Other keys in the set, such as EC, EdDSA or symmetric ones, are ignored, so no
 * token can be verified with them.
 *
 * @param jwk the key as published
 * @param verifier checks signatures made with its private part
 */
record VerificationKey(JWK jwk, JWSVerifier verifier) {

	private static final Logger logger = LoggerFactory.getLogger(VerificationKey.class);

	/**
	 * The usable keys of a set, by {@code kid}. Keys without a {@code kid} cannot be
	 * named by a token and are left out.
	 * @param keys the published set
	 * @return the keys that can verify signatures
	 */
	static Map<String, VerificationKey> byKeyId(JWKSet keys) {
		Map<String, VerificationKey> usable = new HashMap<>();
		for (JWK jwk : keys.getKeys()) {
			VerificationKey key = of(jwk);
			if (key != null && jwk.getKeyID() != null) {
				usable.put(jwk.getKeyID(), key);
			}
		}
		return Map.copyOf(usable);
	}

	/**
	 * Whether two key sets hold the same published keys, whatever their verifiers.
	 * @param some keys by {@code kid}
	 * @param others keys by {@code kid}
	 * @return whether the same key ids name the same keys
	 */
	static boolean samePublished(Map<String, VerificationKey> some, Map<String, VerificationKey> others) {
		if (some.size() != others.size()) {
			return false;
		}
		for (Map.Entry<String, VerificationKey> key : some.entrySet()) {
			VerificationKey other = others.get(key.getKey());
			if (other == null || !other.jwk().equals(key.getValue().jwk())) {
				return false;
			}
		}
		return true;
	}

	private static @Nullable VerificationKey of(JWK jwk) {
		if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
			return null;
		}
		try {
			return switch (jwk) {
				case RSAKey rsa -> new VerificationKey(jwk, new RSASSAVerifier(rsa.toRSAPublicKey()));
				default -> {
					logger.warn("Ignoring signing key {}: {} keys are not supported", jwk.getKeyID(), jwk.getKeyType());
					yield null;
				}
			};
		}
		catch (JOSEException ex) {
			logger.warn("Ignoring signing key {}: {}", jwk.getKeyID(), ex.getMessage());
			return null;
		}
	}

	/**
	 * Whether a token's {@code alg} fits this key: one its type supports (which rules out
	 * HMAC with an RSA key), and the key's own {@code alg} when it names one.
	 * @param algorithm the token's {@code alg}
	 * @return whether to verify the signature with this key
	 */
	boolean accepts(JWSAlgorithm algorithm) {
		return this.verifier.supportedJWSAlgorithms().contains(algorithm)
				&& (this.jwk.getAlgorithm() == null || this.jwk.getAlgorithm().equals(algorithm));
	}

}
