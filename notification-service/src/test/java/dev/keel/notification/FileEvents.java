package dev.keel.notification;

import dev.keel.events.EventEnvelope;
import dev.keel.events.storage.FileDeleted;
import dev.keel.events.storage.FileUploaded;

/** File events as storage-service publishes them, for tests. */
public final class FileEvents {

	public static final String SOURCE = "/keel/storage-service";

	private FileEvents() {
	}

	public static EventEnvelope<FileUploaded> uploaded(String bucket, String objectId, String name, String owner,
			String readRule) {
		return EventEnvelope.wrap(SOURCE,
				FileUploaded.of(bucket, objectId, name, 1234, "image/png",
						"b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9", owner, owner, readRule),
				null);
	}

	public static EventEnvelope<FileDeleted> deleted(String bucket, String objectId, String name, String owner,
			String actor, String readRule) {
		return EventEnvelope.wrap(SOURCE,
				FileDeleted.of(bucket, objectId, name, 1234, "image/png",
						"b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9", owner, actor, readRule),
				null);
	}

}
