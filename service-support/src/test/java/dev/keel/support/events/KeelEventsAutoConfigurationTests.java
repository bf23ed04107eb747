package dev.keel.support.events;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

import static org.assertj.core.api.Assertions.assertThat;

class KeelEventsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, KeelEventsAutoConfiguration.class));

	@Test
	void integrationEventListenersReadThroughTheDeserializerBehindTheErrorHandlingOne() {
		this.runner.withPropertyValues("spring.kafka.bootstrap-servers=broker:9092").run((context) -> {
			ConcurrentKafkaListenerContainerFactory<?, ?> factory = context.getBean(
					KeelEventsAutoConfiguration.LISTENER_CONTAINER_FACTORY,
					ConcurrentKafkaListenerContainerFactory.class);

			assertThat(factory.getConsumerFactory().getConfigurationProperties())
				.containsEntry(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class)
				.containsEntry(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, IntegrationEventDeserializer.class)
				.containsEntry(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, java.util.List.of("broker:9092"));
		});
	}

	@Test
	void bootsOwnConsumersStillReadStrings() {
		this.runner.run((context) -> assertThat(context.getBean(ConsumerFactory.class)
			.getConfigurationProperties()
			.get(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG)).isNotEqualTo(ErrorHandlingDeserializer.class));
	}

	@Test
	void servicesWithoutKafkaGetNoFactory() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(KeelEventsAutoConfiguration.class))
			.run((context) -> assertThat(context)
				.doesNotHaveBean(KeelEventsAutoConfiguration.LISTENER_CONTAINER_FACTORY));
	}

}
