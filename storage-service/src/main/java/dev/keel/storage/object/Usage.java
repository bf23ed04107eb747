package dev.keel.storage.object;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The bytes each owner keeps in each bucket, in {@code usage} ({@code _id} =
 * {@code <bucket id>/<owner>}), for quotas. A reservation is one conditional {@code $inc}
 * with upsert, so concurrent uploads never pass a quota together: when the condition
 * fails on an existing document, the upsert's insert collides on {@code _id}.
 */
@Repository
class Usage {

	private final MongoCollection<Document> usage;

	Usage(MongoTemplate mongo) {
		this.usage = mongo.getCollection("usage");
	}

	/**
	 * Adds bytes to an owner's usage unless that would pass the quota.
	 * @param quota the most bytes, or {@code null} for no limit
	 * @return whether the bytes were added
	 */
	boolean reserve(String bucketId, String owner, long bytes, Long quota) {
		if (quota != null && bytes > quota) {
			return false;
		}
		var filter = (quota != null)
				? Filters.and(Filters.eq("_id", id(bucketId, owner)), Filters.lte("bytes", quota - bytes))
				: Filters.eq("_id", id(bucketId, owner));
		try {
			this.usage.updateOne(filter,
					Updates.combine(Updates.inc("bytes", bytes), Updates.set("bucketId", bucketId)),
					new UpdateOptions().upsert(true));
			return true;
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
				return false;
			}
			throw ex;
		}
	}

	void release(String bucketId, String owner, long bytes) {
		this.usage.updateOne(Filters.eq("_id", id(bucketId, owner)), Updates.inc("bytes", -bytes));
	}

	long bytes(String bucketId, String owner) {
		Document document = this.usage.find(Filters.eq("_id", id(bucketId, owner))).first();
		return (document != null) ? ((Number) document.get("bytes")).longValue() : 0;
	}

	void deleteAll(String bucketId) {
		this.usage.deleteMany(Filters.eq("bucketId", bucketId));
	}

	private static String id(String bucketId, String owner) {
		return bucketId + "/" + owner;
	}

}
