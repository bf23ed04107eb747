package dev.keel.notification.subscription;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new subscription.
 *
 * @param collection the collection to watch
 * @param documentId one document to watch, or {@code null} for the whole collection
 * @param events the document event types to hear about; all three when absent or empty
 */
record SubscriptionRequest(
		@NotNull @Pattern(regexp = "[a-z][a-z0-9_-]{0,62}", message = "must be a collection name") String collection,
		@Size(min = 1, max = 200) @Pattern(regexp = "[^/\\s]+",
				message = "must not contain slashes or spaces") String documentId,
		@Size(max = 3) List<@NotNull @Pattern(regexp = "keel\\.document\\.(created|updated|deleted)",
				message = "must be keel.document.created, keel.document.updated or keel.document.deleted") String> events) {

	static final List<String> ALL_EVENTS = List.of("keel.document.created", "keel.document.updated",
			"keel.document.deleted");

	List<String> eventTypes() {
		return (this.events == null || this.events.isEmpty()) ? ALL_EVENTS : this.events.stream().distinct().toList();
	}

}
