package dev.keel.storage.config;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import dev.keel.events.Topics;

/**
 * Creates the topic file events go to ({@code keel.storage.events}, 3 partitions, keyed
 * {@code <bucket>/<objectId>}) when the broker does not have it yet. The replication
 * factor is left to the broker's default.
 */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

	static final int PARTITIONS = 3;

	@Bean
	NewTopic storageEventsTopic() {
		return TopicBuilder.name(Topics.STORAGE_EVENTS).partitions(PARTITIONS).build();
	}

}
