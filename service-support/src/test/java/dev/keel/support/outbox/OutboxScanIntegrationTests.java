package dev.keel.support.outbox;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
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
 * A write's events do not wait behind the safety-net scan: while the relay scans and
 * drains a backlog that other instances left in another collection (large batches, so one
 * scan round is long), an order placed here is published at once. The poll interval is an
 * hour, so only the explicit wake-up scans.
 */
@ExtendWith(EmbeddedInfrastructure.class)
@SpringBootTest(classes = OutboxTestApplication.class,
		properties = { "spring.mongodb.uri=${KEEL_MONGODB_URI}", "spring.mongodb.database=outbox_scan_tests",
				"spring.kafka.bootstrap-servers=${KEEL_KAFKA_BOOTSTRAP_SERVERS}",
				"keel.outbox.collections=orders,backlog", "keel.outbox.poll-interval=1h", "keel.outbox.batch-size=300",
				"orders.topic=keel.test.scan" })
class OutboxScanIntegrationTests {

	private static final String TOPIC = "keel.test.scan";

	private static final String BACKLOG_TOPIC = "keel.test.backlog";

	private static final int BACKLOG = 3_000;

	@Autowired
	Orders orders;

	@Autowired
	Outbox outbox;

	@Autowired
	MongoTemplate mongo;

	@AfterEach
	void dropBacklog() {
		await().atMost(Duration.ofMinutes(3)).until(() -> pendingInBacklog() == 0);
		this.mongo.dropCollection("backlog");
	}

	@Test
	void publishesAWrittenDocumentAtOnceWhileAScanDrainsABacklog() {
		this.mongo.getCollection("backlog")
			.insertMany(IntStream.range(0, BACKLOG).mapToObj((i) -> writtenElsewhere("b-" + i)).toList());
		this.outbox.wakeUp();
		await().atMost(Duration.ofSeconds(60)).until(() -> pendingInBacklog() < BACKLOG);

		long placed = System.nanoTime();
		EventEnvelope<DocumentCreated> order = this.orders.place("o-woken", null);
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> this.mongo.getCollection("orders")
				.find(Filters.and(Filters.eq("_id", "o-woken"), Filters.exists(Outbox.ENTRIES + ".0")))
				.first() == null);
		Duration took = Duration.ofNanos(System.nanoTime() - placed);

		assertThat(pendingInBacklog()).as("backlog entries still pending when the order's event was out").isPositive();
		assertThat(took).isLessThan(Duration.ofSeconds(2));
		assertThat(TopicRecords.withKey(EmbeddedInfrastructure.kafkaBootstrapServers(), TOPIC, "orders/o-woken"))
			.singleElement()
			.satisfies((record) -> assertThat(record.value()).contains(order.id()));
	}

	private long pendingInBacklog() {
		return this.mongo.getCollection("backlog").countDocuments(Filters.exists(Outbox.ENTRIES + ".0"));
	}

	/** A document another instance of the service wrote, without a wake-up here. */
	private static Document writtenElsewhere(String id) {
		EventEnvelope<DocumentCreated> created = EventEnvelope.wrap("/keel/other-instance",
				DocumentCreated.of("backlog", id, "u-1", "u-1", 1, "owner", List.of(), null, false), null);
		return new Document("_id", id).append(Outbox.ENTRIES,
				List.of(Outbox.entry(BACKLOG_TOPIC, created).toDocument()));
	}

}
