package dev.keel.auth.audit;

import org.bson.types.ObjectId;

import org.springframework.stereotype.Service;

import dev.keel.events.audit.AuditRecorded;

/**
 * The audit log as {@link AuditLog} in the {@code audit} collection: the entry gets the
 * request's origin and is written with its {@code keel.audit.recorded} event in one
 * insert.
 */
@Service
class StoredAuditLog implements AuditLog {

	private final AuditEntries entries;

	StoredAuditLog(AuditEntries entries) {
		this.entries = entries;
	}

	@Override
	public void record(AuditFact fact) {
		write(fact, RequestOrigin.current());
	}

	@Override
	public void recordByCaller(AuditAction action, String subject) {
		RequestOrigin origin = RequestOrigin.current();
		write(AuditFact.done(action, origin.caller(), subject), origin);
	}

	private void write(AuditFact fact, RequestOrigin origin) {
		String method = (fact.method() != null) ? fact.method().value() : null;
		this.entries.insert(AuditRecorded.of(new ObjectId().toHexString(), fact.actor(), fact.subject(),
				fact.action().value(), fact.success() ? "success" : "failure", method, origin.ip(), origin.userAgent(),
				origin.requestId()));
	}

}
