package dev.keel.auth.audit;

import java.time.Clock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes audit entries past {@code KEEL_AUDIT_RETENTION}. Real MongoDB does it with the
 * TTL index too; the embedded store ignores TTL indexes, so there only this keeps the log
 * bounded. On MongoDB each run is one indexed delete that usually finds nothing.
 */
@Component
class AuditJanitor {

	private final AuditEntries entries;

	private final Clock clock = Clock.systemUTC();

	AuditJanitor(AuditEntries entries) {
		this.entries = entries;
	}

	@Scheduled(initialDelayString = "${keel.auth.audit.janitor-interval:1h}",
			fixedDelayString = "${keel.auth.audit.janitor-interval:1h}")
	void removeExpired() {
		this.entries.removeExpired(this.clock.instant());
	}

}
