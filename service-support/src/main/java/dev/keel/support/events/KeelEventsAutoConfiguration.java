package dev.keel.support.events;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * The listener container factory for integration events,
 * {@value #LISTENER_CONTAINER_FACTORY}: Boot's consumer settings, error handler and
 * observation, with the record values read by {@link IntegrationEventDeserializer} behind
 * an {@link ErrorHandlingDeserializer}. Boot's own consumer factory and default container
 * factory are left as they are, for consumers of other records.
 * <p>
 * The deserializers are named by class rather than passed as instances, so that Kafka
 * configures them with each listener's own consumer properties (see
 * {@link IntegrationEventDeserializer} for the one it reads).
 * <p>
 * Also {@link EventDeadLetters}, the recoverer a service's error handler gives the
 * records up to, which publishes their original bytes to {@code <topic>.dlt}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(ConcurrentKafkaListenerContainerFactory.class)
@ConditionalOnBean({ ConsumerFactory.class, ConcurrentKafkaListenerContainerFactoryConfigurer.class })
public class KeelEventsAutoConfiguration {

	/** The name of the listener container factory that reads integration events. */
	public static final String LISTENER_CONTAINER_FACTORY = "integrationEventListenerContainerFactory";

	@Bean(LISTENER_CONTAINER_FACTORY)
	@ConditionalOnMissingBean(name = LISTENER_CONTAINER_FACTORY)
	ConcurrentKafkaListenerContainerFactory<Object, Object> integrationEventListenerContainerFactory(
			ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers) {
		ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
		configurer.configure(factory, integrationEvents(consumers));
		return factory;
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(ProducerFactory.class)
	EventDeadLetters integrationEventDeadLetters(ProducerFactory<?, ?> producers) {
		return new EventDeadLetters(producers);
	}

	private static ConsumerFactory<Object, Object> integrationEvents(ConsumerFactory<Object, Object> consumers) {
		Map<String, Object> configs = new HashMap<>(consumers.getConfigurationProperties());
		configs.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
		configs.put(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, IntegrationEventDeserializer.class);
		DefaultKafkaConsumerFactory<Object, Object> events = new DefaultKafkaConsumerFactory<>(configs);
		consumers.getListeners().forEach(events::addListener);
		consumers.getPostProcessors().forEach(events::addPostProcessor);
		return events;
	}

}
