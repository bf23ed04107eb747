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

import dev.keel.data.config.DriverUpdates;
import dev.keel.support.outbox.Outbox;
import dev.keel.support.outbox.OutboxEntry;

/**
 * Documents in their collection's storage, through the driver's API: Spring Data's
 * mapping would turn the 24-hex string ids into ObjectIds and miss them. Every write is
 * one single-document operation that carries its event.
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

	Documents(MongoTemplate mongo, DriverUpdates updates) {
		this.mongo = mongo;
		this.updates = updates;
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
	boolean insert(String storage, StoredDocument document, OutboxEntry event) {
		try {
			storage(storage).insertOne(Outbox.attach(document.toBson(), event));
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
	 * Applies an update to the document if it is still at {@code version}.
	 * @return whether it was applied
	 * @throws DuplicateValuesException if the change collides with a unique index
	 */
	boolean update(String storage, String id, long version, Update update) {
		Bson unchanged = Filters.and(Filters.eq(StoredDocument.ID, id), Filters.eq(StoredDocument.VERSION, version),
				Filters.ne(Outbox.DELETE_WHEN_DRAINED, true));
		try {
			return storage(storage).updateOne(unchanged, this.updates.of(update)).getMatchedCount() == 1;
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
