package dev.keel.auth.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Client ids and secrets. A secret carries 256 random bits, so a plain SHA-256 is a safe
 * way to store it (nothing to brute-force), and comparing hashes in constant time leaks
 * nothing about it.
 */
final class ClientSecrets {

	private static final SecureRandom random = new SecureRandom();

	private static final Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();

	private ClientSecrets() {
	}

	static String newClientId() {
		return "svc_" + random(15);
	}

	static String newSecret() {
		return random(32);
	}

	static String hash(String secret) {
		return base64url.encodeToString(sha256(secret));
	}

	static boolean matches(String secret, String storedHash) {
		return MessageDigest.isEqual(sha256(secret), Base64.getUrlDecoder().decode(storedHash));
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
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
