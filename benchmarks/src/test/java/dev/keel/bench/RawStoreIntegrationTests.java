package dev.keel.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keel.embedded.MongoStore;

import static org.assertj.core.api.Assertions.assertThat;

class RawStoreIntegrationTests {

	@TempDir
	Path directory;

	@Test
	void seedsQueriesAndDropsOnlyItsScratchCollection() throws Exception {
		try (MongoStore store = MongoStore.onDisk(this.directory.resolve("data.mv"), 0);
				MongoClient client = MongoClients.create(store.connectionString());
				RawStore raw = new RawStore(store.connectionString(), "keel_data", 4)) {
			client.getDatabase("keel_data").getCollection("bench_items").insertOne(new Document("title", "kept"));

			List<ObjectId> ids = raw.prepare(100);
			assertThat(ids).hasSize(100).doesNotHaveDuplicates();
			List<Document> page = raw.queryPage();
			assertThat(page).hasSize(20)
				.allSatisfy((document) -> assertThat(
						BenchItems.matchesFilter(document.getString("status"), document.getInteger("priority")))
					.isTrue());

			Measurement gets = new ClosedLoop(2, Duration.ZERO, Duration.ofMillis(200)).run(raw.getOperation(ids));
			assertThat(gets.requests()).isPositive();
			assertThat(gets.errors()).isZero();
			new ClosedLoop(1, Duration.ZERO, Duration.ofMillis(100)).run(raw.createOperation());
			assertThat(client.getDatabase("keel_data").getCollection("bench_raw").countDocuments()).isGreaterThan(100);

			raw.drop();
			assertThat(client.getDatabase("keel_data").listCollectionNames().into(new java.util.ArrayList<>()))
				.containsExactly("bench_items");
		}
	}

}
