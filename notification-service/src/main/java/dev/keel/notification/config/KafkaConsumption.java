package dev.keel.notification.config;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import dev.keel.events.Topics;
import dev.keel.support.events.EventDeadLetters;

/**
 * How the service's event listeners treat an event they fail on: three more tries a
 * second or so apart (a passing database hiccup), then the record goes to
 * {@code <topic>.dlt} as it was on the topic, with the exception in its headers, and the
 * partition moves on. A record that cannot be read as an event this version knows (not
 * JSON, not a CloudEvent, an unknown type) fails in the shared deserializer and goes
 * there without the tries, which could only fail the same way. A poison event never stops
 * the events behind it.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConsumption {

	@Bean
	CommonErrorHandler deadLetteringErrorHandler(EventDeadLetters deadLetters) {
		ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
		backOff.setMaxAttempts(3);
		return new DefaultErrorHandler(deadLetters, backOff);
	}

	@Bean
	NewTopic authEventsDeadLetters() {
		return TopicBuilder.name(Topics.AUTH_EVENTS + Topics.DEAD_LETTER_SUFFIX).partitions(1).build();
	}

	@Bean
	NewTopic dataEventsDeadLetters() {
		return TopicBuilder.name(Topics.DATA_EVENTS + Topics.DEAD_LETTER_SUFFIX).partitions(1).build();
	}

}
