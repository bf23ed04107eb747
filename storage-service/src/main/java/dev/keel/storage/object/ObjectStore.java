package dev.keel.storage.object;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Object metadata in the {@code objects} collection, one document per object ({@code _id}
 * = the object id). Every lookup names the bucket's internal id too, so an object of a
 * deleted (or re-created) bucket is never found.
 */
@Repository
class ObjectStore {

	private final MongoCollection<Document> objects;

	ObjectStore(MongoTemplate mongo) {
		this.objects = mongo.getCollection("objects");
	}

	void insert(StoredObject object) {
		this.objects.insertOne(document(object));
	}

	Optional<StoredObject> find(String bucketId, String id) {
		return Optional.ofNullable(this.objects.find(Filters.eq("_id", id)).first())
			.filter((d) -> bucketId.equals(d.getString("bucketId")))
			.map(ObjectStore::object);
	}

	/**
	 * One page of a bucket's objects in id (creation) order.
	 * @param owner only this owner's objects, or {@code null} for all
	 * @param prefix only names starting with it, or {@code null}
	 * @param after only ids after it, or {@code null}
	 */
	List<StoredObject> page(String bucketId, String owner, String prefix, String after, int limit) {
		List<Bson> conditions = new ArrayList<>(List.of(Filters.eq("bucketId", bucketId)));
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

	/** Deletes one object's metadata; {@code false} when someone else did first. */
	boolean delete(StoredObject object) {
		return this.objects.deleteOne(Filters.eq("_id", object.id())).getDeletedCount() == 1;
	}

	void deleteAll(String bucketId) {
		this.objects.deleteMany(Filters.eq("bucketId", bucketId));
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
