package dev.keel.data.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of data-service under {@code keel.data}.
 *
 * @param events where the service publishes its integration events
 * @param definitions this instance's copy of the collection definitions
 */
@ConfigurationProperties("keel.data")
public record DataProperties(@DefaultValue Events events, @DefaultValue Definitions definitions) {

	/**
	 * @param topic the Kafka topic
	 * @param partitions partitions created when the topic does not exist yet; events of
	 * one aggregate share a key, so they keep their order whatever the count
	 */
	public record Events(@DefaultValue("keel.data.events") String topic, @DefaultValue("3") int partitions) {
	}

	/**
	 * @param timeToLive how long an instance keeps a definition it read at most; changes
	 * reach every instance through their events within milliseconds, so this only bounds
	 * how stale a definition can get when an event is missed (Kafka unreachable)
	 */
	public record Definitions(@DefaultValue("30s") Duration timeToLive) {
	}

}
