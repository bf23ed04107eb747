package dev.keel.notification.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import dev.keel.events.Topics;

/**
 * How the service's listeners treat an event they fail on: three more tries a second or
 * so apart (a passing database hiccup), then the record goes to {@code <topic>.dlt} with
 * the exception in its headers, and the partition moves on. A poison event never stops
 * the events behind it.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConsumption {

	@Bean
	CommonErrorHandler deadLetteringErrorHandler(KafkaTemplate<Object, Object> template) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX, -1));
		ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
		backOff.setMaxAttempts(3);
		return new DefaultErrorHandler(recoverer, backOff);
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
