package dev.keel.storage.bucket;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import dev.keel.support.access.AccessRules;
import dev.keel.support.access.AccessRule;

/**
 * Bucket definitions in the {@code buckets} collection, one document per name
 * ({@code _id}), with the generated internal {@code id} beside it.
 */
@Repository
class BucketStore {

	private final MongoCollection<Document> buckets;

	BucketStore(MongoTemplate mongo) {
		this.buckets = mongo.getCollection("buckets");
	}

	Optional<Bucket> find(String name) {
		return Optional.ofNullable(this.buckets.find(Filters.eq("_id", name)).first()).map(BucketStore::bucket);
	}

	List<Bucket> page(String after, int limit) {
		Bson filter = (after != null) ? Filters.gt("_id", after) : new Document();
		List<Bucket> page = new ArrayList<>();
		this.buckets.find(filter).sort(Sorts.ascending("_id")).limit(limit).forEach((d) -> page.add(bucket(d)));
		return page;
	}

	/**
	 * Stores a new bucket.
	 * @return {@code false} when one with the name exists already
	 */
	boolean insert(Bucket bucket) {
		try {
			this.buckets.insertOne(document(bucket));
			return true;
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
				return false;
			}
			throw ex;
		}
	}

	/** Replaces a bucket's definition, as long as it is still the bucket with that id. */
	boolean replace(Bucket bucket) {
		return this.buckets
			.replaceOne(Filters.and(Filters.eq("_id", bucket.name()), Filters.eq("id", bucket.id())), document(bucket))
			.getMatchedCount() == 1;
	}

	Optional<Bucket> delete(String name) {
		return Optional.ofNullable(this.buckets.findOneAndDelete(Filters.eq("_id", name))).map(BucketStore::bucket);
	}

	private static Document document(Bucket bucket) {
		return new Document("_id", bucket.name()).append("id", bucket.id())
			.append("access", new Document(bucket.access().toMap()))
			.append("maxFileSize", bucket.maxFileSize())
			.append("allowedTypes", bucket.allowedTypes())
			.append("thumbnails", bucket.thumbnails())
			.append("quotaPerUser", bucket.quotaPerUser())
			.append("createdAt", Date.from(bucket.createdAt()))
			.append("updatedAt", Date.from(bucket.updatedAt()));
	}

	private static Bucket bucket(Document document) {
		Document access = document.get("access", Document.class);
		return new Bucket(document.getString("id"), document.getString("_id"),
				new AccessRules(rule(access, "read"), rule(access, "create"), rule(access, "update"),
						rule(access, "delete")),
				((Number) document.get("maxFileSize")).longValue(), document.getList("allowedTypes", String.class),
				document.getList("thumbnails", String.class),
				(document.get("quotaPerUser") instanceof Number quota) ? quota.longValue() : null,
				document.getDate("createdAt").toInstant(), document.getDate("updatedAt").toInstant());
	}

	private static AccessRule rule(Map<String, Object> access, String operation) {
		return AccessRule.parse((String) access.get(operation))
			.orElseThrow(() -> new IllegalStateException("Stored bucket with an unreadable " + operation + " rule"));
	}

}
