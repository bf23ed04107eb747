package dev.keel.storage.object;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition} values (RFC 6266): the name in {@code filename*} as UTF-8,
 * and an ASCII fallback in {@code filename} for old clients.
 */
final class ContentDispositions {

	private static final String ATTR_CHAR = "!#$&+-.^_`|~";

	private ContentDispositions() {
	}

	static String of(String contentType, String name) {
		return (ContentTypes.inline(contentType) ? "inline" : "attachment") + "; filename=\"" + ascii(name)
				+ "\"; filename*=UTF-8''" + encoded(name);
	}

	private static String ascii(String name) {
		StringBuilder fallback = new StringBuilder();
		name.codePoints()
			.forEach((c) -> fallback.append((c >= 0x20 && c < 0x7f && c != '"' && c != '\\') ? (char) c : '_'));
		return fallback.toString();
	}

	private static String encoded(String name) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| ATTR_CHAR.indexOf(c) >= 0) {
				encoded.append((char) c);
			}
			else {
				encoded.append('%')
					.append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
			}
		}
		return encoded.toString();
	}

}
