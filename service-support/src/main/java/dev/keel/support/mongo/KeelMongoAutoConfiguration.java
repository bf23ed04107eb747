package dev.keel.support.mongo;

import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Applies {@link KeelMongoProperties} to the auto-configured client and replaces Boot's
 * MongoDB health indicator with {@link MongoPingHealthIndicator} (same name,
 * {@code mongo}).
 */
@AutoConfiguration(after = MongoAutoConfiguration.class, before = MongoHealthContributorAutoConfiguration.class)
@ConditionalOnClass({ MongoClientSettings.class, MongoClientSettingsBuilderCustomizer.class })
@EnableConfigurationProperties(KeelMongoProperties.class)
public class KeelMongoAutoConfiguration {

	@Bean
	@ConditionalOnBean(MongoConnectionDetails.class)
	MongoClientSettingsBuilderCustomizer keelMongoTimeouts(KeelMongoProperties properties,
			MongoConnectionDetails connection) {
		ConnectionString explicit = connection.getConnectionString();
		return (builder) -> {
			if (explicit.getServerSelectionTimeout() == null) {
				builder.applyToClusterSettings((cluster) -> cluster
					.serverSelectionTimeout(properties.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS));
			}
			if (explicit.getConnectTimeout() == null) {
				builder.applyToSocketSettings((socket) -> socket
					.connectTimeout((int) properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS));
			}
		};
	}

	@Bean
	@ConditionalOnBean(MongoClient.class)
	@ConditionalOnClass(HealthIndicator.class)
	HealthIndicator mongoHealthIndicator(MongoClient client) {
		return new MongoPingHealthIndicator(client);
	}

}
