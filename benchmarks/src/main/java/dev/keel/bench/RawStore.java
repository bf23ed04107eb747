package dev.keel.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import dev.keel.bench.Operation.UnexpectedAnswer;

/**
 * The baseline: the same three operations with the MongoDB Java driver, on data-service's
 * own store and database but in a scratch collection ({@code bench_raw}) that the service
 * never reads. Documents carry the same system fields as data-service's, so they are
 * about the same size; the query has the same filter, order ({@code _id}) and page size.
 */
final class RawStore implements AutoCloseable {

	private final MongoClient client;

	private final MongoDatabase database;

	private final MongoCollection<Document> collection;

	private final Bson filter = Filters.and(Filters.eq("status", "open"), Filters.gte("priority", 3));

	RawStore(String uri, String database, int concurrency) {
		MongoClientSettings settings = MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString(uri))
			.applyToConnectionPoolSettings((pool) -> pool.maxSize(Math.max(100, concurrency)))
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
			.build();
		this.client = MongoClients.create(settings);
		this.database = this.client.getDatabase(database);
		this.collection = this.database.getCollection(BenchItems.RAW_COLLECTION);
	}

	/** Drops what a previous run left, creates the index and seeds; returns the ids. */
	List<ObjectId> prepare(int documents) {
		drop();
		this.collection.createIndex(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("priority")));
		List<Document> seeded = new ArrayList<>(documents);
		for (int n = 0; n < documents; n++) {
			seeded.add(document(BenchItems.seeded(n)));
		}
		this.collection.insertMany(seeded);
		return seeded.stream().map((document) -> document.getObjectId("_id")).toList();
	}

	/** One page of the query, to check it matches what data-service returns. */
	List<Document> queryPage() {
		return this.collection.find(this.filter)
			.sort(Sorts.ascending("_id"))
			.limit(BenchItems.PAGE)
			.into(new ArrayList<>());
	}

	Operation createOperation() {
		return () -> this.collection.insertOne(document(BenchItems.random()));
	}

	Operation getOperation(List<ObjectId> ids) {
		return () -> {
			ObjectId id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
			if (this.collection.find(Filters.eq("_id", id)).first() == null) {
				throw new UnexpectedAnswer("get: no document " + id);
			}
		};
	}

	Operation queryOperation() {
		return this::queryPage;
	}

	/**
	 * Drops the scratch collection if it is there (the embedded store logs an error for
	 * dropping one that is not).
	 */
	void drop() {
		if (this.database.listCollectionNames().filter(Filters.eq("name", BenchItems.RAW_COLLECTION)).first() != null) {
			this.collection.drop();
		}
	}

	@Override
	public void close() {
		this.client.close();
	}

	private static Document document(BenchItems.Item item) {
		String now = Instant.now().toString();
		return new Document("_id", new ObjectId()).append("title", item.title())
			.append("status", item.status())
			.append("priority", item.priority())
			.append("_owner", "bench")
			.append("_version", 1L)
			.append("_createdAt", now)
			.append("_updatedAt", now);
	}

}
