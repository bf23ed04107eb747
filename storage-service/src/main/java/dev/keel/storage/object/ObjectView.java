package dev.keel.storage.object;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An object's metadata as the API shows it.
 *
 * @param id the id
 * @param bucket the bucket's name
 * @param name the display name
 * @param size the size in bytes
 * @param contentType the type detected from the bytes
 * @param sha256 the SHA-256 of the bytes, lower-case hex
 * @param owner the uploader's {@code sub}, or {@code null}
 * @param createdAt when it was uploaded, RFC 3339
 * @param updatedAt when its metadata last changed, RFC 3339
 */
record ObjectView(String id, String bucket, String name, long size, String contentType, String sha256, String owner,
		String createdAt, String updatedAt) {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	static ObjectView of(StoredObject object) {
		return new ObjectView(object.id(), object.bucket(), object.name(), object.size(), object.contentType(),
				object.sha256(), object.owner(), format(object.createdAt()), format(object.updatedAt()));
	}

	static String format(Instant instant) {
		return TIME.format(instant);
	}

}
