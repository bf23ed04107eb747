package dev.keel.auth.user;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.keel.auth.audit.AuditAction;
import dev.keel.auth.audit.AuditFact;
import dev.keel.auth.audit.AuditLog;

/** Keeps the facts recorded, for tests of one service without the audit collection. */
class RecordingAuditLog implements AuditLog {

	final List<AuditFact> facts = new CopyOnWriteArrayList<>();

	@Override
	public void record(AuditFact fact) {
		this.facts.add(fact);
	}

	@Override
	public void recordByCaller(AuditAction action, String subject) {
		this.facts.add(AuditFact.done(action, null, subject));
	}

}
