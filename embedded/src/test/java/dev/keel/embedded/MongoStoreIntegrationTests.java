package dev.keel.embedded;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MongoStoreIntegrationTests {

	@TempDir
	Path directory;

	@Test
	void keepsDocumentsAndUniqueIndexesAcrossARestart() {
		Path file = this.directory.resolve("keel.mv");
		try (MongoStore store = MongoStore.onDisk(file, 0);
				MongoClient client = MongoClients.create(store.connectionString())) {
			MongoCollection<Document> users = users(client);
			users.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true).name("email_unique"));
			users.insertMany(
					List.of(new Document("email", "ada@example.com"), new Document("email", "alan@example.com")));

			assertDuplicateRejected(users);
		}

		try (MongoStore store = MongoStore.onDisk(file, 0);
				MongoClient client = MongoClients.create(store.connectionString())) {
			MongoCollection<Document> users = users(client);

			assertThat(users.find().map((document) -> document.getString("email")).into(new ArrayList<>()))
				.containsExactlyInAnyOrder("ada@example.com", "alan@example.com");
			assertThat(users.listIndexes().map((index) -> index.getString("name")).into(new ArrayList<>()))
				.contains("email_unique");
			assertDuplicateRejected(users);
		}
	}

	@Test
	void servesTheDriverFromMemory() {
		try (MongoStore store = MongoStore.inMemory();
				MongoClient client = MongoClients.create(store.connectionString())) {
			users(client).insertOne(new Document("email", "grace@example.com"));

			assertThat(users(client).countDocuments()).isOne();
			assertThat(store.connectionString()).isEqualTo("mongodb://localhost:" + store.port());
		}
	}

	@Test
	void refusesAPortThatIsTaken() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			assertThatExceptionOfType(PortInUseException.class)
				.isThrownBy(() -> MongoStore.onDisk(this.directory.resolve("other.mv"), taken.getLocalPort()))
				.withMessageContaining("Port " + taken.getLocalPort());
		}
	}

	private static MongoCollection<Document> users(MongoClient client) {
		return client.getDatabase("auth").getCollection("users");
	}

	private static void assertDuplicateRejected(MongoCollection<Document> users) {
		assertThatExceptionOfType(MongoWriteException.class)
			.isThrownBy(() -> users.insertOne(new Document("email", "ada@example.com")))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(11000));
	}

}
