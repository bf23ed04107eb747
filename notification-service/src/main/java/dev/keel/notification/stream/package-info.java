/**
 * The live stream: each user's new inbox items as Server-Sent Events on
 * {@code GET /api/notifications/stream}, with heartbeats and a gap-free replay after
 * {@code Last-Event-ID}. Signed in by the bearer header or by a one-time ticket from
 * {@code POST /api/notifications/stream-ticket}, for browsers' {@code EventSource}.
 * <p>
 * Each instance holds its own connections
 * ({@link dev.keel.notification.stream.StreamHub}). An item stored on one instance goes
 * to that instance's connections at once and, through an internal Kafka topic that every
 * instance reads in a consumer group of its own, to the connections held by the others.
 * The inbox is the source of truth: whatever the topic loses, a reconnecting client gets
 * back by {@code Last-Event-ID}.
 */
package dev.keel.notification.stream;
