package dev.keel.auth.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of auth-service under {@code keel.auth}.
 *
 * @param events where the service publishes its integration events
 */
@ConfigurationProperties("keel.auth")
public record AuthProperties(@DefaultValue Events events) {

	/**
	 * @param topic the Kafka topic
	 * @param partitions partitions created when the topic does not exist yet; events of
	 * one aggregate share a key, so they keep their order whatever the count
	 */
	public record Events(@DefaultValue("keel.auth.events") String topic, @DefaultValue("3") int partitions) {
	}

}
