package dev.keel.auth.mfa;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Random values and their hashes: TOTP secrets, recovery codes and mfa tokens. They are
 * high-entropy, so a SHA-256 hash is enough to keep them unusable at rest.
 */
final class Secrets {

	static final int RECOVERY_CODES = 10;

	private static final SecureRandom random = new SecureRandom();

	private Secrets() {
	}

	/** 160 random bits, the key length RFC 4226 recommends for HMAC-SHA-1. */
	static byte[] totpSecret() {
		return bytes(20);
	}

	/** Ten codes of the form {@code xxxxx-xxxxx} (50 random bits each, base32). */
	static List<String> recoveryCodes() {
		return IntStream.range(0, RECOVERY_CODES).mapToObj((i) -> {
			String code = Base32.encode(bytes(7)).substring(0, 10).toLowerCase(Locale.ROOT);
			return code.substring(0, 5) + "-" + code.substring(5);
		}).toList();
	}

	static String token() {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
	}

	/** Recovery codes are compared without case, spaces or dashes. */
	static String normalizedRecoveryCode(String code) {
		return code.strip().toLowerCase(Locale.ROOT).replace("-", "").replace(" ", "");
	}

	static String hash(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private static byte[] bytes(int count) {
		byte[] bytes = new byte[count];
		random.nextBytes(bytes);
		return bytes;
	}

}
