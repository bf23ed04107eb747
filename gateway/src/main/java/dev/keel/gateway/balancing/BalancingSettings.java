package dev.keel.gateway.balancing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway balances over a service's instances.
 *
 * @param ejection how long an instance that refused a connection gets no requests (long
 * enough for discovery to drop a dead instance; {@code 0s} turns ejection off)
 */
@ConfigurationProperties("keel.gateway.balancing")
record BalancingSettings(@DefaultValue("10s") Duration ejection) {
}
