package dev.keel.support.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import dev.keel.events.EventEnvelope;
import dev.keel.events.data.DocumentCreated;
import dev.keel.testing.EmbeddedInfrastructure;
import dev.keel.testing.TopicRecords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Writes that hand the relay their document's id are published without a scan: the poll
 * interval here is an hour, so only the ids handed over can bring these events out.
 */
@ExtendWith(EmbeddedInfrastructure.class)
@SpringBootTest(classes = OutboxTestApplication.class,
		properties = { "spring.mongodb.uri=${KEEL_MONGODB_URI}", "spring.mongodb.database=outbox_burst_tests",
				"spring.kafka.bootstrap-servers=${KEEL_KAFKA_BOOTSTRAP_SERVERS}", "keel.outbox.collections=orders",
				"keel.outbox.poll-interval=1h", "orders.topic=keel.test.burst" })
class OutboxBurstIntegrationTests {

	private static final String TOPIC = "keel.test.burst";

	private static final int ORDERS = 300;

	private final CloudEventJson json = new CloudEventJson();

	@Autowired
	Orders orders;

	@Autowired
	Outbox outbox;

	@Autowired
	MongoTemplate mongo;

	@Test
	void publishesEveryEventOfABurstOfWritesOnceAndInOrderPerDocument() {
		List<Future<Written>> writes;
		try (ExecutorService writers = Executors.newFixedThreadPool(8)) {
			writes = IntStream.range(0, ORDERS)
				.mapToObj((i) -> writers.submit(() -> placeAndPay("burst-" + i)))
				.toList();
		}
		Map<String, List<String>> written = writes.stream()
			.map(Future::resultNow)
			.collect(Collectors.toMap(Written::orderId, Written::eventIds));

		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.mongo.getCollection("orders")
				.countDocuments(
						Filters.and(Filters.regex("_id", "^burst-"), Filters.exists(Outbox.ENTRIES + ".0"))) == 0);

		Map<String, List<String>> published = TopicRecords.all(EmbeddedInfrastructure.kafkaBootstrapServers(), TOPIC)
			.stream()
			.collect(Collectors.groupingBy((record) -> record.key().substring("orders/".length()),
					Collectors.mapping(this::eventId, Collectors.toList())));
		assertThat(published).isEqualTo(written);
	}

	@Test
	void leavesAHandedOverDocumentAloneWhileAnotherInstanceHoldsItsLease() throws InterruptedException {
		EventEnvelope<DocumentCreated> placed = EventEnvelope.wrap("/keel/other-instance",
				DocumentCreated.of("orders", "held", "u-1", "u-1", 1, "owner", List.of(), null, false), null);
		Document order = new Document("_id", "held")
			.append(Outbox.ENTRIES, List.of(Outbox.entry(TOPIC, placed).toDocument()))
			.append(Outbox.LEASE,
					new Document("owner", "other-instance").append("until", Date.from(Instant.now().plusSeconds(600))));
		this.mongo.insert(order, "orders");

		this.outbox.wakeUp("orders", "held");
		Thread.sleep(1500);

		Document stored = this.mongo.getCollection("orders").find(Filters.eq("_id", "held")).first();
		assertThat(stored.getList(Outbox.ENTRIES, Document.class)).hasSize(1);
		assertThat(stored.get(Outbox.LEASE, Document.class).getString("owner")).isEqualTo("other-instance");
		this.mongo.getCollection("orders").deleteOne(Filters.eq("_id", "held"));
	}

	private Written placeAndPay(String id) {
		return new Written(id, List.of(this.orders.place(id, null).id(), this.orders.changeStatus(id, 1, "paid").id()));
	}

	private String eventId(ConsumerRecord<String, String> record) {
		return this.json.read(record.value()).orElseThrow().id();
	}

	/** An order's events, in the order they were written. */
	private record Written(String orderId, List<String> eventIds) {
	}

}
