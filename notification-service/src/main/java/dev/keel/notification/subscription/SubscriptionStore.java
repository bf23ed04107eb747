package dev.keel.notification.subscription;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** Subscriptions in {@value #COLLECTION}. */
@Repository
class SubscriptionStore {

	static final String COLLECTION = "subscriptions";

	private final MongoTemplate mongo;

	SubscriptionStore(MongoTemplate mongo) {
		this.mongo = mongo;
		subscriptions().createIndex(Indexes.ascending("collection"));
		subscriptions().createIndex(Indexes.ascending("userId", "_id"));
	}

	void insert(Subscription subscription) {
		subscriptions().insertOne(new Document("_id", subscription.id()).append("userId", subscription.userId())
			.append("collection", subscription.collection())
			.append("documentId", subscription.documentId())
			.append("events", subscription.events())
			.append("roles", List.copyOf(subscription.roles()))
			.append("createdAt", Date.from(subscription.createdAt())));
	}

	List<Subscription> ofCollection(String collection) {
		return list(Filters.eq("collection", collection), Sorts.ascending("_id"), Integer.MAX_VALUE);
	}

	List<Subscription> ofUser(String userId, String after, int limit) {
		Bson filter = (after != null) ? Filters.and(Filters.eq("userId", userId), Filters.gt("_id", after))
				: Filters.eq("userId", userId);
		return list(filter, Sorts.ascending("_id"), limit);
	}

	long count(String userId) {
		return subscriptions().countDocuments(Filters.eq("userId", userId));
	}

	/**
	 * Keeps the roles of a subscriber's token as current as their last call.
	 * @return whether any of their subscriptions changed
	 */
	boolean refreshSubscriber(String userId, List<String> roles) {
		return subscriptions().updateMany(Filters.eq("userId", userId), Updates.set("roles", roles))
			.getModifiedCount() > 0;
	}

	/**
	 * Deletes one of a user's subscriptions.
	 * @return the collection of the deleted subscription, or {@code null} if the user had
	 * no such subscription
	 */
	String delete(String userId, String id) {
		Document found = subscriptions().find(Filters.eq("_id", id)).first();
		boolean deleted = found != null && userId.equals(found.getString("userId"))
				&& subscriptions().deleteOne(Filters.eq("_id", id)).getDeletedCount() == 1;
		return deleted ? found.getString("collection") : null;
	}

	private List<Subscription> list(Bson filter, Bson sort, int limit) {
		List<Subscription> found = new ArrayList<>();
		subscriptions().find(filter).sort(sort).limit(limit).forEach((document) -> found.add(subscription(document)));
		return found;
	}

	private MongoCollection<Document> subscriptions() {
		return this.mongo.getCollection(COLLECTION);
	}

	private static Subscription subscription(Document stored) {
		return new Subscription(stored.getString("_id"), stored.getString("userId"), stored.getString("collection"),
				stored.getString("documentId"), stored.getList("events", String.class, List.of()),
				new HashSet<>(stored.getList("roles", String.class, List.of())),
				stored.getDate("createdAt").toInstant());
	}

}
