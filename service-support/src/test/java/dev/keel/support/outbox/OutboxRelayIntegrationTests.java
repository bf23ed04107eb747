package dev.keel.support.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import dev.keel.events.EventEnvelope;
import dev.keel.events.data.DocumentCreated;
import dev.keel.events.data.DocumentDeleted;
import dev.keel.events.data.DocumentUpdated;
import dev.keel.testing.EmbeddedInfrastructure;
import dev.keel.testing.TopicRecords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(EmbeddedInfrastructure.class)
@SpringBootTest(classes = OutboxTestApplication.class,
		properties = { "spring.mongodb.uri=${KEEL_MONGODB_URI}", "spring.mongodb.database=outbox_relay_tests",
				"spring.kafka.bootstrap-servers=${KEEL_KAFKA_BOOTSTRAP_SERVERS}", "keel.outbox.collections=orders" })
class OutboxRelayIntegrationTests {

	private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	private static final Duration DEADLINE = Duration.ofSeconds(30);

	private final CloudEventJson json = new CloudEventJson();

	@Autowired
	Orders orders;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MeterRegistry meters;

	@Autowired
	Outbox outbox;

	@Test
	void publishesAWrittenEventOnceWithItsKeyAndHeaders() {
		EventEnvelope<DocumentCreated> placed = this.orders.place("o-1", TRACEPARENT);

		awaitDrained("o-1");

		List<ConsumerRecord<String, String>> records = recordsOf("o-1");
		assertThat(records).singleElement().satisfies((record) -> {
			assertThat(record.key()).isEqualTo("orders/o-1");
			assertThat(TopicRecords.header(record, "content-type")).isEqualTo("application/cloudevents+json");
			assertThat(TopicRecords.header(record, "traceparent")).isEqualTo(TRACEPARENT);
			assertThat(this.json.read(record.value())).contains(placed);
		});
		assertThat(this.meters.get("keel.outbox.published").tag("collection", "orders").counter().count()).isPositive();
	}

	@Test
	void leavesOutTheTraceparentWhenThereWasNoTrace() {
		this.orders.place("o-untraced", null);

		awaitDrained("o-untraced");

		assertThat(recordsOf("o-untraced")).singleElement().satisfies((record) -> {
			assertThat(record.headers().lastHeader("traceparent")).isNull();
			assertThat(record.value()).doesNotContain("traceparent");
		});
	}

	@Test
	void keepsOneAggregatesEventsInOrderOnOnePartition() {
		List<String> written = List.of(this.orders.place("o-2", null).id(),
				this.orders.changeStatus("o-2", 1, "paid").id(), this.orders.changeStatus("o-2", 2, "packed").id(),
				this.orders.changeStatus("o-2", 3, "shipped").id(),
				this.orders.changeStatus("o-2", 4, "delivered").id());

		awaitDrained("o-2");

		List<ConsumerRecord<String, String>> records = recordsOf("o-2");
		assertThat(records).extracting(this::eventId).containsExactlyElementsOf(written);
		assertThat(records).extracting(ConsumerRecord::partition).containsOnly(records.get(0).partition());
	}

	@Test
	void publishesSeveralEventsOfOneWriteInTheirOrder() {
		this.orders.place("o-7", null);
		List<OutboxEntry> entries = List.of(anotherEvent("o-7"), anotherEvent("o-7"), anotherEvent("o-7"));

		this.mongo.updateFirst(Query.query(Criteria.where("_id").is("o-7")),
				this.outbox.push("orders", new Update().set("status", "split"), entries.toArray(OutboxEntry[]::new)),
				"orders");

		awaitDrained("o-7");
		assertThat(recordsOf("o-7")).extracting(this::eventId)
			.endsWith(entries.stream().map(OutboxEntry::id).toArray(String[]::new));
	}

	@Test
	void deletesACancelledOrderOnceItsEventIsOut() {
		this.orders.place("o-3", null);
		EventEnvelope<DocumentDeleted> cancelled = this.orders.cancel("o-3", 1);

		assertThat(this.orders.find("o-3")).isNull();
		await().atMost(DEADLINE).until(() -> stored("o-3") == null);

		assertThat(recordsOf("o-3")).extracting(this::eventId).endsWith(cancelled.id());
	}

	@Test
	void findsEntriesWrittenWithoutAWakeUp() {
		EventEnvelope<DocumentCreated> placed = EventEnvelope.wrap("/keel/other-instance",
				DocumentCreated.of("orders", "o-4", "u-1", "u-1", 1, "owner", List.of(), null, false), null);
		Document order = writtenElsewhere("o-4", Outbox.entry(OutboxTestApplication.TOPIC, placed));
		this.mongo.insert(order, "orders");

		awaitDrained("o-4");

		assertThat(recordsOf("o-4")).extracting(this::eventId).containsExactly(placed.id());
	}

	@Test
	void leavesADocumentAloneWhileAnotherInstanceHoldsItsLease() throws InterruptedException {
		EventEnvelope<DocumentCreated> placed = EventEnvelope.wrap("/keel/other-instance",
				DocumentCreated.of("orders", "o-5", "u-1", "u-1", 1, "owner", List.of(), null, false), null);
		Document order = writtenElsewhere("o-5", Outbox.entry(OutboxTestApplication.TOPIC, placed)).append(Outbox.LEASE,
				lease("other-instance", Instant.now().plusSeconds(600)));
		this.mongo.insert(order, "orders");

		Thread.sleep(1500);
		assertThat(stored("o-5").getList(Outbox.ENTRIES, Document.class)).hasSize(1);

		this.mongo.getCollection("orders")
			.updateOne(Filters.eq("_id", "o-5"),
					new Document("$set", new Document(Outbox.LEASE, lease("other-instance", Instant.now()))));
		awaitDrained("o-5");
		assertThat(recordsOf("o-5")).extracting(this::eventId).containsExactly(placed.id());
	}

	@Test
	void anEventKafkaRefusesDoesNotHoldUpOtherAggregates() {
		OutboxEntry tooLarge = new OutboxEntry("evt-too-large", OutboxTestApplication.TOPIC, "orders/o-big",
				"x".repeat(2 * 1024 * 1024), null, Instant.now());
		this.mongo.insert(this.outbox.attach("orders", new Document("_id", "o-big"), tooLarge), "orders");
		await().atMost(DEADLINE).until(() -> this.meters.find("keel.outbox.failures").counters().size() > 0);

		EventEnvelope<DocumentCreated> placed = this.orders.place("o-6", null);

		awaitDrained("o-6");
		assertThat(recordsOf("o-6")).extracting(this::eventId).containsExactly(placed.id());
		assertThat(stored("o-big").getList(Outbox.ENTRIES, Document.class)).hasSize(1);
		this.mongo.getCollection("orders").deleteOne(Filters.eq("_id", "o-big"));
	}

	private void awaitDrained(String id) {
		await().atMost(DEADLINE).until(() -> stored(id).getList(Outbox.ENTRIES, Document.class).isEmpty());
		assertThat(stored(id)).doesNotContainKey(Outbox.LEASE);
	}

	private Document stored(String id) {
		return this.mongo.getCollection("orders").find(Filters.eq("_id", id)).first();
	}

	private List<ConsumerRecord<String, String>> recordsOf(String id) {
		return TopicRecords.withKey(EmbeddedInfrastructure.kafkaBootstrapServers(), OutboxTestApplication.TOPIC,
				"orders/" + id);
	}

	private String eventId(ConsumerRecord<String, String> record) {
		return this.json.read(record.value()).orElseThrow().id();
	}

	private static OutboxEntry anotherEvent(String id) {
		return Outbox.entry(OutboxTestApplication.TOPIC, EventEnvelope.wrap("/keel/test-service",
				DocumentUpdated.of("orders", id, "u-1", "u-1", 2, "owner", List.of("status"), null, true), null));
	}

	/** A document as another instance of the service wrote it, past this one's outbox. */
	private static Document writtenElsewhere(String id, OutboxEntry entry) {
		return new Document("_id", id).append(Outbox.ENTRIES, List.of(entry.toDocument()));
	}

	private static Document lease(String owner, Instant until) {
		return new Document("owner", owner).append("until", Date.from(until));
	}

}
