package dev.keel.support.outbox;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class KeelOutboxAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MongoAutoConfiguration.class, DataMongoAutoConfiguration.class,
				KafkaAutoConfiguration.class, KeelOutboxAutoConfiguration.class));

	@Test
	void servicesWithMongoAndKafkaGetARelay() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(OutboxRelay.class).hasSingleBean(Outbox.class));
	}

	@Test
	void servicesWithoutKafkaGetNone() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MongoAutoConfiguration.class, DataMongoAutoConfiguration.class,
					KeelOutboxAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(OutboxRelay.class));
	}

	@Test
	void relayDoesNotRunWithoutCollections() {
		this.runner.run((context) -> assertThat(context.getBean(OutboxRelay.class).isRunning()).isFalse());
	}

	@Test
	void eventsComeFromTheServiceNamedInTheirSource() {
		this.runner.withPropertyValues("spring.application.name=data-service")
			.run((context) -> assertThat(context.getBean(Outbox.class).source()).isEqualTo("/keel/data-service"));
		this.runner.withPropertyValues("spring.application.name=data-service", "keel.outbox.source=/acme/data")
			.run((context) -> assertThat(context.getBean(Outbox.class).source()).isEqualTo("/acme/data"));
	}

	@Test
	void relayDoesNotRunWhenDisabled() {
		this.runner.withPropertyValues("keel.outbox.collections=orders", "keel.outbox.enabled=false")
			.run((context) -> assertThat(context.getBean(OutboxRelay.class).isRunning()).isFalse());
	}

	@Test
	void refusesALeaseThatASendCouldOutlive() {
		this.runner.withPropertyValues("keel.outbox.lease=10s", "keel.outbox.send-timeout=5s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("keel.outbox.lease"));
	}

}
