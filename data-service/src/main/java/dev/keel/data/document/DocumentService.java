package dev.keel.data.document;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import dev.keel.data.collection.CollectionDefinition;
import dev.keel.data.collection.CollectionService;
import dev.keel.data.document.DocumentOutcome.Deleted;
import dev.keel.data.document.DocumentOutcome.Reason;
import dev.keel.data.document.DocumentOutcome.Rejected;
import dev.keel.data.document.DocumentOutcome.Written;
import dev.keel.data.document.Documents.DuplicateValuesException;
import dev.keel.data.document.Documents.RefusedDocumentException;
import dev.keel.data.query.DocumentQueries;
import dev.keel.data.query.FieldTypes;
import dev.keel.data.query.Page;
import dev.keel.data.query.QueryRejectedException;
import dev.keel.data.query.QueryRequest;
import dev.keel.events.data.DocumentEvent;
import dev.keel.support.security.CurrentCaller;
import dev.keel.support.web.Problems.FieldProblem;

/**
 * Reads, queries, changes and deletes documents under their collection's schema and
 * access rules. Each change is a single-document write conditional on the version read,
 * carrying its event, so the change and its event exist together or not at all; a lost
 * race is retried, unless the client's {@code If-Match} pinned the version.
 */
@Service
class DocumentService {

	private static final int ATTEMPTS = 5;

	private final CollectionService collections;

	private final Documents documents;

	private final DocumentEvents events;

	private final DocumentQueries queries;

	DocumentService(CollectionService collections, Documents documents, DocumentEvents events,
			DocumentQueries queries) {
		this.collections = collections;
		this.documents = documents;
		this.events = events;
		this.queries = queries;
	}

	DocumentOutcome get(String collection, String id, Optional<CurrentCaller> caller) {
		CollectionDefinition definition = this.collections.require(collection);
		DocumentScope scope = DocumentAccess.scope(definition.access().read(), caller);
		StoredDocument found = this.documents.find(definition.storage(), id, scope);
		return (found != null) ? new Written(found, false, true) : Rejected.notFound(id);
	}

	/**
	 * A page of the documents the caller may read that match the query.
	 * @throws QueryRejectedException if the query is invalid or too expensive
	 */
	Page query(String collection, QueryRequest request, Optional<CurrentCaller> caller) {
		CollectionDefinition definition = this.collections.require(collection);
		DocumentScope scope = DocumentAccess.scope(definition.access().read(), caller);
		return this.queries.find(this.documents.storage(definition.storage()), scope.filter(), request,
				types(definition));
	}

	/**
	 * How many documents the caller may read match the filter.
	 * @throws QueryRejectedException if the filter is invalid or too expensive
	 */
	long count(String collection, String filter, Optional<CurrentCaller> caller) {
		CollectionDefinition definition = this.collections.require(collection);
		DocumentScope scope = DocumentAccess.scope(definition.access().read(), caller);
		return this.queries.count(this.documents.storage(definition.storage()), scope.filter(), filter,
				types(definition));
	}

	DocumentOutcome replace(String collection, String id, JsonNode body, Precondition precondition,
			Optional<CurrentCaller> caller) {
		CollectionDefinition definition = this.collections.require(collection);
		Optional<Rejected> invalid = DocumentValidation.check(definition, body);
		if (invalid.isPresent()) {
			return invalid.get();
		}
		return change(definition, id, precondition, caller, (current) -> (ObjectNode) body, null);
	}

	DocumentOutcome patch(String collection, String id, JsonNode patch, Precondition precondition,
			Optional<CurrentCaller> caller) {
		CollectionDefinition definition = this.collections.require(collection);
		List<FieldProblem> problems = UserFields.check(patch);
		if (!problems.isEmpty()) {
			return Rejected.invalidDocument(problems);
		}
		return change(definition, id, precondition, caller,
				(current) -> MergePatch.apply(current.fields(), (ObjectNode) patch), Set.copyOf(patch.propertyNames()));
	}

	DocumentOutcome delete(String collection, String id, Precondition precondition, Optional<CurrentCaller> caller) {
		CollectionDefinition definition = this.collections.require(collection);
		DocumentScope scope = DocumentAccess.scope(definition.access().delete(), caller);
		String actor = caller.map(CurrentCaller::subject).orElse(null);
		return conditionally(definition, id, scope, precondition, (current) -> {
			// The tombstone keeps only system fields, so it holds no unique values while
			// its event waits for Kafka.
			Update update = new Update();
			current.fields().propertyNames().forEach(update::unset);
			return written(() -> this.documents.delete(definition.storage(), current.id(), current.version(), update,
					this.events.deleted(definition, current, actor)), new Deleted());
		});
	}

	/**
	 * Changes the document's user fields.
	 * @param sent the top-level fields the request names, or {@code null} when it names
	 * all of them (a replacement): a caller who may not read the document is told of
	 * schema violations only in these
	 */
	private DocumentOutcome change(CollectionDefinition definition, String id, Precondition precondition,
			Optional<CurrentCaller> caller, Function<StoredDocument, ObjectNode> changeOf, Set<String> sent) {
		DocumentScope scope = DocumentAccess.scope(definition.access().update(), caller);
		String actor = caller.map(CurrentCaller::subject).orElse(null);
		return conditionally(definition, id, scope, precondition, (current) -> {
			boolean readable = DocumentAccess.mayRead(definition.access().read(), caller, current.owner());
			ObjectNode fields = changeOf.apply(current);
			if (DocumentSize.exceedsLimit(fields)) {
				return Optional.of(Rejected.tooLarge());
			}
			Optional<Rejected> violated = DocumentValidation.schema(definition, fields);
			if (violated.isPresent()) {
				return (readable || sent == null) ? violated : violated.map((rejected) -> rejected.onlyIn(sent));
			}
			List<String> changed = current.changedFields(fields);
			if (changed.isEmpty()) {
				return Optional.of(new Written(current, false, readable));
			}
			StoredDocument next = current.changedTo(fields, Instant.now().truncatedTo(ChronoUnit.MILLIS));
			DocumentEvent event = this.events.updated(definition, next, changed, actor);
			return written(() -> this.documents.update(definition.storage(), current.id(), current.version(),
					next.updateOf(changed), event), new Written(next, false, readable));
		});
	}

	/**
	 * Reads the document, checks the precondition and tries the write; a write that lost
	 * a race (empty) is tried again on a fresh read, unless {@code If-Match} was given.
	 */
	private DocumentOutcome conditionally(CollectionDefinition definition, String id, DocumentScope scope,
			Precondition precondition, Function<StoredDocument, Optional<? extends DocumentOutcome>> write) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			StoredDocument current = this.documents.find(definition.storage(), id, scope);
			if (current == null) {
				return Rejected.notFound(id);
			}
			if (!precondition.matches(current.version())) {
				return Rejected.versionConflict();
			}
			Optional<? extends DocumentOutcome> outcome = write.apply(current);
			if (outcome.isPresent()) {
				return outcome.get();
			}
			if (precondition.isPresent()) {
				return Rejected.versionConflict();
			}
		}
		return new Rejected(Reason.CONFLICT, "conflict",
				"The document is being changed by other requests right now; try again.", List.of());
	}

	/**
	 * Makes a write that applies only if the document is still at the version read; empty
	 * when it lost a race.
	 */
	private static Optional<DocumentOutcome> written(BooleanSupplier write, DocumentOutcome success) {
		try {
			if (!write.getAsBoolean()) {
				return Optional.empty();
			}
		}
		catch (DuplicateValuesException ex) {
			return Optional.of(Rejected.duplicate(ex.getMessage()));
		}
		catch (RefusedDocumentException ex) {
			return Optional.of(Rejected.refused(ex));
		}
		return Optional.of(success);
	}

	private static FieldTypes types(CollectionDefinition definition) {
		return FieldTypes.fromSchema((definition.schema() != null) ? definition.schema().source() : null);
	}

}
