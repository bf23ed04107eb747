package dev.keel.auth.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the audit log under {@code keel.auth.audit}.
 *
 * @param retention how long an entry is kept
 * @param janitorInterval how often expired entries are removed where no TTL index does it
 * (the embedded store)
 */
@ConfigurationProperties("keel.auth.audit")
public record AuditProperties(@DefaultValue("365d") Duration retention, @DefaultValue("1h") Duration janitorInterval) {

	public AuditProperties {
		if (!retention.isPositive()) {
			throw new IllegalArgumentException("keel.auth.audit.retention (KEEL_AUDIT_RETENTION) must be positive");
		}
		if (!janitorInterval.isPositive()) {
			throw new IllegalArgumentException("keel.auth.audit.janitor-interval must be positive");
		}
	}

}
