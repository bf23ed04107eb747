package dev.keel.storage.object;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An object's metadata as stored in {@code objects}.
 *
 * @param id the generated id (24 lower-case hex digits, time-ordered)
 * @param bucketId the bucket's internal id
 * @param bucket the bucket's name
 * @param name the client's display name
 * @param size the size in bytes
 * @param contentType the type detected from the bytes
 * @param sha256 the SHA-256 of the bytes, lower-case hex
 * @param owner the uploader's {@code sub}, or {@code null} for an anonymous upload
 * @param signingKey a random key that signed URLs include, so they die with the object
 * @param createdAt when it was uploaded
 * @param updatedAt when its metadata last changed
 */
record StoredObject(String id, String bucketId, String bucket, String name, long size, String contentType,
		String sha256, @Nullable String owner, String signingKey, Instant createdAt, Instant updatedAt) {

	/** The strong entity tag of the content. */
	String etag() {
		return "\"" + this.sha256 + "\"";
	}

}
