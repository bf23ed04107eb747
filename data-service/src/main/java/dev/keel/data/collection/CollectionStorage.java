package dev.keel.data.collection;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import dev.keel.support.outbox.Outbox;

/**
 * The MongoDB collections that hold documents: created with their indexes before a
 * definition is stored, kept in step with it, and dropped once a deleted collection's
 * events are out.
 */
@Component
class CollectionStorage {

	static final String PREFIX = "docs_";

	private static final String OWNER_INDEX = "keel_owner";

	private static final SecureRandom random = new SecureRandom();

	private final MongoTemplate mongo;

	private final Outbox outbox;

	CollectionStorage(MongoTemplate mongo, Outbox outbox) {
		this.mongo = mongo;
		this.outbox = outbox;
	}

	/** A fresh storage name for a collection: its name and a random suffix. */
	String newName(String collection) {
		return PREFIX + collection + "_"
				+ Long.toString(random.nextLong() & Long.MAX_VALUE, 36).toLowerCase(Locale.ROOT);
	}

	/**
	 * Creates the storage with its indexes, all before any document arrives: the embedded
	 * store does not guard index creation against concurrent writes.
	 */
	void create(String storage, List<IndexDefinition> indexes) {
		if (!this.mongo.collectionExists(storage)) {
			this.mongo.createCollection(storage);
		}
		this.outbox.prepare(storage);
		collection(storage).createIndex(Indexes.ascending("_owner", "_id"), new IndexOptions().name(OWNER_INDEX));
		createIndexes(storage, indexes);
	}

	/**
	 * Creates the indexes that are new and drops those no longer wanted. If a new unique
	 * index cannot be built, the ones created here are dropped again and the storage is
	 * as before.
	 * @throws DuplicateValues if stored documents violate a new unique index
	 */
	void update(String storage, List<IndexDefinition> before, List<IndexDefinition> wanted) {
		List<IndexDefinition> added = wanted.stream().filter((index) -> !before.contains(index)).toList();
		createIndexes(storage, added);
		before.stream().filter((index) -> !wanted.contains(index)).forEach((index) -> dropIndex(storage, index.name()));
	}

	void drop(String storage) {
		collection(storage).drop();
	}

	/** Whether documents of the storage still hold events that are not published. */
	boolean hasPendingEvents(String storage) {
		return collection(storage).countDocuments(Filters.exists(Outbox.ENTRIES + ".0")) > 0;
	}

	MongoCollection<Document> collection(String storage) {
		return this.mongo.getCollection(storage);
	}

	private void createIndexes(String storage, List<IndexDefinition> indexes) {
		List<IndexDefinition> created = new ArrayList<>();
		for (IndexDefinition index : indexes) {
			try {
				collection(storage).createIndex(index.key(),
						new IndexOptions().name(index.name()).unique(index.unique()).sparse(index.unique()));
				created.add(index);
			}
			catch (MongoException ex) {
				created.forEach((done) -> dropIndex(storage, done.name()));
				if (ex.getCode() == 11000) {
					throw new DuplicateValues(index);
				}
				throw ex;
			}
		}
	}

	private void dropIndex(String storage, String name) {
		try {
			collection(storage).dropIndex(name);
		}
		catch (MongoException ex) {
			// Already gone: another instance applied the same definition.
		}
	}

	/** Stored documents share values that a new unique index forbids. */
	static final class DuplicateValues extends RuntimeException {

		DuplicateValues(IndexDefinition index) {
			super("Stored documents share values of " + index.fields() + ", so the index cannot be unique.");
		}

	}

}
