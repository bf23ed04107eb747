package dev.keel.support.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

import dev.keel.events.EventEnvelope;
import dev.keel.events.data.DocumentCreated;
import dev.keel.testing.EmbeddedInfrastructure;
import dev.keel.testing.TopicRecords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Collections named at run time by an {@link OutboxCollectionSource}, as data-service
 * names the storage of collections an admin defines, are relayed like fixed ones.
 */
@ExtendWith(EmbeddedInfrastructure.class)
@SpringBootTest(classes = { OutboxTestApplication.class, OutboxCollectionSourceIntegrationTests.Source.class },
		properties = { "spring.mongodb.uri=${KEEL_MONGODB_URI}", "spring.mongodb.database=outbox_source_tests",
				"spring.kafka.bootstrap-servers=${KEEL_KAFKA_BOOTSTRAP_SERVERS}", "orders.topic=keel.test.runtime" })
class OutboxCollectionSourceIntegrationTests {

	static final Set<String> runtimeCollections = ConcurrentHashMap.newKeySet();

	@Autowired
	MongoTemplate mongo;

	@Autowired
	OutboxRelay relay;

	@Test
	void relaysACollectionNamedAfterStartup() {
		String collection = "defined_later";
		Outbox.prepare(this.mongo, collection);
		runtimeCollections.add(collection);
		DocumentCreated created = DocumentCreated.of(collection, "d-1", "u-1", "u-1", 1, "owner", List.of(), null,
				false);
		this.mongo.insert(
				Outbox.attach(new Document("_id", "d-1"),
						Outbox.entry("keel.test.runtime", EventEnvelope.wrap("/keel/test", created, null))),
				collection);
		this.relay.wakeUp();

		await().atMost(Duration.ofSeconds(30))
			.until(() -> !TopicRecords
				.withKey(EmbeddedInfrastructure.kafkaBootstrapServers(), "keel.test.runtime", collection + "/d-1")
				.isEmpty());
		assertThat(this.relay.isRunning()).isTrue();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Source {

		@Bean
		OutboxCollectionSource runtimeCollections() {
			return () -> List.copyOf(runtimeCollections);
		}

	}

}
