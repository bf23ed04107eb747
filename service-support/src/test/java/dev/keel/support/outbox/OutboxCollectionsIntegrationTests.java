package dev.keel.support.outbox;

import java.time.Duration;
import java.util.List;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import dev.keel.events.EventEnvelope;
import dev.keel.events.data.DocumentCreated;
import dev.keel.testing.EmbeddedInfrastructure;
import dev.keel.testing.TopicRecords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Collections nobody lists in {@code keel.outbox.collections}, as data-service creates
 * one per collection an admin defines, are relayed all the same: the ones this instance's
 * writes attach entries to, the ones left with entries before a restart, and the ones
 * other instances write to.
 */
@ExtendWith(EmbeddedInfrastructure.class)
@SpringBootTest(classes = OutboxTestApplication.class, properties = { "spring.mongodb.uri=${KEEL_MONGODB_URI}",
		"spring.mongodb.database=" + OutboxCollectionsIntegrationTests.DATABASE,
		"spring.kafka.bootstrap-servers=${KEEL_KAFKA_BOOTSTRAP_SERVERS}", "spring.application.name=test-service" })
class OutboxCollectionsIntegrationTests {

	static final String DATABASE = "outbox_collections_tests";

	static final String TOPIC = "keel.test.runtime";

	private static final Duration DEADLINE = Duration.ofSeconds(30);

	@Autowired
	MongoTemplate mongo;

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxRelay relay;

	@Test
	void relaysACollectionAWriteAttachesEntriesTo() {
		String collection = "defined_later";
		this.outbox.prepare(collection);
		DocumentCreated created = created(collection, "d-1");

		this.mongo.insert(this.outbox.attach(collection, new Document("_id", "d-1"), TOPIC, created), collection);
		this.outbox.wakeUp();

		awaitDrained(collection, "d-1");
		assertThat(eventIds(collection + "/d-1")).containsExactly(created.eventId());
		assertThat(new CloudEventJson()
			.read(TopicRecords.withKey(EmbeddedInfrastructure.kafkaBootstrapServers(), TOPIC, collection + "/d-1")
				.getFirst()
				.value()))
			.contains(EventEnvelope.wrap("/keel/test-service", created, null));
		assertThat(this.relay.isRunning()).isTrue();
	}

	@Test
	void entriesLeftInACollectionBeforeARestartAreRelayedAfterIt() {
		String collection = "left_behind";
		DocumentCreated created = created(collection, "d-2");
		this.mongo.insert(writtenBeforeTheCrash("d-2", created), collection);

		try (ConfigurableApplicationContext restarted = anotherInstance("1m")) {
			awaitDrained(collection, "d-2");
		}
		assertThat(eventIds(collection + "/d-2")).containsExactly(created.eventId());
	}

	@Test
	void collectionsOtherInstancesWriteToAreFoundByTheNextScan() {
		String collection = "written_elsewhere";
		try (ConfigurableApplicationContext scanningOften = anotherInstance("1s")) {
			DocumentCreated created = created(collection, "d-3");

			this.mongo.insert(writtenBeforeTheCrash("d-3", created), collection);

			awaitDrained(collection, "d-3");
			assertThat(eventIds(collection + "/d-3")).containsExactly(created.eventId());
		}
	}

	/** A second instance of the service on the same database and broker. */
	private static ConfigurableApplicationContext anotherInstance(String scanInterval) {
		return new SpringApplicationBuilder(OutboxTestApplication.class).web(WebApplicationType.NONE)
			.properties("spring.mongodb.uri=${KEEL_MONGODB_URI}", "spring.mongodb.database=" + DATABASE,
					"spring.kafka.bootstrap-servers=${KEEL_KAFKA_BOOTSTRAP_SERVERS}",
					"spring.application.name=test-service", "keel.outbox.collections=orders",
					"keel.outbox.scan-interval=" + scanInterval)
			.run();
	}

	/**
	 * A document whose write was acknowledged by an instance that crashed before its
	 * relay published the entry: nothing in this instance knows its collection.
	 */
	private Document writtenBeforeTheCrash(String id, DocumentCreated event) {
		OutboxEntry entry = Outbox.entry(TOPIC, EventEnvelope.wrap("/keel/test-service", event, null));
		return new Document("_id", id).append(Outbox.ENTRIES, List.of(entry.toDocument()));
	}

	private void awaitDrained(String collection, String id) {
		await().atMost(DEADLINE)
			.until(() -> this.mongo.getCollection(collection)
				.find(Filters.eq("_id", id))
				.first()
				.getList(Outbox.ENTRIES, Document.class)
				.isEmpty());
	}

	private static List<String> eventIds(String key) {
		return TopicRecords.withKey(EmbeddedInfrastructure.kafkaBootstrapServers(), TOPIC, key)
			.stream()
			.map((record) -> new CloudEventJson().read(record.value()).orElseThrow().id())
			.toList();
	}

	private static DocumentCreated created(String collection, String id) {
		return DocumentCreated.of(collection, id, "u-1", "u-1", 1, "owner", List.of(), null, false);
	}

}
