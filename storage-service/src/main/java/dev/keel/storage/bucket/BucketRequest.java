package dev.keel.storage.bucket;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code PUT /api/storage/buckets/{name}}. Checked by the service, which
 * reports every problem at once.
 *
 * @param access the rule for each of {@code read}, {@code create}, {@code update} and
 * {@code delete}
 * @param maxFileSize the largest file in bytes, or {@code null} for the global maximum
 * @param allowedTypes MIME patterns, or {@code null} for any type
 * @param thumbnails thumbnail sizes such as {@code 200x200}, or {@code null} for none
 * @param quotaPerUser the most bytes one user may keep in the bucket, or {@code null}
 */
public record BucketRequest(Map<String, String> access, Long maxFileSize, List<String> allowedTypes,
		List<String> thumbnails, Long quotaPerUser) {

}
