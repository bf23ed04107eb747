package dev.keel.auth.provider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Random values and their hashes, as the flow stores them. */
final class Secrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private Secrets() {
	}

	/** 256 random bits, base64url. */
	static String random() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return BASE64URL.encodeToString(bytes);
	}

	/** SHA-256, base64url: what is stored instead of a value that unlocks something. */
	static String hash(String value) {
		return BASE64URL.encodeToString(sha256(value));
	}

	/** Constant-time comparison of two strings. */
	static boolean same(String a, String b) {
		return a != null && b != null
				&& MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
