/**
 * The embedded transactional outbox that carries Keel's integration events to Kafka.
 * <p>
 * MongoDB has no multi-document transactions here (the embedded store has no sessions at
 * all), but a single-document write is atomic. So a service writes the event into the
 * changed document itself, as an element of its {@value Outbox#ENTRIES} array, in the
 * same write as the change: the event exists exactly when the change does. The
 * {@link OutboxRelay} then publishes pending entries in array order, waits for the
 * broker's acknowledgement and only then removes them. A crash between the publish and
 * the removal publishes again, so delivery is at least once and consumers deduplicate by
 * event id; a Kafka outage only makes entries wait, it never fails a write.
 * <p>
 * Services inject the {@link Outbox} bean and make one call per write
 * ({@code outbox.attach(collection, document, topic, event)}, or {@code push} for an
 * update), which builds the CloudEvents entry and tells the relay about the collection;
 * then {@link Outbox#wakeUp(String, Object)} with the written document's id, so the relay
 * claims it by id instead of searching for it ({@link Outbox#wakeUp()} when the write
 * does not know it). The relay learns its collections from those calls, from
 * {@code keel.outbox.collections}, and from scans of the database (at start, for entries
 * left before a restart, and every {@code scan-interval}), never by calling back into the
 * service. Everything is auto-configured when both a {@code MongoTemplate} and a
 * {@code KafkaTemplate} exist, and configured under {@code keel.outbox}
 * ({@link OutboxProperties}).
 */
package dev.keel.support.outbox;
