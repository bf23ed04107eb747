package dev.keel.data.document;

import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.bson.conversions.Bson;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import dev.keel.data.config.DataProperties;
import dev.keel.data.config.DriverUpdates;
import dev.keel.events.data.DocumentDeleted;
import dev.keel.events.data.DocumentEvent;
import dev.keel.support.outbox.Outbox;

/**
 * Documents in their collection's storage, through the driver's API: Spring Data's
 * mapping would turn the 24-hex string ids into ObjectIds and miss them. Every write is
 * one single-document operation that carries its event; a successful one wakes the outbox
 * relay.
 */
@Repository
class Documents {

	/**
	 * Write errors about the document itself: a bad value, parallel arrays in a compound
	 * index, an index key or a document too large.
	 */
	private static final Set<Integer> REFUSED_DOCUMENT = Set.of(2, 171, 17280, 10334);

	private static final Bson WITHOUT_ENTRIES = Projections.exclude(Outbox.ENTRIES, Outbox.LEASE);

	private final MongoTemplate mongo;

	private final DriverUpdates updates;

	private final Outbox outbox;

	private final String topic;

	Documents(MongoTemplate mongo, DriverUpdates updates, Outbox outbox, DataProperties properties) {
		this.mongo = mongo;
		this.updates = updates;
		this.outbox = outbox;
		this.topic = properties.events().topic();
	}

	MongoCollection<Document> storage(String storage) {
		return this.mongo.getCollection(storage);
	}

	/**
	 * The document with the id, if it exists, is not being deleted and matches the
	 * caller's scope.
	 */
	StoredDocument find(String storage, String id, DocumentScope scope) {
		Document found = storage(storage).find(Filters.eq(StoredDocument.ID, id)).projection(WITHOUT_ENTRIES).first();
		return (found != null && scope.admits(found)) ? StoredDocument.of(found) : null;
	}

	/**
	 * Inserts a new document with its event.
	 * @return {@code false} if a unique index (or the id) already holds its values
	 */
	boolean insert(String storage, StoredDocument document, DocumentEvent event) {
		try {
			storage(storage).insertOne(this.outbox.attach(storage, document.toBson(), this.topic, event));
			this.outbox.wakeUp(storage, document.id());
			return true;
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
				return false;
			}
			throw refused(ex);
		}
	}

	/**
	 * Changes the document with its event if it is still at {@code version}.
	 * @return whether it was changed
	 * @throws DuplicateValuesException if the change collides with a unique index
	 */
	boolean update(String storage, String id, long version, Update update, DocumentEvent event) {
		return apply(storage, id, version, this.outbox.push(storage, update, this.topic, event));
	}

	/**
	 * Deletes the document with its event if it is still at {@code version}: it is gone
	 * for every reader at once, and removed once the event is out.
	 * @param update what else to change meanwhile, often to unset the user fields
	 * @return whether it was deleted
	 */
	boolean delete(String storage, String id, long version, Update update, DocumentDeleted event) {
		return apply(storage, id, version, this.outbox.deleteWhenDrained(storage, update, this.topic, event));
	}

	private boolean apply(String storage, String id, long version, Update update) {
		Bson unchanged = Filters.and(Filters.eq(StoredDocument.ID, id), Filters.eq(StoredDocument.VERSION, version),
				Filters.ne(Outbox.DELETE_WHEN_DRAINED, true));
		try {
			boolean applied = storage(storage).updateOne(unchanged, this.updates.of(update)).getMatchedCount() == 1;
			if (applied) {
				this.outbox.wakeUp(storage, id);
			}
			return applied;
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
				throw new DuplicateValuesException();
			}
			throw refused(ex);
		}
	}

	private static RuntimeException refused(MongoWriteException ex) {
		return REFUSED_DOCUMENT.contains(ex.getError().getCode())
				? new RefusedDocumentException(ex.getError().getMessage()) : ex;
	}

	/** The database refused the document for what it holds. */
	static final class RefusedDocumentException extends RuntimeException {

		RefusedDocumentException(String reason) {
			super("The database cannot store this document: " + reason);
		}

	}

	/** A write collided with a unique index. */
	static final class DuplicateValuesException extends RuntimeException {

		DuplicateValuesException() {
			super("Another document already has these values in a field that must be unique.");
		}

	}

}
