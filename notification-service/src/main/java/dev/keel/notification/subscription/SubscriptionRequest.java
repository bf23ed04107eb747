package dev.keel.notification.subscription;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new subscription: to a collection's documents (or one of them), or to a bucket's
 * files.
 *
 * @param collection the collection to watch, or {@code null} with a bucket
 * @param bucket the bucket whose files to watch, or {@code null} with a collection
 * @param documentId one document to watch, or {@code null} for the whole collection
 * @param events the event types to hear about; all of the collection's three, or both of
 * the bucket's, when absent or empty
 */
@SubscriptionTarget
record SubscriptionRequest(
		@Pattern(regexp = "[a-z][a-z0-9_-]{0,62}", message = "must be a collection name") String collection,
		@Pattern(regexp = "[a-z][a-z0-9_-]{0,62}", message = "must be a bucket name") String bucket,
		@Size(min = 1, max = 200) @Pattern(regexp = "[^/\\s]+",
				message = "must not contain slashes or spaces") String documentId,
		@Size(max = 3) List<@NotNull @Pattern(
				regexp = "keel\\.(document\\.(created|updated|deleted)|file\\.(uploaded|deleted))",
				message = "must be keel.document.created, keel.document.updated, keel.document.deleted, "
						+ "keel.file.uploaded or keel.file.deleted") String> events) {

	static final List<String> ALL_EVENTS = List.of("keel.document.created", "keel.document.updated",
			"keel.document.deleted");

	static final List<String> ALL_FILE_EVENTS = List.of("keel.file.uploaded", "keel.file.deleted");

	List<String> eventTypes() {
		List<String> all = (this.bucket != null) ? ALL_FILE_EVENTS : ALL_EVENTS;
		return (this.events == null || this.events.isEmpty()) ? all : this.events.stream().distinct().toList();
	}

	/** What the subscription watches: the collection, or the bucket's key. */
	String watched() {
		return (this.bucket != null) ? Subscription.bucketKey(this.bucket) : this.collection;
	}

}
