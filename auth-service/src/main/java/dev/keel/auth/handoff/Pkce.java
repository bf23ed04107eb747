package dev.keel.auth.handoff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/** Proof Key for Code Exchange (RFC 7636), {@code S256} only. */
public final class Pkce {

	private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

	/** BASE64URL(SHA-256(verifier)) without padding: always 43 characters. */
	private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

	private Pkce() {
	}

	/**
	 * Whether the value is a verifier RFC 7636 §4.1 allows: 43 to 128 unreserved
	 * characters.
	 */
	public static boolean validVerifier(String verifier) {
		return verifier != null && VERIFIER.matcher(verifier).matches();
	}

	/** Whether the value can be an {@code S256} challenge. */
	public static boolean validChallenge(String challenge) {
		return challenge != null && CHALLENGE.matcher(challenge).matches();
	}

	/** The {@code S256} challenge of a verifier. */
	public static String challenge(String verifier) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
	}

	static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

}
