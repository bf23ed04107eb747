package dev.keel.support.outbox;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A tiny service with one aggregate, orders, whose changes publish events through the
 * outbox.
 */
@SpringBootApplication
class OutboxTestApplication {

	static final String TOPIC = "keel.test.orders";

	@Bean
	Orders orders(MongoTemplate mongo, Outbox outbox, @Value("${orders.topic:" + TOPIC + "}") String topic) {
		return new Orders(mongo, outbox, topic);
	}

	@Bean
	SimpleMeterRegistry meterRegistry() {
		return new SimpleMeterRegistry();
	}

}
