package dev.keel.storage.tus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Resumable uploads in MongoDB ({@code uploads}), looked up by {@code _id} only. A chunk
 * is taken under a lease: the upload is locked at the offset the client named, the lease
 * is renewed while the chunk streams, and the new offset is set only by the holder of the
 * lease. A second PATCH meanwhile finds it locked; after a crash the lease runs out and
 * the client continues.
 */
@Repository
class UploadStore {

	static final String COLLECTION = "uploads";

	private final MongoTemplate mongo;

	UploadStore(MongoTemplate mongo) {
		this.mongo = mongo;
		// The janitor's scan for expired uploads (the embedded store ignores it).
		uploads().createIndex(Indexes.ascending("expiresAt"));
	}

	void insert(Upload upload, Instant now) {
		uploads().insertOne(new Document("_id", upload.id()).append("bucket", upload.bucket())
			.append("owner", upload.owner())
			.append("name", upload.name())
			.append("length", upload.length())
			.append("offset", 0L)
			.append("chunks", List.of())
			.append("createdAt", Date.from(now))
			.append("expiresAt", Date.from(upload.expiresAt())));
	}

	Optional<Upload> find(String id) {
		return Optional.ofNullable(uploads().find(Filters.eq("_id", id)).first()).map(UploadStore::upload);
	}

	/**
	 * Locks an upload for a chunk at {@code offset}.
	 * @return the upload, locked with {@code token}, or empty when it is not at that
	 * offset, complete, or locked by another chunk
	 */
	Optional<Upload> lock(String id, long offset, String token, Instant now, Duration lease) {
		Document locked = uploads().findOneAndUpdate(
				Filters.and(Filters.eq("_id", id), Filters.eq("offset", offset), Filters.eq("objectId", null),
						Filters.or(Filters.eq("lockedUntil", null), Filters.lte("lockedUntil", Date.from(now)))),
				Updates.combine(Updates.set("lockedUntil", Date.from(now.plus(lease))),
						Updates.set("lockToken", token)),
				new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
		return Optional.ofNullable(locked).map(UploadStore::upload);
	}

	/** Extends the lease; {@code false} if it was lost. */
	boolean renew(String id, String token, Instant until) {
		return uploads()
			.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("lockToken", token)),
					Updates.set("lockedUntil", Date.from(until)))
			.getMatchedCount() == 1;
	}

	/**
	 * Records a stored chunk and releases the lease; {@code false} if the lease was lost
	 * (nothing is recorded then).
	 */
	boolean advance(String id, String token, long chunkOffset, long size, Instant expiresAt) {
		return uploads().updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("lockToken", token)),
				Updates.combine(Updates.set("offset", chunkOffset + size), Updates.push("chunks", chunkOffset),
						Updates.set("expiresAt", Date.from(expiresAt)), Updates.unset("lockedUntil"),
						Updates.unset("lockToken")))
			.getMatchedCount() == 1;
	}

	void unlock(String id, String token) {
		uploads().updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("lockToken", token)),
				Updates.combine(Updates.unset("lockedUntil"), Updates.unset("lockToken")));
	}

	/** Notes the file an upload became; the record stays until it expires, for HEAD. */
	void complete(String id, String objectId, Instant expiresAt) {
		uploads().updateOne(Filters.eq("_id", id),
				Updates.combine(Updates.set("objectId", objectId), Updates.set("chunks", List.of()),
						Updates.set("expiresAt", Date.from(expiresAt)), Updates.unset("lockedUntil"),
						Updates.unset("lockToken")));
	}

	void delete(String id) {
		uploads().deleteOne(Filters.eq("_id", id));
	}

	/** Uploads past their expiry, complete or not, a batch at a time. */
	List<Upload> expired(Instant now, int limit) {
		List<Upload> found = new ArrayList<>();
		uploads().find(Filters.lte("expiresAt", Date.from(now)))
			.limit(limit)
			.forEach((stored) -> found.add(upload(stored)));
		return found;
	}

	private MongoCollection<Document> uploads() {
		return this.mongo.getCollection(COLLECTION);
	}

	private static Upload upload(Document stored) {
		return new Upload(stored.getString("_id"), stored.getString("bucket"), stored.getString("owner"),
				stored.getString("name"), number(stored, "length"), number(stored, "offset"),
				stored.getList("chunks", Number.class, List.of()).stream().map(Number::longValue).toList(),
				stored.getDate("expiresAt").toInstant(), objectId(stored));
	}

	private static @Nullable String objectId(Document stored) {
		return stored.getString("objectId");
	}

	private static long number(Document stored, String field) {
		return stored.get(field, Number.class).longValue();
	}

}
