package dev.keel.auth.mfa;

/** RFC 4648 base32 without padding, as authenticator apps expect a TOTP secret. */
final class Base32 {

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private Base32() {
	}

	static String encode(byte[] bytes) {
		StringBuilder encoded = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				encoded.append(ALPHABET.charAt((buffer >> (bits - 5)) & 0x1f));
				bits -= 5;
			}
		}
		if (bits > 0) {
			encoded.append(ALPHABET.charAt((buffer << (5 - bits)) & 0x1f));
		}
		return encoded.toString();
	}

}
