package dev.keel.events.storage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A file was deleted. It carries the metadata the file had, since after the delete there
 * is nothing left for a consumer to look it up in.
 *
 * @param eventId the event id
 * @param occurredAt when the file was deleted
 * @param bucket the bucket holding the file
 * @param objectId the object id
 * @param name the file's display name
 * @param size its size in bytes
 * @param contentType its content type, detected from its bytes
 * @param sha256 the SHA-256 of its bytes, in lower-case hexadecimal
 * @param owner the user who uploaded it
 * @param actor the {@code sub} of the caller who deleted it
 * @param readRule the bucket's read rule at the time
 */
public record FileDeleted(String eventId, Instant occurredAt, String bucket, String objectId, String name, long size,
		String contentType, String sha256, String owner, String actor, String readRule) implements FileEvent {

	/** The CloudEvents type. */
	public static final String TYPE = "keel.file.deleted";

	public FileDeleted {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(bucket, "bucket");
		Objects.requireNonNull(objectId, "objectId");
	}

	/**
	 * A file deleted now, under a new event id.
	 * @param bucket the bucket
	 * @param objectId the object id
	 * @param name the file's display name
	 * @param size its size in bytes
	 * @param contentType its detected content type
	 * @param sha256 its SHA-256
	 * @param owner the user who uploaded it
	 * @param actor the {@code sub} of the caller
	 * @param readRule the bucket's read rule
	 * @return the event
	 */
	public static FileDeleted of(String bucket, String objectId, String name, long size, String contentType,
			String sha256, String owner, String actor, String readRule) {
		return new FileDeleted(UUID.randomUUID().toString(), Instant.now().truncatedTo(ChronoUnit.MILLIS), bucket,
				objectId, name, size, contentType, sha256, owner, actor, readRule);
	}

	@Override
	public String type() {
		return TYPE;
	}

}
