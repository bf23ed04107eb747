package dev.keel.notification.email;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Emails waiting to be sent, in {@value #COLLECTION}. The queue outlives restarts and
 * SMTP outages: an email leaves it only once the server accepted it, or when it is given
 * up. Its id comes from the event, so a redelivered event queues nothing new.
 * <p>
 * A verification or reset email must keep its link token until it is sent (the email is
 * rendered when it is sent, and sending may be retried for a day); once it is sent or
 * given up, the token is removed from the stored email. What remains (id, kind,
 * recipient, times, attempts, errors) is what idempotency and auditing need.
 */
@Repository
class EmailQueue {

	static final String COLLECTION = "emails";

	static final String PENDING = "pending";

	static final String SENT = "sent";

	static final String FAILED = "failed";

	/** How long a sender holds an email it is sending before another may try. */
	private static final Duration CLAIM = Duration.ofMinutes(2);

	private final MongoTemplate mongo;

	EmailQueue(MongoTemplate mongo) {
		this.mongo = mongo;
		emails().createIndex(Indexes.ascending("userId", "kind", "createdAt"));
		// Emails sent before tokens were dropped on sending (codes always were).
		emails().updateMany(Filters.and(Filters.ne("status", PENDING), Filters.exists("token")),
				Updates.unset("token"));
	}

	/** Queues the email; false if this event's email was queued before. */
	boolean enqueue(QueuedEmail email) {
		Document document = new Document("_id", email.id()).append("kind", email.kind().name())
			.append("userId", email.userId())
			.append("to", email.to())
			.append("name", email.name())
			.append("token", email.token())
			.append("code", email.code())
			.append("expiresAt", (email.expiresAt() != null) ? Date.from(email.expiresAt()) : null)
			.append("title", email.title())
			.append("body", email.body())
			.append("status", PENDING)
			.append("attempts", 0)
			.append("nextAttemptAt", Date.from(email.createdAt()))
			.append("createdAt", Date.from(email.createdAt()));
		try {
			emails().insertOne(document);
			return true;
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
				return false;
			}
			throw ex;
		}
	}

	/** Takes the next due email for sending, or {@code null} when none is due. */
	QueuedEmail claimNext(Instant now) {
		Bson due = Filters.and(Filters.eq("status", PENDING), Filters.lte("nextAttemptAt", Date.from(now)));
		Document claimed = emails().findOneAndUpdate(due, Updates.set("nextAttemptAt", Date.from(now.plus(CLAIM))),
				new FindOneAndUpdateOptions().sort(Sorts.ascending("nextAttemptAt"))
					.returnDocument(ReturnDocument.AFTER));
		return (claimed != null) ? email(claimed) : null;
	}

	/** Marks the email sent and drops its link token and code. */
	void sent(QueuedEmail email, Instant now) {
		emails().updateOne(Filters.eq("_id", email.id()), Updates.combine(Updates.set("status", SENT),
				Updates.set("sentAt", Date.from(now)), Updates.unset("token"), Updates.unset("code")));
	}

	/**
	 * Records a failed attempt: retried at {@code retryAt}, or given up (and its link
	 * token and code dropped) when that is {@code null}.
	 */
	void failed(QueuedEmail email, String error, Instant retryAt) {
		Bson status = (retryAt != null) ? Updates.set("nextAttemptAt", Date.from(retryAt))
				: Updates.combine(Updates.set("status", FAILED), Updates.unset("token"), Updates.unset("code"));
		emails().updateOne(Filters.eq("_id", email.id()),
				Updates.combine(status, Updates.inc("attempts", 1), Updates.set("lastError", error)));
	}

	/** How many emails of a kind were queued for a user since a time. */
	long countSince(String userId, EmailKind kind, Instant since) {
		return emails().countDocuments(Filters.and(Filters.eq("userId", userId), Filters.eq("kind", kind.name()),
				Filters.gte("createdAt", Date.from(since))));
	}

	private MongoCollection<Document> emails() {
		return this.mongo.getCollection(COLLECTION);
	}

	private static QueuedEmail email(Document stored) {
		Date expiresAt = stored.getDate("expiresAt");
		return new QueuedEmail(stored.getString("_id"), EmailKind.valueOf(stored.getString("kind")),
				stored.getString("userId"), stored.getString("to"), stored.getString("name"), stored.getString("token"),
				stored.getString("code"), (expiresAt != null) ? expiresAt.toInstant() : null,
				stored.getInteger("attempts", 0), stored.getDate("createdAt").toInstant(), stored.getString("title"),
				stored.getString("body"));
	}

}
