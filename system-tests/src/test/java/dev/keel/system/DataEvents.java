package dev.keel.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

/**
 * Reads what data-service published on {@code keel.data.events}, every partition from the
 * beginning, the way a new consumer would. Events of one key share a partition, so their
 * order here is the order they were published in.
 */
final class DataEvents {

	static final String TOPIC = "keel.data.events";

	private DataEvents() {
	}

	/** The events about the documents of one collection, not about the collection. */
	static Predicate<Event> documentsIn(String collection) {
		return (event) -> event.key() != null && event.key().startsWith(collection + "/");
	}

	/**
	 * The wanted events, read until at least {@code expected} have come and then none
	 * more for {@code quiet} (so that duplicates would show), or until {@code timeout}.
	 */
	static List<Event> read(Predicate<Event> wanted, int expected, Duration timeout, Duration quiet) {
		List<Event> found = new ArrayList<>();
		long deadline = System.nanoTime() + timeout.toNanos();
		long quietUntil = Long.MAX_VALUE;
		try (KafkaConsumer<String, String> consumer = consumer()) {
			List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30))
				.stream()
				.map((partition) -> new TopicPartition(TOPIC, partition.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			while (System.nanoTime() < Math.min(deadline, quietUntil)) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
					Event event = new Event(record.key(), Api.json.readTree(record.value()));
					if (wanted.test(event)) {
						found.add(event);
						if (found.size() >= expected) {
							quietUntil = System.nanoTime() + quiet.toNanos();
						}
					}
				}
			}
		}
		return found;
	}

	private static KafkaConsumer<String, String> consumer() {
		return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + KeelCli.port(9092),
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
				StringDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
	}

	/** A record of the topic: its key and its CloudEvent. */
	record Event(String key, JsonNode value) {

		String type() {
			return this.value.path("type").asString();
		}

		String id() {
			return this.value.path("id").asString();
		}

		JsonNode data() {
			return this.value.path("data");
		}

	}

}
