package dev.keel.gateway.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Keel's own gateway settings, under {@code keel.gateway}.
 *
 * @param retryAfter how long a client should wait before retrying when a service is
 * unavailable; sent as {@code Retry-After} in whole seconds
 */
@ConfigurationProperties("keel.gateway")
public record GatewaySettings(@DefaultValue("5s") Duration retryAfter) {

	/**
	 * The {@code Retry-After} header value: whole seconds, at least one.
	 * @return the delay in seconds
	 */
	public String retryAfterSeconds() {
		return Long.toString(Math.max(1, this.retryAfter.toSeconds()));
	}

}
