package dev.keel.support.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.tracing.Tracer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Sets up the {@link Outbox} and its {@link OutboxRelay} in services that have both
 * MongoDB and Kafka. The beans exist whenever they do, so services can always inject the
 * outbox; the relay only runs with {@code keel.outbox.enabled} (the default) and once it
 * has a collection: one in {@code keel.outbox.collections}, or the first a write attaches
 * entries to.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
		"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration" })
@ConditionalOnClass({ MongoTemplate.class, KafkaTemplate.class })
@ConditionalOnBean({ MongoTemplate.class, KafkaTemplate.class, ProducerFactory.class })
@EnableConfigurationProperties(OutboxProperties.class)
public class KeelOutboxAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	OutboxRelay keelOutboxRelay(MongoTemplate mongo, ProducerFactory<?, ?> producerFactory, OutboxProperties properties,
			ObjectProvider<MeterRegistry> meterRegistry) {
		OutboxPublisher publisher = new OutboxPublisher(producerFactory, properties.sendTimeout());
		OutboxMetrics metrics = new OutboxMetrics(meterRegistry.getIfAvailable(CompositeMeterRegistry::new));
		return new OutboxRelay(mongo, publisher, metrics, properties);
	}

	@Bean
	@ConditionalOnMissingBean
	Outbox keelOutbox(OutboxRelay relay, OutboxProperties properties, Environment environment,
			ObjectProvider<Tracer> tracer) {
		String source = (properties.source() != null) ? properties.source()
				: "/keel/" + environment.getProperty("spring.application.name", "application");
		return new Outbox(source, relay, tracer);
	}

}
