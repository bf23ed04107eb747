package dev.keel.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * data-service's events as a plain consumer reads them, for the timestamps of
 * {@code keel bench events}' per-hop split: each created document of one collection is
 * noted with its CloudEvent {@code time} (when data-service wrote it), the record's
 * timestamp (when the outbox relay handed it to the producer) and the moment this
 * consumer had it. It reads every partition from the end, in no group, committing
 * nothing.
 */
final class EventTap implements AutoCloseable {

	static final String TOPIC = "keel.data.events";

	static final String CREATED = "keel.document.created";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final KafkaConsumer<String, String> consumer;

	private final String collection;

	private final Map<String, Published> published = new ConcurrentHashMap<>();

	private final Thread reader;

	private EventTap(KafkaConsumer<String, String> consumer, String collection) {
		this.consumer = consumer;
		this.collection = collection;
		this.reader = Thread.ofVirtual().name("keel-bench-event-tap").start(this::read);
	}

	/**
	 * Starts reading at the current end of the topic, so that everything written after
	 * this returns is seen.
	 * @param bootstrapServers Kafka's bootstrap servers
	 * @param collection the collection whose created documents are noted
	 * @return the tap
	 */
	static EventTap open(String bootstrapServers, String collection) {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, "keel-bench-event-tap");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
		KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer());
		try {
			List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(10))
				.stream()
				.map((partition) -> new TopicPartition(TOPIC, partition.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToEnd(partitions);
			partitions.forEach(consumer::position);
		}
		catch (KafkaException ex) {
			consumer.close(Duration.ZERO);
			throw ex;
		}
		return new EventTap(consumer, collection);
	}

	/** What this tap saw, by document id. */
	Map<String, Published> published() {
		return Map.copyOf(this.published);
	}

	private void read() {
		try {
			while (!Thread.currentThread().isInterrupted()) {
				for (ConsumerRecord<String, String> record : this.consumer.poll(Duration.ofSeconds(1))) {
					note(record, Instant.now());
				}
			}
		}
		catch (WakeupException ex) {
			// Closed.
		}
		finally {
			this.consumer.close(Duration.ZERO);
		}
	}

	void note(ConsumerRecord<String, String> record, Instant consumed) {
		Published event = published(record.value(), this.collection, Instant.ofEpochMilli(record.timestamp()),
				consumed);
		if (event != null) {
			this.published.putIfAbsent(event.documentId(), event);
		}
	}

	/**
	 * The timestamps of an event about a document created in the collection, from a
	 * structured-mode CloudEvent; {@code null} for any other record.
	 */
	static Published published(String value, String collection, Instant recordTime, Instant consumed) {
		if (value == null) {
			return null;
		}
		try {
			JsonNode event = json.readTree(value);
			JsonNode data = event.path("data");
			if (!CREATED.equals(event.path("type").asString(null))
					|| !collection.equals(data.path("collection").asString(null))) {
				return null;
			}
			String documentId = data.path("documentId").asString(null);
			String time = event.path("time").asString(null);
			if (documentId == null || time == null) {
				return null;
			}
			return new Published(documentId, Instant.parse(time), recordTime, consumed);
		}
		catch (JacksonException | DateTimeParseException ex) {
			return null;
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.consumer.wakeup();
		this.reader.join(Duration.ofSeconds(5));
	}

	/**
	 * One created document's event.
	 *
	 * @param documentId the document
	 * @param written the event's {@code time}: when data-service wrote the document
	 * @param published the record's timestamp: when the outbox relay sent it
	 * @param consumed when this consumer had it
	 */
	record Published(String documentId, Instant written, Instant published, Instant consumed) {

	}

}
