package dev.keel.auth.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random opaque values and their hashes. Refresh tokens carry 256 random bits, so a plain
 * SHA-256 is enough to store them: there is nothing to guess.
 */
final class OpaqueTokens {

	private static final SecureRandom random = new SecureRandom();

	private static final Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();

	private OpaqueTokens() {
	}

	/** 256 random bits, base64url. */
	static String newToken() {
		return random(32);
	}

	/** 144 random bits, base64url: session (family) ids. */
	static String newId() {
		return random(18);
	}

	/** The base64url SHA-256 of the token. */
	static String hash(String token) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			return base64url.encodeToString(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

	private static String random(int bytes) {
		byte[] value = new byte[bytes];
		random.nextBytes(value);
		return base64url.encodeToString(value);
	}

}
