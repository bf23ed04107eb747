package dev.keel.support.mongo;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Client timeouts applied unless the connection string sets its own.
 *
 * @param serverSelectionTimeout how long an operation waits for a reachable server
 * @param connectTimeout how long opening a connection may take
 */
@ConfigurationProperties("keel.mongodb")
public record KeelMongoProperties(@DefaultValue("5s") Duration serverSelectionTimeout,
		@DefaultValue("5s") Duration connectTimeout) {
}
