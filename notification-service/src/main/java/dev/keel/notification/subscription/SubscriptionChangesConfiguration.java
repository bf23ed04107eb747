package dev.keel.notification.subscription;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import dev.keel.support.events.ChangesPosition;

/**
 * The per-instance copy of subscriptions, the changes topic and the listener container
 * that reads it. Its records are only worth something for a moment, so the topic keeps
 * them an hour and has one partition (changes are rare); the container commits nothing
 * (each instance's group lives as long as the instance), skips a record it cannot handle,
 * and switches the copy on once it is positioned at the end of the topic (from then on no
 * change can be missed), and off, forgetting everything, when it loses the partition.
 */
@Configuration(proxyBeanMethods = false)
class SubscriptionChangesConfiguration {

	static final String CONTAINER_FACTORY = "subscriptionChangesContainerFactory";

	private static final Logger log = LoggerFactory.getLogger(SubscriptionChangesConfiguration.class);

	private static final String RETENTION = String.valueOf(60 * 60 * 1000);

	@Bean
	SubscriptionCache subscriptionCache(SubscriptionProperties properties) {
		return new SubscriptionCache(properties.cacheTimeToLive());
	}

	@Bean
	SubscriptionChanges subscriptionChanges(SubscriptionCache cache, SubscriptionProperties properties,
			ProducerFactory<String, String> producers) {
		return new SubscriptionChanges(cache, properties, producers);
	}

	@Bean
	NewTopic subscriptionChangesTopic(SubscriptionProperties properties) {
		return TopicBuilder.name(properties.changesTopic())
			.partitions(1)
			.config(TopicConfig.RETENTION_MS_CONFIG, RETENTION)
			.build();
	}

	@Bean(CONTAINER_FACTORY)
	ConcurrentKafkaListenerContainerFactory<Object, Object> subscriptionChangesContainerFactory(
			ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
			SubscriptionCache cache) {
		ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
		configurer.configure(factory, consumers);
		factory.setCommonErrorHandler(new DefaultErrorHandler(
				(record, ex) -> log.warn("Skipped a subscription change record: {}", ex.getMessage()),
				new FixedBackOff(0L, 0L)));
		// Never acknowledged, so never committed.
		factory.getContainerProperties().setAckMode(AckMode.MANUAL);
		factory.getContainerProperties().setObservationEnabled(false);
		factory.getContainerProperties().setConsumerRebalanceListener(new ChangesPosition(cache));
		return factory;
	}

}
