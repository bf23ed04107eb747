package dev.keel.data.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of data-service under {@code keel.data}.
 *
 * @param events where the service publishes its integration events
 * @param query how queries are bounded
 */
@ConfigurationProperties("keel.data")
public record DataProperties(@DefaultValue Events events, @DefaultValue Query query) {

	/**
	 * @param topic the Kafka topic
	 * @param partitions partitions created when the topic does not exist yet; events of
	 * one aggregate share a key, so they keep their order whatever the count
	 */
	public record Events(@DefaultValue("keel.data.events") String topic, @DefaultValue("3") int partitions) {
	}

	/**
	 * @param timeLimit how long a query or count may run before it is stopped with 400
	 * {@code query_too_expensive}
	 */
	public record Query(@DefaultValue("2s") Duration timeLimit) {
	}

}
