package dev.keel.auth.key;

import java.security.GeneralSecurityException;
import java.util.Base64;

import org.springframework.stereotype.Component;

import dev.keel.auth.key.MasterKey.Sealed;

/**
 * Encrypts other secrets at rest (a user's TOTP secret) with the master key, in the same
 * AES-GCM scheme as the private signing keys. The context (for example the owner's id) is
 * bound as associated data, so a sealed value copied to another record does not open.
 */
@Component
public class SecretSealing {

	private static final Base64.Encoder encoder = Base64.getEncoder();

	private static final Base64.Decoder decoder = Base64.getDecoder();

	private final MasterKey masterKey;

	SecretSealing(MasterKey masterKey) {
		this.masterKey = masterKey;
	}

	/** Returns {@code base64(iv).base64(ciphertext)}. */
	public String seal(byte[] plaintext, String context) {
		Sealed sealed = this.masterKey.encrypt(plaintext, context);
		return encoder.encodeToString(sealed.iv()) + "." + encoder.encodeToString(sealed.ciphertext());
	}

	/**
	 * @throws IllegalStateException when the value was not sealed by this master key for
	 * this context
	 */
	public byte[] open(String sealed, String context) {
		int dot = sealed.indexOf('.');
		try {
			return this.masterKey.decrypt(
					new Sealed(decoder.decode(sealed.substring(0, dot)), decoder.decode(sealed.substring(dot + 1))),
					context);
		}
		catch (GeneralSecurityException | IllegalArgumentException | IndexOutOfBoundsException ex) {
			throw new IllegalStateException("A sealed secret does not open with the master key", ex);
		}
	}

}
