package dev.keel.auth.key;

import java.time.Duration;
import java.time.Instant;

/**
 * A signing key as stored in {@code signing_keys}: the public JWK in the clear, the
 * PKCS#8 private key encrypted under the master key. The key with the highest
 * {@code generation} is the active one.
 *
 * @param id the {@code kid}
 * @param generation 1 for the first key, +1 for each rotation; unique, so two instances
 * rotating at once cannot both create the next key
 * @param publicJwk the public JWK as JSON
 * @param iv the AES-GCM IV of {@code encryptedPrivateKey}
 * @param encryptedPrivateKey the AES-GCM ciphertext of the PKCS#8 private key
 * @param createdAt when it was created, and became active
 * @param retiredAt when a newer key replaced it, or {@code null} while it is active
 * @param expiresAt when MongoDB may delete the record (TTL), after it left the JWKS
 */
record StoredSigningKey(String id, long generation, String publicJwk, byte[] iv, byte[] encryptedPrivateKey,
		Instant createdAt, Instant retiredAt, Instant expiresAt) {

	static final String COLLECTION = "signing_keys";

	/**
	 * Whether validators may still meet tokens signed with this key: always while it is
	 * active, and for {@code window} after it was retired.
	 */
	boolean publishedAt(Instant now, Duration window) {
		return this.retiredAt == null || now.isBefore(this.retiredAt.plus(window));
	}

}
