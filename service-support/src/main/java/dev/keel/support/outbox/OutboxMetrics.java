package dev.keel.support.outbox;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What an operator watches: {@code keel.outbox.published} climbs while events flow,
 * {@code keel.outbox.failures} climbs while Kafka refuses them, and
 * {@code keel.outbox.lag} shows how long events waited between the write and the broker's
 * acknowledgement.
 */
final class OutboxMetrics {

	private final MeterRegistry registry;

	OutboxMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void published(String collection, OutboxEntry entry) {
		Counter.builder("keel.outbox.published")
			.description("Events the outbox relay published")
			.tag("collection", collection)
			.tag("topic", entry.topic())
			.register(this.registry)
			.increment();
		Timer.builder("keel.outbox.lag")
			.description("Time from writing an event to its acknowledgement by Kafka")
			.tag("collection", collection)
			.register(this.registry)
			.record(Duration.between(entry.createdAt(), Instant.now()));
	}

	void failed(String collection) {
		Counter.builder("keel.outbox.failures")
			.description("Attempts to publish an outbox entry that Kafka did not acknowledge")
			.tag("collection", collection)
			.register(this.registry)
			.increment();
	}

}
