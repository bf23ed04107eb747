package dev.keel.notification.subscription;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A user's wish to hear about changes in a collection, or to one document of it, or about
 * the files of a bucket.
 *
 * @param id the subscription id
 * @param userId the subscriber
 * @param collection what it watches: the collection, or the bucket's {@link #bucketKey
 * key}
 * @param documentId the one document, or {@code null} for the whole collection
 * @param events the document event types it covers
 * @param roles the subscriber's roles when they last called the API, for role read rules
 * until auth-service announces a change of roles
 * @param createdAt when it was created
 */
record Subscription(String id, String userId, String collection, String documentId, List<String> events,
		Set<String> roles, Instant createdAt) {

	/** Marks a bucket's name where a collection's would be; no collection name has it. */
	static final String BUCKET_PREFIX = "bucket:";

	/** What a subscription to a bucket's files watches. */
	static String bucketKey(String bucket) {
		return BUCKET_PREFIX + bucket;
	}

	/** The bucket it watches, or {@code null} for a collection. */
	String bucket() {
		return this.collection.startsWith(BUCKET_PREFIX) ? this.collection.substring(BUCKET_PREFIX.length()) : null;
	}

	boolean matches(String eventType, String documentId) {
		return this.events.contains(eventType) && (this.documentId == null || this.documentId.equals(documentId));
	}

}
