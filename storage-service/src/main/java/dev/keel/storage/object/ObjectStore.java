package dev.keel.storage.object;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.UpdateMapper;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import dev.keel.events.Topics;
import dev.keel.events.storage.FileDeleted;
import dev.keel.events.storage.FileUploaded;
import dev.keel.support.outbox.Outbox;

/**
 * Object metadata in the {@code objects} collection, one document per object ({@code _id}
 * = the object id), each carrying its events in its outbox: the upload's insert and the
 * deletion's tombstone are single-document writes with their event, so the event exists
 * exactly when the change does. Every lookup names the bucket's internal id too, so an
 * object of a deleted (or re-created) bucket is never found, and skips tombstones.
 */
@Repository
class ObjectStore {

	static final String COLLECTION = "objects";

	private final MongoCollection<Document> objects;

	private final UpdateMapper updates;

	private final Outbox outbox;

	ObjectStore(MongoTemplate mongo, Outbox outbox) {
		this.objects = mongo.getCollection(COLLECTION);
		this.updates = new UpdateMapper(mongo.getConverter());
		this.outbox = outbox;
		// Listings by bucket, and by bucket and owner for owner-only buckets, in id
		// order.
		// The embedded store ignores them; real MongoDB answers listings from them.
		this.objects.createIndex(Indexes.ascending("bucketId", "_id"));
		this.objects.createIndex(Indexes.ascending("bucketId", "owner", "_id"));
	}

	void insert(StoredObject object, FileUploaded event) {
		this.objects.insertOne(this.outbox.attach(COLLECTION, document(object), Topics.STORAGE_EVENTS, event));
		this.outbox.wakeUp(COLLECTION, object.id());
	}

	Optional<StoredObject> find(String bucketId, String id) {
		return Optional.ofNullable(this.objects.find(Filters.eq("_id", id)).first())
			.filter((d) -> bucketId.equals(d.getString("bucketId")))
			.filter((d) -> !Boolean.TRUE.equals(d.get(Outbox.DELETE_WHEN_DRAINED)))
			.map(ObjectStore::object);
	}

	/**
	 * One page of a bucket's objects in id (creation) order.
	 * @param owner only this owner's objects, or {@code null} for all
	 * @param prefix only names starting with it, or {@code null}
	 * @param after only ids after it, or {@code null}
	 */
	List<StoredObject> page(String bucketId, String owner, String prefix, String after, int limit) {
		List<Bson> conditions = new ArrayList<>(
				List.of(Filters.eq("bucketId", bucketId), Filters.ne(Outbox.DELETE_WHEN_DRAINED, true)));
		if (owner != null) {
			conditions.add(Filters.eq("owner", owner));
		}
		if (prefix != null) {
			conditions.add(Filters.regex("name", Pattern.compile("^" + Pattern.quote(prefix))));
		}
		if (after != null) {
			conditions.add(Filters.gt("_id", after));
		}
		List<StoredObject> page = new ArrayList<>();
		this.objects.find(Filters.and(conditions))
			.sort(Sorts.ascending("_id"))
			.limit(limit)
			.forEach((d) -> page.add(object(d)));
		return page;
	}

	/**
	 * Deletes one object's metadata: it becomes a tombstone with the event, which the
	 * outbox relay removes once the event is out.
	 * @return {@code false} when someone else deleted it first
	 */
	boolean delete(StoredObject object, FileDeleted event) {
		Update update = this.outbox.deleteWhenDrained(COLLECTION, new Update().unset("signingKey"),
				Topics.STORAGE_EVENTS, event);
		// Mapped as the template maps updates (the outbox's uses Spring Data's
		// modifiers),
		// but sent with a filter of our own: the template would read the id as an
		// ObjectId.
		Document mapped = this.updates.getMappedObject(update.getUpdateObject(), Optional.empty());
		boolean deleted = this.objects
			.updateOne(Filters.and(Filters.eq("_id", object.id()), Filters.ne(Outbox.DELETE_WHEN_DRAINED, true)),
					mapped)
			.getModifiedCount() == 1;
		if (deleted) {
			this.outbox.wakeUp(COLLECTION, object.id());
		}
		return deleted;
	}

	/**
	 * Deletes a deleted bucket's objects, without events; tombstones stay until their
	 * events are out.
	 */
	void deleteAll(String bucketId) {
		this.objects
			.deleteMany(Filters.and(Filters.eq("bucketId", bucketId), Filters.ne(Outbox.DELETE_WHEN_DRAINED, true)));
	}

	private static Document document(StoredObject object) {
		return new Document("_id", object.id()).append("bucketId", object.bucketId())
			.append("bucket", object.bucket())
			.append("name", object.name())
			.append("size", object.size())
			.append("contentType", object.contentType())
			.append("sha256", object.sha256())
			.append("owner", object.owner())
			.append("signingKey", object.signingKey())
			.append("createdAt", Date.from(object.createdAt()))
			.append("updatedAt", Date.from(object.updatedAt()));
	}

	private static StoredObject object(Document d) {
		return new StoredObject(d.getString("_id"), d.getString("bucketId"), d.getString("bucket"), d.getString("name"),
				((Number) d.get("size")).longValue(), d.getString("contentType"), d.getString("sha256"),
				d.getString("owner"), d.getString("signingKey"), d.getDate("createdAt").toInstant(),
				d.getDate("updatedAt").toInstant());
	}

}
