package dev.keel.notification.webhook;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Registered webhooks in {@value #COLLECTION}, in the service's own database. Their
 * signing secrets are stored as they are: the service needs them to sign every delivery.
 */
@Repository
class WebhookStore {

	static final String COLLECTION = "webhooks";

	private final MongoTemplate mongo;

	WebhookStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	void insert(Webhook webhook) {
		webhooks().insertOne(new Document("_id", webhook.id()).append("url", webhook.url())
			.append("events", webhook.events())
			.append("collections", webhook.collections())
			.append("description", webhook.description())
			.append("secret", webhook.secret())
			.append("createdAt", Date.from(webhook.createdAt())));
	}

	Webhook find(String id) {
		Document found = webhooks().find(Filters.eq("_id", id)).first();
		return (found != null) ? webhook(found) : null;
	}

	/** Every webhook, for matching an event against them. */
	List<Webhook> all() {
		return list(new Document(), 0);
	}

	/** Oldest first (ids grow with time), starting after {@code afterId} when given. */
	List<Webhook> page(String afterId, int limit) {
		return list((afterId != null) ? Filters.gt("_id", afterId) : new Document(), limit);
	}

	boolean delete(String id) {
		return webhooks().deleteOne(Filters.eq("_id", id)).getDeletedCount() == 1;
	}

	private List<Webhook> list(Bson filter, int limit) {
		List<Webhook> found = new ArrayList<>();
		webhooks().find(filter).sort(Sorts.ascending("_id")).limit(limit).forEach((d) -> found.add(webhook(d)));
		return found;
	}

	private MongoCollection<Document> webhooks() {
		return this.mongo.getCollection(COLLECTION);
	}

	private static Webhook webhook(Document stored) {
		return new Webhook(stored.getString("_id"), stored.getString("url"), stored.getList("events", String.class),
				stored.getList("collections", String.class, List.of()), stored.getString("description"),
				stored.getString("secret"), stored.getDate("createdAt").toInstant());
	}

}
