package dev.keel.support.outbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox relay works.
 *
 * @param enabled whether the relay runs at all
 * @param collections collections whose documents carry outboxes, watched from the start;
 * collections created at run time are learnt from the writes and from scans of the
 * database
 * @param source the CloudEvents {@code source} of the service's events; by default
 * {@code /keel/} and {@code spring.application.name}
 * @param pollInterval how often the relay scans for entries when nobody woke it; entries
 * written by another instance (or without handing their document's id to
 * {@link OutboxRelay#wakeUp(String, Object)}) wait about this long, or up to ten times it
 * while this instance's own writes keep the relay busy
 * @param batchSize how many documents one round claims per collection, and publishes
 * concurrently
 * @param lease how long a relay instance may work on a document before another may take
 * it over; also how long entries wait after a relay crashed while holding them
 * @param sendTimeout how long one Kafka send may take, waiting for metadata and for the
 * broker's acknowledgement; the relay's producer gives up on a record after this, so a
 * send it reports failed is not delivered later behind its back
 * @param initialBackoff the pause after the first failed round
 * @param maxBackoff the longest pause between failed rounds; pauses double up to it
 * @param scanInterval how often the relay scans the database's collection names for
 * outboxes it does not know (written by other instances) and forgets dropped collections;
 * it also scans when it starts, to find entries left from before a restart
 */
@ConfigurationProperties("keel.outbox")
public record OutboxProperties(@DefaultValue("true") boolean enabled, List<String> collections, String source,
		@DefaultValue("500ms") Duration pollInterval, @DefaultValue("100") int batchSize,
		@DefaultValue("30s") Duration lease, @DefaultValue("10s") Duration sendTimeout,
		@DefaultValue("100ms") Duration initialBackoff, @DefaultValue("5s") Duration maxBackoff,
		@DefaultValue("1m") Duration scanInterval) {

	public OutboxProperties {
		collections = (collections != null) ? List.copyOf(collections) : List.of();
		if (batchSize < 1) {
			throw new IllegalArgumentException("keel.outbox.batch-size must be at least 1");
		}
		if (lease.compareTo(sendTimeout.multipliedBy(3)) < 0) {
			throw new IllegalArgumentException(
					"keel.outbox.lease must be at least three times keel.outbox.send-timeout, so that a send"
							+ " never outlives the lease of the relay that made it");
		}
	}

}
