package dev.keel.storage.tus;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The {@code Upload-Metadata} header of tus: comma-separated pairs of an ASCII key and
 * its value in Base64, the value optional. Only the file's name is used
 * ({@code filename}, as tus clients send it, or {@code name}); a declared type is never
 * trusted.
 */
final class UploadMetadata {

	private static final Pattern KEY = Pattern.compile("[!-+\\--~]{1,64}");

	private static final int MAX_LENGTH = 4096;

	private UploadMetadata() {
	}

	/**
	 * Parses the header.
	 * @param header the header, or {@code null}
	 * @return the pairs, values decoded as UTF-8
	 * @throws IllegalArgumentException if it is not well-formed
	 */
	static Map<String, String> parse(@Nullable String header) {
		Map<String, String> pairs = new LinkedHashMap<>();
		if (header == null || header.isBlank()) {
			return pairs;
		}
		if (header.length() > MAX_LENGTH) {
			throw new IllegalArgumentException("Upload-Metadata is longer than " + MAX_LENGTH + " characters");
		}
		for (String pair : header.split(",", -1)) {
			String[] parts = pair.strip().split(" ", -1);
			if (parts.length > 2 || !KEY.matcher(parts[0]).matches()) {
				throw new IllegalArgumentException("Upload-Metadata must be comma-separated \"key base64\" pairs");
			}
			String value = "";
			if (parts.length == 2) {
				try {
					value = new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8);
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalArgumentException("The Upload-Metadata value of " + parts[0] + " is not Base64");
				}
			}
			if (pairs.putIfAbsent(parts[0], value) != null) {
				throw new IllegalArgumentException("Upload-Metadata names " + parts[0] + " twice");
			}
		}
		return pairs;
	}

	/** The file's name from the pairs, or {@code null}. */
	static @Nullable String name(Map<String, String> pairs) {
		String name = pairs.get("filename");
		return (name != null) ? name : pairs.get("name");
	}

}
