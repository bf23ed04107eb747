package dev.keel.storage.object;

import java.text.Normalizer;

/**
 * The display names of objects: 1 to 255 characters after NFC normalisation, no control
 * characters. Any other text is kept as given: a name never becomes a path or a key, so
 * {@code ../x} is just a name.
 */
final class ObjectNames {

	static final int MAX_LENGTH = 255;

	private ObjectNames() {
	}

	/**
	 * The name as stored.
	 * @throws ObjectRejectedException 400 {@code validation_failed} on field {@code name}
	 */
	static String normalize(String name) {
		if (name == null || name.isEmpty()) {
			throw ObjectRejectedException.invalid("name", "is required");
		}
		if (name.length() > 4 * MAX_LENGTH) {
			throw ObjectRejectedException.invalid("name", "is longer than " + MAX_LENGTH + " characters");
		}
		String normalized = Normalizer.normalize(name, Normalizer.Form.NFC);
		if (normalized.codePointCount(0, normalized.length()) > MAX_LENGTH) {
			throw ObjectRejectedException.invalid("name", "is longer than " + MAX_LENGTH + " characters");
		}
		boolean control = normalized.codePoints()
			.anyMatch((c) -> Character.getType(c) == Character.CONTROL || c == 0x2028 || c == 0x2029
					|| Character.getType(c) == Character.SURROGATE);
		if (control) {
			throw ObjectRejectedException.invalid("name", "contains control characters");
		}
		return normalized;
	}

	/** A prefix filter, held to the same rules; blank means none. */
	static String prefix(String prefix) {
		if (prefix == null || prefix.isEmpty()) {
			return null;
		}
		try {
			return normalize(prefix);
		}
		catch (ObjectRejectedException ex) {
			throw ObjectRejectedException.invalid("prefix", ex.errors().get(0).message());
		}
	}

}
