package dev.keel.auth.mfa;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time passwords: HMAC-SHA-1, 6 digits, 30-second steps. A code
 * is accepted for the current step and one step either side (clock drift); which step it
 * matched is returned, so the caller can refuse a step that was used already.
 */
final class Totp {

	static final int STEP_SECONDS = 30;

	static final int DIGITS = 6;

	static final int WINDOW = 1;

	private Totp() {
	}

	static long step(Instant time) {
		return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
	}

	static String code(byte[] secret, long step) {
		byte[] hash = hmac(secret, step);
		int offset = hash[hash.length - 1] & 0x0f;
		int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
				| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
		return "%06d".formatted(binary % 1_000_000);
	}

	/**
	 * The step within the window whose code is {@code code}, compared in constant time.
	 */
	static OptionalLong matchingStep(byte[] secret, String code, long currentStep) {
		if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
			return OptionalLong.empty();
		}
		OptionalLong match = OptionalLong.empty();
		for (long step = currentStep - WINDOW; step <= currentStep + WINDOW; step++) {
			if (MessageDigest.isEqual(code(secret, step).getBytes(StandardCharsets.US_ASCII),
					code.getBytes(StandardCharsets.US_ASCII)) && match.isEmpty()) {
				match = OptionalLong.of(step);
			}
		}
		return match;
	}

	private static byte[] hmac(byte[] secret, long step) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(secret, "HmacSHA1"));
			byte[] counter = new byte[8];
			for (int i = 7; i >= 0; i--) {
				counter[i] = (byte) (step & 0xff);
				step >>= 8;
			}
			return mac.doFinal(counter);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA1 is not available", ex);
		}
	}

}
