package dev.keel.data.config;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Creates the topic this service publishes to when the broker does not have it yet. The
 * replication factor is left to the broker's default, so the same code serves a one-node
 * laptop broker and a replicated production cluster.
 */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

	@Bean
	NewTopic dataEventsTopic(DataProperties properties) {
		return TopicBuilder.name(properties.events().topic()).partitions(properties.events().partitions()).build();
	}

}
