package dev.keel.support.outbox;

import java.time.Instant;
import java.util.List;

import org.bson.Document;

/**
 * A document that a relay instance has claimed, with the entries it held at that moment.
 * Entries written after the claim stay in the document for the next round.
 *
 * @param id the document's {@code _id}, of whatever type the service uses
 * @param entries the stored entries, in the order they must be published
 * @param deleteWhenDrained whether the document is to be deleted once drained
 * @param leaseUntil when the claim runs out
 */
record PendingDocument(Object id, List<Document> entries, boolean deleteWhenDrained, Instant leaseUntil) {

	static PendingDocument of(Document claimed, Instant leaseUntil) {
		return new PendingDocument(claimed.get("_id"), claimed.getList(Outbox.ENTRIES, Document.class, List.of()),
				claimed.getBoolean(Outbox.DELETE_WHEN_DRAINED, false), leaseUntil);
	}

}
