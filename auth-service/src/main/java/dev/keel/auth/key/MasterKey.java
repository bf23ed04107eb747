package dev.keel.auth.key;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key that encrypts private signing keys at rest. Each encryption uses
 * AES-GCM with a fresh random 96-bit IV and the key's {@code kid} as associated data, so
 * a ciphertext cannot be moved to another key's record without failing to decrypt.
 */
final class MasterKey {

	static final int LENGTH_BYTES = 32;

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom random = new SecureRandom();

	private final SecretKeySpec key;

	private MasterKey(byte[] key) {
		if (key.length != LENGTH_BYTES) {
			throw new IllegalArgumentException(
					"The master key must be 32 bytes (AES-256), but is " + key.length + " bytes");
		}
		this.key = new SecretKeySpec(key, "AES");
	}

	static MasterKey of(byte[] key) {
		return new MasterKey(key);
	}

	/**
	 * @param base64 standard base64, as {@code openssl rand -base64 32} prints it
	 */
	static MasterKey fromBase64(String base64) {
		byte[] decoded;
		try {
			decoded = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("The master key is not valid base64", ex);
		}
		return new MasterKey(decoded);
	}

	static MasterKey generate() {
		byte[] key = new byte[LENGTH_BYTES];
		random.nextBytes(key);
		return new MasterKey(key);
	}

	String toBase64() {
		return Base64.getEncoder().encodeToString(this.key.getEncoded());
	}

	Sealed encrypt(byte[] plaintext, String kid) {
		byte[] iv = new byte[IV_BYTES];
		random.nextBytes(iv);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, kid);
			return new Sealed(iv, cipher.doFinal(plaintext));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM encryption failed", ex);
		}
	}

	/**
	 * @throws GeneralSecurityException when the ciphertext was not made by this key for
	 * this kid (wrong master key, tampered record)
	 */
	byte[] decrypt(Sealed sealed, String kid) throws GeneralSecurityException {
		return cipher(Cipher.DECRYPT_MODE, sealed.iv(), kid).doFinal(sealed.ciphertext());
	}

	private Cipher cipher(int mode, byte[] iv, String kid) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, this.key, new GCMParameterSpec(TAG_BITS, iv));
		cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
		return cipher;
	}

	/** An encrypted value and the IV it was encrypted with. */
	record Sealed(byte[] iv, byte[] ciphertext) {
	}

}
