package dev.keel.data.document;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;

import dev.keel.support.outbox.Outbox;

/**
 * The documents a request may see: live ones (not waiting for their deletion event), and
 * with the {@code owner} rule only the caller's own. As a filter for queries and counts,
 * and as a check of one document read by id — a lookup by {@code _id} alone is the only
 * one the embedded store answers from an index.
 *
 * @param owner the {@code _owner} every document must have, or {@code null} for any
 */
record DocumentScope(String owner) {

	static final DocumentScope EVERYTHING = new DocumentScope(null);

	Bson filter() {
		Bson live = Filters.ne(Outbox.DELETE_WHEN_DRAINED, true);
		return (this.owner != null) ? Filters.and(live, Filters.eq(StoredDocument.OWNER, this.owner)) : live;
	}

	boolean admits(Document stored) {
		return !Boolean.TRUE.equals(stored.get(Outbox.DELETE_WHEN_DRAINED))
				&& (this.owner == null || this.owner.equals(stored.getString(StoredDocument.OWNER)));
	}

}
