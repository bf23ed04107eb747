package dev.keel.storage.bucket;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * A bucket as the API shows it.
 *
 * @param name the name
 * @param access the rules by operation
 * @param maxFileSize the largest file in bytes
 * @param allowedTypes the MIME patterns, empty for any
 * @param thumbnails the thumbnail sizes
 * @param quotaPerUser the most bytes per user, or {@code null}
 * @param createdAt when it was created, RFC 3339
 * @param updatedAt when its definition last changed, RFC 3339
 */
record BucketView(String name, Map<String, String> access, long maxFileSize, List<String> allowedTypes,
		List<String> thumbnails, Long quotaPerUser, String createdAt, String updatedAt) {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	static BucketView of(Bucket bucket) {
		return new BucketView(bucket.name(), bucket.access().toMap(), bucket.maxFileSize(), bucket.allowedTypes(),
				bucket.thumbnails(), bucket.quotaPerUser(), format(bucket.createdAt()), format(bucket.updatedAt()));
	}

	static String format(Instant instant) {
		return TIME.format(instant);
	}

}
