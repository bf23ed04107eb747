package dev.keel.notification.subscription;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of subscriptions, under {@code keel.notification.subscriptions}.
 *
 * @param changesTopic the internal topic on which every instance hears of subscriptions
 * created or removed on any instance
 * @param cacheTimeToLive the longest an instance keeps the subscriptions of a collection
 * it read; changes reach every instance through the changes topic within milliseconds, so
 * this only bounds how long a missed change (Kafka unreachable) is missed
 */
@ConfigurationProperties("keel.notification.subscriptions")
record SubscriptionProperties(@DefaultValue("keel.notification.subscriptions") String changesTopic,
		@DefaultValue("10s") Duration cacheTimeToLive) {

}
