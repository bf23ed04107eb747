package dev.keel.notification.stream;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The live stream's settings, under {@code keel.notification.stream}.
 *
 * @param topic the internal topic that carries new items to every instance
 * @param partitions its partitions when this service creates it
 * @param heartbeat how often a comment is sent, so that proxies and clients see the
 * connection alive (the API promises at most 20 s)
 * @param retry how long {@code EventSource} waits before it reconnects
 * @param maxAge how long a stream stays open before the server closes it, so that
 * reconnecting clients spread over the instances again
 * @param maxConnectionsPerUser the most streams one user holds on an instance; a new one
 * closes the oldest
 * @param buffer the most items a stream may fall behind before it is closed
 */
@ConfigurationProperties("keel.notification.stream")
record StreamProperties(@DefaultValue("keel.notification.stream") String topic, @DefaultValue("3") int partitions,
		@DefaultValue("15s") Duration heartbeat, @DefaultValue("3s") Duration retry,
		@DefaultValue("30m") Duration maxAge, @DefaultValue("10") int maxConnectionsPerUser,
		@DefaultValue("256") int buffer) {

}
