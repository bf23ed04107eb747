package dev.keel.notification.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How webhooks are delivered, under {@code keel.notification.webhooks}.
 *
 * @param retrySchedule the pause after each failed attempt, in order; after the attempt
 * that has no entry left the delivery is dead
 * @param jitter how much each pause varies at random, as a fraction (0.2 = ±20 %), so
 * that receivers coming back from an outage are not hit by every retry at once
 * @param timeout how long a receiver has to connect and answer
 * @param pollInterval how often due deliveries are looked for when no new one arrived
 * @param allowPrivateTargets whether URLs may resolve to loopback, link-local, private or
 * other internal addresses; {@code false} in production
 * @param maxInFlight the most deliveries one instance sends at once
 * @param maxInFlightPerWebhook the most deliveries one instance sends to one webhook at
 * once, so that a slow receiver cannot take every slot
 */
@ConfigurationProperties("keel.notification.webhooks")
record WebhookProperties(@DefaultValue( {
		"5s", "30s", "2m", "10m", "1h", "6h", "24h" }) List<Duration> retrySchedule, @DefaultValue("0.2") double jitter,
		@DefaultValue("10s") Duration timeout, @DefaultValue("1s") Duration pollInterval,
		@DefaultValue("false") boolean allowPrivateTargets, @DefaultValue("64") int maxInFlight,
		@DefaultValue("4") int maxInFlightPerWebhook){

	WebhookProperties {
		retrySchedule = List.copyOf(retrySchedule);
		if (maxInFlight < 1 || maxInFlightPerWebhook < 1) {
			throw new IllegalArgumentException("max-in-flight and max-in-flight-per-webhook must be at least 1");
		}
		if (timeout.isNegative() || timeout.isZero() || pollInterval.isNegative() || pollInterval.isZero()) {
			throw new IllegalArgumentException("timeout and poll-interval must be positive");
		}
	}

	/**
	 * How long a worker holds a delivery it is sending before another may take it over:
	 * longer than any attempt can last (connect and answer are each bounded by
	 * {@link #timeout()}).
	 */
	Duration lease() {
		return this.timeout.multipliedBy(2).plusSeconds(30);
	}

}
