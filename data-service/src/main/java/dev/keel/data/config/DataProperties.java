package dev.keel.data.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of data-service under {@code keel.data}.
 *
 * @param events where the service publishes its integration events
 */
@ConfigurationProperties("keel.data")
public record DataProperties(@DefaultValue Events events) {

	/**
	 * @param topic the Kafka topic
	 * @param partitions partitions created when the topic does not exist yet; events of
	 * one aggregate share a key, so they keep their order whatever the count
	 */
	public record Events(@DefaultValue("keel.data.events") String topic, @DefaultValue("3") int partitions) {
	}

}
