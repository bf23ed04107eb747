package dev.keel.data.document;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.bson.types.ObjectId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Service;

import dev.keel.data.collection.CollectionDefinition;
import dev.keel.data.collection.CollectionService;
import dev.keel.data.document.DocumentOutcome.Reason;
import dev.keel.data.document.DocumentOutcome.Rejected;
import dev.keel.data.document.DocumentOutcome.Replayed;
import dev.keel.data.document.DocumentOutcome.Written;
import dev.keel.data.document.Documents.RefusedDocumentException;
import dev.keel.data.document.IdempotencyKeys.Claim;
import dev.keel.support.security.CurrentCaller;

/**
 * Creates documents, once per idempotency key: a repeated key replays the first response,
 * and the id a key claimed is the only id its document can ever get.
 */
@Service
class DocumentCreation {

	private final CollectionService collections;

	private final Documents documents;

	private final DocumentEvents events;

	private final IdempotencyKeys keys;

	private final JsonMapper json;

	DocumentCreation(CollectionService collections, Documents documents, DocumentEvents events, IdempotencyKeys keys,
			JsonMapper json) {
		this.collections = collections;
		this.documents = documents;
		this.events = events;
		this.keys = keys;
		this.json = json;
	}

	DocumentOutcome create(String collection, JsonNode body, String idempotencyKey, Optional<CurrentCaller> caller) {
		CollectionDefinition definition = this.collections.require(collection);
		DocumentAccess.scope(definition.access().create(), caller);
		Optional<Rejected> invalid = DocumentValidation.check(definition, body);
		if (invalid.isPresent()) {
			return invalid.get();
		}
		if (idempotencyKey == null) {
			return insert(definition, body, new ObjectId().toHexString(), caller, null);
		}
		String bodyHash = IdempotencyKeys.hash(this.json.writeValueAsString(body));
		Claim claim = this.keys.claim(IdempotencyKeys.scope(collection, caller, bodyHash), idempotencyKey, bodyHash,
				new ObjectId().toHexString());
		if (!claim.bodyHash().equals(bodyHash)) {
			return new Rejected(Reason.UNACCEPTABLE, "idempotency_key_reused",
					"This Idempotency-Key was used with a different body; use a new key for a new document.",
					List.of());
		}
		if (claim.response() != null) {
			return replay(definition, (ObjectNode) this.json.readTree(claim.response()), caller);
		}
		return insert(definition, body, claim.documentId(), caller, claim);
	}

	private DocumentOutcome insert(CollectionDefinition definition, JsonNode body, String id,
			Optional<CurrentCaller> caller, Claim claim) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		String owner = caller.map(CurrentCaller::subject).orElse(null);
		StoredDocument document = new StoredDocument(id, owner, 1, now, now, (ObjectNode) body);
		boolean inserted;
		try {
			inserted = this.documents.insert(definition.storage(), document,
					this.events.created(definition, document, owner));
		}
		catch (RefusedDocumentException ex) {
			return Rejected.refused(ex);
		}
		if (!inserted) {
			// With a claim, the id may be taken by an earlier attempt with the same key.
			StoredDocument earlier = (claim != null) ? this.documents.find(definition.storage(), id,
					DocumentAccess.scope(definition.access().create(), caller)) : null;
			return (earlier != null) ? replay(definition, earlier.toJson(), caller)
					: Rejected.duplicate("Another document already has these values in a field that must be unique.");
		}
		if (claim != null) {
			this.keys.complete(claim, this.json.writeValueAsString(document.toJson()));
		}
		return new Written(document, true, DocumentAccess.mayRead(definition.access().read(), caller, owner));
	}

	/**
	 * The first response again, trimmed to the id and version when the read rule does not
	 * let the caller see the document (now: rules and owners may have changed).
	 */
	private static Replayed replay(CollectionDefinition definition, ObjectNode first, Optional<CurrentCaller> caller) {
		JsonNode owner = first.get(StoredDocument.OWNER);
		String ownerId = (owner != null && owner.isString()) ? owner.asString() : null;
		if (DocumentAccess.mayRead(definition.access().read(), caller, ownerId)) {
			return new Replayed(first);
		}
		return new Replayed(StoredDocument.receipt(first.get(StoredDocument.ID).asString(),
				first.get(StoredDocument.VERSION).asLong()));
	}

}
