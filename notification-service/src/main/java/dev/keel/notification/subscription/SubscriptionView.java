package dev.keel.notification.subscription;

import java.time.Instant;
import java.util.List;

/**
 * A subscription as the API shows it.
 *
 * @param id the subscription id
 * @param collection the collection, or {@code null} for a bucket
 * @param bucket the bucket, or {@code null} for a collection
 * @param documentId the one document, or {@code null}
 * @param events the event types it covers
 * @param createdAt when it was created
 */
record SubscriptionView(String id, String collection, String bucket, String documentId, List<String> events,
		Instant createdAt) {

	static SubscriptionView of(Subscription subscription) {
		String bucket = subscription.bucket();
		return new SubscriptionView(subscription.id(), (bucket != null) ? null : subscription.collection(), bucket,
				subscription.documentId(), subscription.events(), subscription.createdAt());
	}

	/**
	 * A page of subscriptions.
	 *
	 * @param items the subscriptions, oldest first
	 * @param nextCursor where the next page starts, or {@code null}
	 */
	record Page(List<SubscriptionView> items, String nextCursor) {
	}

}
