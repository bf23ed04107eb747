package dev.keel.data.collection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import dev.keel.data.config.DataProperties;

import dev.keel.support.events.ChangesPosition;

/**
 * The per-instance copy of collection definitions and the listener that keeps it current.
 * The listener's container commits nothing (each instance's group lives as long as the
 * instance), skips a record it cannot handle, and is not observed: it sees every document
 * event, and tracing each would cost more than what it does with them.
 */
@Configuration(proxyBeanMethods = false)
class CollectionChangesConfiguration {

	static final String CONTAINER_FACTORY = "collectionChangesContainerFactory";

	private static final Logger log = LoggerFactory.getLogger(CollectionChangesConfiguration.class);

	@Bean
	Definitions collectionDefinitions(DataProperties properties) {
		return new Definitions(properties.definitions().timeToLive());
	}

	@Bean
	CollectionChanges collectionChanges(Definitions definitions) {
		return new CollectionChanges(definitions);
	}

	@Bean(CONTAINER_FACTORY)
	ConcurrentKafkaListenerContainerFactory<Object, Object> collectionChangesContainerFactory(
			ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
			Definitions definitions) {
		ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
		configurer.configure(factory, consumers);
		factory.setCommonErrorHandler(new DefaultErrorHandler(
				(record, ex) -> log.warn("Skipped a record on the data events topic: {}", ex.getMessage()),
				new FixedBackOff(0L, 0L)));
		factory.getContainerProperties().setAckMode(AckMode.MANUAL);
		factory.getContainerProperties().setObservationEnabled(false);
		factory.getContainerProperties().setConsumerRebalanceListener(new ChangesPosition(definitions));
		return factory;
	}

}
