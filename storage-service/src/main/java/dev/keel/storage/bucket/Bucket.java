package dev.keel.storage.bucket;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.keel.support.access.AccessRules;

/**
 * A bucket: where files live, who may do what with them, and their limits.
 *
 * @param id the generated internal id, used in blob keys (the name never is)
 * @param name the name clients use
 * @param access the rules per operation
 * @param maxFileSize the largest file, in bytes
 * @param allowedTypes MIME patterns such as {@code image/*}; empty for any type
 * @param thumbnails thumbnail sizes such as {@code 200x200}
 * @param quotaPerUser the most bytes one owner may keep in the bucket, or {@code null}
 * @param createdAt when it was created
 * @param updatedAt when its definition last changed
 */
public record Bucket(String id, String name, AccessRules access, long maxFileSize, List<String> allowedTypes,
		List<String> thumbnails, @Nullable Long quotaPerUser, Instant createdAt, Instant updatedAt) {

	public Bucket {
		allowedTypes = List.copyOf(allowedTypes);
		thumbnails = List.copyOf(thumbnails);
	}

	/**
	 * Whether a detected content type may be stored here.
	 * @param contentType a type such as {@code image/png}, without parameters
	 * @return whether a pattern matches it
	 */
	public boolean allows(String contentType) {
		if (this.allowedTypes.isEmpty()) {
			return true;
		}
		String type = contentType.toLowerCase(Locale.ROOT);
		for (String pattern : this.allowedTypes) {
			boolean matches = pattern.endsWith("/*") ? type.startsWith(pattern.substring(0, pattern.length() - 1))
					: type.equals(pattern);
			if (matches) {
				return true;
			}
		}
		return false;
	}

	/** Whether anyone may read its files, without a token. */
	public boolean publiclyReadable() {
		return this.access.read().text().equals("public");
	}

}
