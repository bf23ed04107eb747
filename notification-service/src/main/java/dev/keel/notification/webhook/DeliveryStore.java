package dev.keel.notification.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Deliveries in {@value #COLLECTION}. Their schedule lives here ({@code dueAt}), never in
 * memory, so retries survive restarts. A worker claims a due delivery for a lease (a
 * token and a time); only the holder of the claim may record the attempt's outcome, so
 * two instances never send the same attempt, and a crashed worker's delivery becomes due
 * again when its lease runs out.
 */
@Repository
class DeliveryStore {

	static final String COLLECTION = "webhook_deliveries";

	/** How many attempts a delivery's log keeps. */
	static final int LOG_SIZE = 20;

	private static final List<String> WAITING = List.of(DeliveryStatus.PENDING.value(), DeliveryStatus.FAILED.value());

	private final MongoTemplate mongo;

	DeliveryStore(MongoTemplate mongo) {
		this.mongo = mongo;
		deliveries().createIndex(Indexes.ascending("status", "dueAt"), new IndexOptions().name("due"));
		deliveries().createIndex(
				Indexes.compoundIndex(Indexes.ascending("webhookId"), Indexes.descending("createdAt", "_id")),
				new IndexOptions().name("webhook_newest_first"));
	}

	/** Stores a new delivery; false if this event's delivery to the webhook exists. */
	boolean insert(Delivery delivery) {
		try {
			deliveries().insertOne(DeliveryDocuments.toDocument(delivery));
			return true;
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
				return false;
			}
			throw ex;
		}
	}

	/**
	 * Takes the delivery that has been due longest, or {@code null} when none is due.
	 * @param busyWebhooks webhooks whose deliveries not to take now
	 */
	Delivery claimNext(Instant now, Duration lease, Collection<String> busyWebhooks) {
		List<Bson> due = new ArrayList<>(List.of(Filters.in("status", WAITING), Filters.lte("dueAt", Date.from(now))));
		if (!busyWebhooks.isEmpty()) {
			due.add(Filters.nin("webhookId", busyWebhooks));
		}
		Date until = Date.from(now.plus(lease));
		Document claimed = deliveries().findOneAndUpdate(Filters.and(due),
				Updates.combine(Updates.set("dueAt", until), Updates.set("claimedUntil", until),
						Updates.set("claim", UUID.randomUUID().toString())),
				new FindOneAndUpdateOptions().sort(Sorts.ascending("dueAt")).returnDocument(ReturnDocument.AFTER));
		return (claimed != null) ? DeliveryDocuments.delivery(claimed) : null;
	}

	/**
	 * Records the attempt a worker made under its claim.
	 * @param nextAttemptAt when to try again; {@code null} for none
	 * @return false when the claim was lost (its lease ran out and another worker took
	 * the delivery)
	 */
	boolean record(Delivery claimed, Attempt attempt, DeliveryStatus status, Instant nextAttemptAt) {
		List<Attempt> log = new ArrayList<>(claimed.attemptLog());
		log.add(attempt);
		List<Attempt> kept = log.subList(Math.max(0, log.size() - LOG_SIZE), log.size());
		Date next = (nextAttemptAt != null) ? Date.from(nextAttemptAt) : null;
		Bson update = Updates.combine(Updates.set("status", status.value()),
				Updates.set("attempts", claimed.attempts() + 1), Updates.set("lastStatusCode", attempt.statusCode()),
				Updates.set("lastError", attempt.error()), Updates.set("nextAttemptAt", next),
				Updates.set("dueAt", next), Updates.set("finalAttempt", false),
				Updates.set("attemptLog", kept.stream().map(DeliveryDocuments::toDocument).toList()), released());
		return deliveries().updateOne(claimedBy(claimed), update).getMatchedCount() == 1;
	}

	/** Gives up a claimed delivery without an attempt. */
	void abandon(Delivery claimed, String reason) {
		deliveries().updateOne(claimedBy(claimed), dead(reason));
	}

	/** Gives up every waiting delivery of a webhook that no worker holds now. */
	void abandonAll(String webhookId, String reason, Instant now) {
		deliveries().updateMany(
				Filters.and(Filters.eq("webhookId", webhookId), Filters.in("status", WAITING), unclaimed(now)),
				dead(reason));
	}

	Delivery find(String webhookId, String id) {
		Document found = deliveries().find(Filters.and(Filters.eq("_id", id), Filters.eq("webhookId", webhookId)))
			.first();
		return (found != null) ? DeliveryDocuments.delivery(found) : null;
	}

	/**
	 * Queues a failed or dead delivery for an attempt now, unless a worker holds it.
	 * @return false if it changed meanwhile or is being attempted
	 */
	boolean requeue(Delivery current, Instant now) {
		Bson filter = Filters.and(Filters.eq("_id", current.id()), Filters.eq("status", current.status().value()),
				unclaimed(now));
		boolean lastChance = current.status() == DeliveryStatus.DEAD || current.finalAttempt();
		Bson update = Updates.combine(Updates.set("status", DeliveryStatus.PENDING.value()),
				Updates.set("nextAttemptAt", Date.from(now)), Updates.set("dueAt", Date.from(now)),
				Updates.set("finalAttempt", lastChance), released());
		return deliveries().updateOne(filter, update).getMatchedCount() == 1;
	}

	/** A webhook's deliveries, newest first, starting after {@code after} when given. */
	List<Delivery> newest(String webhookId, DeliveryStatus status, Position after, int limit) {
		List<Bson> filters = new ArrayList<>(List.of(Filters.eq("webhookId", webhookId)));
		if (status != null) {
			filters.add(Filters.eq("status", status.value()));
		}
		if (after != null) {
			Date at = Date.from(after.createdAt());
			filters.add(Filters.or(Filters.lt("createdAt", at),
					Filters.and(Filters.eq("createdAt", at), Filters.lt("_id", after.id()))));
		}
		List<Delivery> page = new ArrayList<>();
		deliveries().find(Filters.and(filters))
			.sort(Sorts.descending("createdAt", "_id"))
			.limit(limit)
			.forEach((document) -> page.add(DeliveryDocuments.delivery(document)));
		return page;
	}

	private static Bson claimedBy(Delivery claimed) {
		return Filters.and(Filters.eq("_id", claimed.id()), Filters.eq("claim", claimed.claim()));
	}

	private static Bson unclaimed(Instant now) {
		return Filters.or(Filters.eq("claim", null), Filters.lte("claimedUntil", Date.from(now)));
	}

	private static Bson released() {
		return Updates.combine(Updates.set("claim", null), Updates.set("claimedUntil", null));
	}

	private static Bson dead(String reason) {
		return Updates.combine(Updates.set("status", DeliveryStatus.DEAD.value()), Updates.set("lastError", reason),
				Updates.set("nextAttemptAt", null), Updates.set("dueAt", null), released());
	}

	private MongoCollection<Document> deliveries() {
		return this.mongo.getCollection(COLLECTION);
	}

	/**
	 * A place in a webhook's delivery list.
	 *
	 * @param createdAt the creation time of the delivery there
	 * @param id the id of the delivery there
	 */
	record Position(Instant createdAt, String id) {
	}

}
