package dev.keel.data.document;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import dev.keel.data.collection.CollectionDefinition;
import dev.keel.data.collection.CollectionService;
import dev.keel.data.document.DocumentOutcome.Deleted;
import dev.keel.data.document.DocumentOutcome.Rejected;
import dev.keel.data.document.DocumentOutcome.Replayed;
import dev.keel.data.document.DocumentOutcome.Written;
import dev.keel.data.document.Documents.DuplicateValuesException;
import dev.keel.data.document.IdempotencyKeys.Claim;
import dev.keel.data.query.DocumentQueries;
import dev.keel.data.query.FieldTypes;
import dev.keel.data.query.Page;
import dev.keel.data.query.QueryRejectedException;
import dev.keel.data.query.QueryRequest;
import dev.keel.support.outbox.Outbox;
import dev.keel.support.outbox.OutboxRelay;
import dev.keel.support.security.CurrentCaller;
import dev.keel.support.web.Problems.FieldProblem;

/**
 * Creates, reads, changes and deletes documents under their collection's schema and
 * access rules. Each change is one conditional single-document write that carries its
 * event, so the change and its event exist together or not at all.
 */
@Service
class DocumentService {

	private static final int ATTEMPTS = 5;

	private final CollectionService collections;

	private final Documents documents;

	private final DocumentEvents events;

	private final IdempotencyKeys keys;

	private final OutboxRelay relay;

	private final JsonMapper json;

	private final DocumentQueries queries;

	DocumentService(CollectionService collections, Documents documents, DocumentEvents events, IdempotencyKeys keys,
			OutboxRelay relay, JsonMapper json, DocumentQueries queries) {
		this.queries = queries;
		this.collections = collections;
		this.documents = documents;
		this.events = events;
		this.keys = keys;
		this.relay = relay;
		this.json = json;
	}

	DocumentOutcome get(String collection, String id, Optional<CurrentCaller> caller) {
		CollectionDefinition definition = this.collections.require(collection);
		Bson scope = DocumentAccess.scope(definition.access().read(), caller);
		StoredDocument found = this.documents.find(definition.storage(), id, scope);
		return (found != null) ? new Written(found, false) : Rejected.notFound(id);
	}

	/**
	 * A page of the documents the caller may read that match the query.
	 * @throws QueryRejectedException if the query is invalid or too expensive
	 */
	Page query(String collection, QueryRequest request, Optional<CurrentCaller> caller) {
		CollectionDefinition definition = this.collections.require(collection);
		Bson scope = DocumentAccess.scope(definition.access().read(), caller);
		return this.queries.find(this.documents.storage(definition.storage()), scope, request, types(definition));
	}

	/**
	 * How many documents the caller may read match the filter.
	 * @throws QueryRejectedException if the filter is invalid or too expensive
	 */
	long count(String collection, String filter, Optional<CurrentCaller> caller) {
		CollectionDefinition definition = this.collections.require(collection);
		Bson scope = DocumentAccess.scope(definition.access().read(), caller);
		return this.queries.count(this.documents.storage(definition.storage()), scope, filter, types(definition));
	}

	private static FieldTypes types(CollectionDefinition definition) {
		return FieldTypes.fromSchema((definition.schema() != null) ? definition.schema().source() : null);
	}

	DocumentOutcome create(String collection, JsonNode body, String idempotencyKey, Optional<CurrentCaller> caller) {
		CollectionDefinition definition = this.collections.require(collection);
		DocumentAccess.scope(definition.access().create(), caller);
		Optional<Rejected> invalid = check(definition, body);
		if (invalid.isPresent()) {
			return invalid.get();
		}
		String id = new ObjectId().toHexString();
		Claim claim = null;
		if (idempotencyKey != null) {
			String scope = caller.map(CurrentCaller::subject).orElse("") + "\n" + collection;
			String bodyHash = IdempotencyKeys.hash(this.json.writeValueAsString(body));
			claim = this.keys.claim(scope, idempotencyKey, bodyHash, id);
			if (!claim.bodyHash().equals(bodyHash)) {
				return new Rejected(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency_key_reused",
						"This Idempotency-Key was used with a different body; use a new key for a new document.",
						List.of());
			}
			if (claim.response() != null) {
				return new Replayed((ObjectNode) this.json.readTree(claim.response()));
			}
			id = claim.documentId();
		}
		Instant now = now();
		String owner = caller.map(CurrentCaller::subject).orElse(null);
		StoredDocument document = new StoredDocument(id, owner, 1, now, now, (ObjectNode) body);
		if (!this.documents.insert(definition.storage(), document, this.events.created(definition, document, owner))) {
			StoredDocument earlier = (claim != null) ? this.documents.find(definition.storage(), id,
					DocumentAccess.scope(definition.access().create(), caller)) : null;
			return (earlier != null) ? new Replayed(earlier.toJson())
					: Rejected.duplicate("Another document already has these values in a field that must be unique.");
		}
		this.relay.wakeUp();
		if (claim != null) {
			this.keys.complete(claim, this.json.writeValueAsString(document.toJson()));
		}
		return new Written(document, true);
	}

	DocumentOutcome replace(String collection, String id, JsonNode body, Precondition precondition,
			Optional<CurrentCaller> caller) {
		CollectionDefinition definition = this.collections.require(collection);
		Optional<Rejected> invalid = check(definition, body);
		if (invalid.isPresent()) {
			return invalid.get();
		}
		return change(definition, id, precondition, caller, (current) -> (ObjectNode) body);
	}

	DocumentOutcome patch(String collection, String id, JsonNode patch, Precondition precondition,
			Optional<CurrentCaller> caller) {
		CollectionDefinition definition = this.collections.require(collection);
		List<FieldProblem> problems = UserFields.check(patch);
		if (!problems.isEmpty()) {
			return Rejected.invalidDocument(problems);
		}
		return change(definition, id, precondition, caller,
				(current) -> MergePatch.apply(current.fields(), (ObjectNode) patch));
	}

	DocumentOutcome delete(String collection, String id, Precondition precondition, Optional<CurrentCaller> caller) {
		CollectionDefinition definition = this.collections.require(collection);
		Bson scope = DocumentAccess.scope(definition.access().delete(), caller);
		String actor = caller.map(CurrentCaller::subject).orElse(null);
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			StoredDocument current = this.documents.find(definition.storage(), id, scope);
			if (current == null) {
				return Rejected.notFound(id);
			}
			if (!precondition.matches(current.version())) {
				return Rejected.versionConflict();
			}
			// The tombstone keeps only system fields, so it holds no unique values while
			// its event waits for Kafka.
			Update update = new Update();
			current.fields().propertyNames().forEach(update::unset);
			Outbox.deleteWhenDrained(update, this.events.deleted(definition, current, actor));
			if (this.documents.update(definition.storage(), id, current.version(), update)) {
				this.relay.wakeUp();
				return new Deleted();
			}
			if (precondition.isPresent()) {
				return Rejected.versionConflict();
			}
		}
		return busy();
	}

	private DocumentOutcome change(CollectionDefinition definition, String id, Precondition precondition,
			Optional<CurrentCaller> caller, Function<StoredDocument, ObjectNode> changeOf) {
		Bson scope = DocumentAccess.scope(definition.access().update(), caller);
		String actor = caller.map(CurrentCaller::subject).orElse(null);
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			StoredDocument current = this.documents.find(definition.storage(), id, scope);
			if (current == null) {
				return Rejected.notFound(id);
			}
			if (!precondition.matches(current.version())) {
				return Rejected.versionConflict();
			}
			ObjectNode fields = changeOf.apply(current);
			if (definition.schema() != null) {
				List<FieldProblem> violations = definition.schema().validate(fields);
				if (!violations.isEmpty()) {
					return Rejected.schemaViolated(violations);
				}
			}
			List<String> changed = current.changedFields(fields);
			if (changed.isEmpty()) {
				return new Written(current, false);
			}
			StoredDocument next = current.changedTo(fields, now());
			try {
				if (apply(definition, current, next, changed, actor)) {
					this.relay.wakeUp();
					return new Written(next, false);
				}
			}
			catch (DuplicateValuesException ex) {
				return Rejected.duplicate(ex.getMessage());
			}
			if (precondition.isPresent()) {
				return Rejected.versionConflict();
			}
		}
		return busy();
	}

	private boolean apply(CollectionDefinition definition, StoredDocument current, StoredDocument next,
			List<String> changed, String actor) {
		Update update = new Update();
		for (String name : changed) {
			JsonNode value = next.fields().get(name);
			if (value == null) {
				update.unset(name);
			}
			else {
				update.set(name, UserFields.toBson(value));
			}
		}
		update.set(StoredDocument.VERSION, next.version()).set(StoredDocument.UPDATED_AT, Date.from(next.updatedAt()));
		Outbox.push(update, this.events.updated(definition, next, changed, actor));
		return this.documents.update(definition.storage(), current.id(), current.version(), update);
	}

	private static Optional<Rejected> check(CollectionDefinition definition, JsonNode body) {
		List<FieldProblem> problems = UserFields.check(body);
		if (!problems.isEmpty()) {
			return Optional.of(Rejected.invalidDocument(problems));
		}
		if (definition.schema() != null) {
			List<FieldProblem> violations = definition.schema().validate(body);
			if (!violations.isEmpty()) {
				return Optional.of(Rejected.schemaViolated(violations));
			}
		}
		return Optional.empty();
	}

	private static Rejected busy() {
		return new Rejected(HttpStatus.CONFLICT, "conflict",
				"The document is being changed by other requests right now; try again.", List.of());
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

}
