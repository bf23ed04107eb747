package dev.keel.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

/**
 * Reads the CloudEvents that auth-service published on {@code keel.auth.events}, from the
 * beginning, as a consumer in a group of its own would.
 */
final class AuthEvents {

	static final String TOPIC = "keel.auth.events";

	private AuthEvents() {
	}

	/**
	 * Every event for which the predicate holds, read until none has come for a while.
	 */
	static List<JsonNode> all(Predicate<JsonNode> wanted, Duration quiet) {
		List<JsonNode> found = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = consumer()) {
			consumer.subscribe(List.of(TOPIC));
			long quietUntil = System.nanoTime() + quiet.toNanos();
			while (System.nanoTime() < quietUntil) {
				for (var record : consumer.poll(Duration.ofMillis(300))) {
					JsonNode event = Api.json.readTree(record.value());
					if (wanted.test(event)) {
						found.add(event);
						quietUntil = System.nanoTime() + quiet.toNanos();
					}
				}
			}
		}
		return found;
	}

	/** The first event of a type for a user, waiting up to a minute for it. */
	static JsonNode first(String type, String userId) {
		return first(type, userId, (event) -> true);
	}

	/**
	 * The first event of a type for a user that also matches, waiting up to a minute for
	 * it.
	 */
	static JsonNode first(String type, String userId, Predicate<JsonNode> matching) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		try (KafkaConsumer<String, String> consumer = consumer()) {
			consumer.subscribe(List.of(TOPIC));
			while (System.nanoTime() < deadline) {
				for (var record : consumer.poll(Duration.ofMillis(300))) {
					JsonNode event = Api.json.readTree(record.value());
					if (type.equals(event.path("type").asString()) && userId.equals(event.path("subject").asString())
							&& matching.test(event)) {
						return event;
					}
				}
			}
		}
		throw new AssertionError("No " + type + " event for user " + userId + " within 60 s");
	}

	private static KafkaConsumer<String, String> consumer() {
		return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + KeelCli.port(9092),
				ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
				StringDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
	}

}
