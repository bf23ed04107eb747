package dev.keel.notification.stream;

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
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The internal stream topic and the listener container that reads it. Its records are
 * only worth something for a moment, so the topic keeps them an hour; a record that
 * cannot be handled is logged and skipped (no retries, no dead letters); and offsets are
 * never committed, since each instance's group lives only as long as the instance. The
 * records are not observed (no trace to continue: the fan-out's producer sends none).
 */
@Configuration(proxyBeanMethods = false)
class StreamKafkaConfiguration {

	private static final Logger log = LoggerFactory.getLogger(StreamKafkaConfiguration.class);

	private static final String RETENTION = String.valueOf(60 * 60 * 1000);

	@Bean
	NewTopic notificationStreamTopic(StreamProperties properties) {
		return TopicBuilder.name(properties.topic())
			.partitions(properties.partitions())
			.config(TopicConfig.RETENTION_MS_CONFIG, RETENTION)
			.build();
	}

	@Bean
	ConcurrentKafkaListenerContainerFactory<Object, Object> streamListenerContainerFactory(
			ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
			FanOutAssignment assignment) {
		ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
		configurer.configure(factory, consumers);
		factory.setCommonErrorHandler(new DefaultErrorHandler(
				(record, ex) -> log.warn("Skipped a stream record: {}", ex.getMessage()), new FixedBackOff(0L, 0L)));
		// Never acknowledged, so never committed.
		factory.getContainerProperties().setAckMode(AckMode.MANUAL);
		// Every instance reads every record, mostly to skip it; its producer sends no
		// trace
		// headers, so observing each record would only cost CPU.
		factory.getContainerProperties().setObservationEnabled(false);
		factory.getContainerProperties().setConsumerRebalanceListener(assignment.rebalanceListener());
		return factory;
	}

}
