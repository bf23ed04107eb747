package dev.keel.notification.inbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Inbox items in {@value #COLLECTION}, ordered by creation time and id. An item's id is
 * derived from its event and recipient, so a redelivered event finds its item stored
 * already and stores nothing.
 */
@Repository
class InboxStore {

	static final String COLLECTION = "notifications";

	private final MongoTemplate mongo;

	InboxStore(MongoTemplate mongo) {
		this.mongo = mongo;
		items().createIndex(Indexes.compoundIndex(Indexes.ascending("userId"), Indexes.descending("createdAt", "_id")),
				new IndexOptions().name("user_newest_first"));
	}

	static String idOf(String eventId, String userId) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((eventId + "\n" + userId).getBytes(StandardCharsets.UTF_8));
			return "ntf_" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 24);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Stores the item; false if it was stored before. */
	boolean insert(Notification item, String eventId) {
		Document document = new Document("_id", item.id()).append("userId", item.userId())
			.append("type", item.type())
			.append("title", item.title())
			.append("body", item.body())
			.append("data", new Document(item.data()))
			.append("read", item.read())
			.append("eventId", eventId)
			.append("createdAt", Date.from(item.createdAt()));
		try {
			items().insertOne(document);
			return true;
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
				return false;
			}
			throw ex;
		}
	}

	/** The user's item with this id, looked up by id alone (the fast path everywhere). */
	Notification find(String userId, String id) {
		Document found = items().find(Filters.eq("_id", id)).first();
		return (found != null && userId.equals(found.getString("userId"))) ? notification(found) : null;
	}

	/** Newest first, starting after {@code after} when given. */
	List<Notification> newest(String userId, boolean unreadOnly, Position after, int limit) {
		List<Bson> filters = new ArrayList<>(List.of(Filters.eq("userId", userId)));
		if (unreadOnly) {
			filters.add(Filters.eq("read", false));
		}
		if (after != null) {
			filters.add(Filters.or(Filters.lt("createdAt", Date.from(after.createdAt())),
					Filters.and(Filters.eq("createdAt", Date.from(after.createdAt())), Filters.lt("_id", after.id()))));
		}
		return list(Filters.and(filters), Sorts.descending("createdAt", "_id"), limit);
	}

	/** Oldest first, the items created after {@code after}. */
	List<Notification> createdAfter(String userId, Position after, int limit) {
		Bson later = Filters.or(Filters.gt("createdAt", Date.from(after.createdAt())),
				Filters.and(Filters.eq("createdAt", Date.from(after.createdAt())), Filters.gt("_id", after.id())));
		return list(Filters.and(Filters.eq("userId", userId), later), Sorts.ascending("createdAt", "_id"), limit);
	}

	long unread(String userId) {
		return items().countDocuments(Filters.and(Filters.eq("userId", userId), Filters.eq("read", false)));
	}

	boolean markRead(String userId, String id) {
		return find(userId, id) != null
				&& items().updateOne(Filters.eq("_id", id), Updates.set("read", true)).getMatchedCount() == 1;
	}

	void markAllRead(String userId) {
		items().updateMany(Filters.and(Filters.eq("userId", userId), Filters.eq("read", false)),
				Updates.set("read", true));
	}

	boolean delete(String userId, String id) {
		return find(userId, id) != null && items().deleteOne(Filters.eq("_id", id)).getDeletedCount() == 1;
	}

	private List<Notification> list(Bson filter, Bson sort, int limit) {
		List<Notification> page = new ArrayList<>();
		items().find(filter).sort(sort).limit(limit).forEach((document) -> page.add(notification(document)));
		return page;
	}

	private MongoCollection<Document> items() {
		return this.mongo.getCollection(COLLECTION);
	}

	private static Notification notification(Document stored) {
		Document data = stored.get("data", Document.class);
		return new Notification(stored.getString("_id"), stored.getString("userId"), stored.getString("type"),
				stored.getString("title"), stored.getString("body"), (data != null) ? data : Map.of(),
				stored.getBoolean("read", false), stored.getDate("createdAt").toInstant());
	}

	/**
	 * A place in a user's inbox.
	 *
	 * @param createdAt the creation time of the item there
	 * @param id the id of the item there
	 */
	record Position(Instant createdAt, String id) {

		static Position of(Notification item) {
			return new Position(item.createdAt(), item.id());
		}

	}

}
