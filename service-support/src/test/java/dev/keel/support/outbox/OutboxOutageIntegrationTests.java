package dev.keel.support.outbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.keel.events.EventEnvelope;
import dev.keel.embedded.KafkaBroker;
import dev.keel.embedded.MongoStore;
import dev.keel.testing.TopicRecords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Kafka outage with a broker of its own, stopped and started again on the same data
 * directory and ports while the service keeps writing.
 */
@SpringBootTest(classes = OutboxTestApplication.class,
		properties = { "spring.mongodb.database=outbox_outage_tests", "keel.outbox.collections=orders",
				"keel.outbox.send-timeout=2s", "keel.outbox.lease=10s" })
@DirtiesContext
class OutboxOutageIntegrationTests {

	private static final Duration DEADLINE = Duration.ofSeconds(60);

	@TempDir
	static Path kafkaDir;

	static KafkaBroker broker;

	static MongoStore store;

	private final CloudEventJson json = new CloudEventJson();

	@Autowired
	Orders orders;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MeterRegistry meters;

	@BeforeAll
	static void startInfrastructure() throws Exception {
		broker = KafkaBroker.start(kafkaDir, 0, 0);
		store = MongoStore.inMemory();
	}

	@AfterAll
	static void stopInfrastructure() {
		broker.close();
		store.close();
	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", () -> broker.bootstrapServers());
		registry.add("spring.mongodb.uri", () -> store.connectionString());
	}

	@Test
	void eventsWrittenWhileKafkaIsDownArriveExactlyOnceWhenItIsBack() throws Exception {
		EventEnvelope<?> beforeOutage = this.orders.place("before-outage", null);
		awaitDrained("before-outage");
		int port = broker.port();
		int controllerPort = broker.controllerPort();

		broker.close();
		List<EventEnvelope<?>> duringOutage = List.of(this.orders.place("during-1", null),
				this.orders.place("during-2", null), this.orders.place("during-3", null));
		await().atMost(DEADLINE).until(() -> failures() > 0);
		assertThat(List.of("during-1", "during-2", "during-3"))
			.allSatisfy((id) -> assertThat(stored(id).getList(Outbox.ENTRIES, Document.class)).hasSize(1));

		broker = KafkaBroker.start(kafkaDir, port, controllerPort);
		List.of("during-1", "during-2", "during-3").forEach(this::awaitDrained);

		Map<String, Long> arrivals = TopicRecords.all(broker.bootstrapServers(), OutboxTestApplication.TOPIC)
			.stream()
			.map((record) -> this.json.read(record.value()).orElseThrow().id())
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		assertThat(arrivals).containsOnlyKeys(beforeOutage.id(), duringOutage.get(0).id(), duringOutage.get(1).id(),
				duringOutage.get(2).id());
		assertThat(arrivals.values()).containsOnly(1L);
	}

	private double failures() {
		return Search.in(this.meters)
			.name("keel.outbox.failures")
			.counters()
			.stream()
			.mapToDouble((c) -> c.count())
			.sum();
	}

	private void awaitDrained(String id) {
		await().atMost(DEADLINE).until(() -> stored(id).getList(Outbox.ENTRIES, Document.class).isEmpty());
	}

	private Document stored(String id) {
		return this.mongo.getCollection("orders").find(Filters.eq("_id", id)).first();
	}

}
