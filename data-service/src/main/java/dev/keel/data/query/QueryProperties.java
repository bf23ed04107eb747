package dev.keel.data.query;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of queries under {@code keel.data.query}.
 *
 * @param timeLimit how long a query or count may run before it is stopped and answered
 * with {@code query_too_expensive}; it bounds what one request can cost the database
 */
@ConfigurationProperties("keel.data.query")
public record QueryProperties(@DefaultValue("2s") Duration timeLimit) {

	public QueryProperties {
		if (timeLimit == null || timeLimit.isNegative() || timeLimit.isZero()) {
			throw new IllegalArgumentException("keel.data.query.time-limit must be positive, was " + timeLimit);
		}
	}

}
