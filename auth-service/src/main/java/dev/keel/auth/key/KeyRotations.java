package dev.keel.auth.key;

import org.springframework.stereotype.Service;

import dev.keel.auth.audit.AuditAction;
import dev.keel.auth.audit.AuditFact;
import dev.keel.auth.audit.AuditLog;

/**
 * Rotations of the signing key, on an admin's command or on schedule, each recorded in
 * the audit log with the new key's id as its subject.
 */
@Service
class KeyRotations {

	private final SigningKeys keys;

	private final AuditLog audit;

	KeyRotations(SigningKeys keys, AuditLog audit) {
		this.keys = keys;
		this.audit = audit;
	}

	/** Rotates now, for the calling admin. */
	StoredSigningKey rotate() {
		StoredSigningKey key = this.keys.rotate();
		this.audit.recordByCaller(AuditAction.KEY_ROTATED, key.id());
		return key;
	}

	/** Rotates if the active key is due, by no one but the schedule. */
	void rotateIfDue() {
		if (this.keys.rotateIfDue()) {
			this.audit.record(AuditFact.done(AuditAction.KEY_ROTATED, null, this.keys.active().kid()));
		}
	}

}
