package dev.keel.data.collection;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Service;

import dev.keel.support.access.AccessRules;
import dev.keel.data.collection.CollectionStorage.DuplicateValues;
import dev.keel.data.collection.CollectionStore.Stored;
import dev.keel.data.collection.DefineOutcome.Conflict;
import dev.keel.data.collection.DefineOutcome.Defined;
import dev.keel.data.collection.DefineOutcome.Invalid;
import dev.keel.data.collection.DocumentSchema.InvalidSchema;
import dev.keel.events.data.CollectionDefined;
import dev.keel.events.data.CollectionDeleted;
import dev.keel.support.web.Problems.FieldProblem;

/**
 * Defines, replaces and deletes collections, and is where the document feature looks them
 * up. Each change is one single-document write of the definition with its event; storage
 * and indexes are prepared before it, so a definition never points at storage that is not
 * ready.
 */
@Service
public class CollectionService {

	private static final int ATTEMPTS = 3;

	private final CollectionStore store;

	private final CollectionStorage storage;

	private final StorageJanitor janitor;

	private final Definitions definitions;

	CollectionService(CollectionStore store, CollectionStorage storage, StorageJanitor janitor,
			Definitions definitions) {
		this.store = store;
		this.storage = storage;
		this.janitor = janitor;
		this.definitions = definitions;
	}

	/**
	 * The collection a document request is about.
	 * @param name the name from the path
	 * @return the definition
	 * @throws CollectionNotFoundException if there is none
	 */
	public CollectionDefinition require(String name) {
		return find(name).orElseThrow(() -> new CollectionNotFoundException(name));
	}

	/**
	 * The collection of a name, from this instance's copy of the definitions when it has
	 * one (see {@link Definitions}).
	 * @param name the name from the path
	 * @return the definition, or empty if there is none
	 */
	public Optional<CollectionDefinition> find(String name) {
		return CollectionDefinition.isValidName(name) ? this.definitions.find(name, this.store::find)
				: Optional.empty();
	}

	List<CollectionDefinition> list(String after, int limit) {
		return this.store.list(after, limit);
	}

	DefineOutcome define(String name, CollectionRequest request) {
		if (!CollectionDefinition.isValidName(name)) {
			return new Invalid("invalid_collection_name",
					"A collection name starts with a lowercase letter and has at most 63 lowercase letters, digits, '_' and '-'.",
					List.of());
		}
		DocumentSchema schema;
		try {
			schema = compile(request.schema());
		}
		catch (InvalidSchema ex) {
			return new Invalid("invalid_schema", ex.getMessage(), List.of(new FieldProblem("schema", ex.getMessage())));
		}
		List<FieldProblem> errors = new ArrayList<>();
		AccessRules access = AccessRules.from(request.access(), errors);
		List<IndexDefinition> indexes = IndexDefinition.from(request.indexes(), errors);
		if (!errors.isEmpty()) {
			return new Invalid("validation_failed", "The collection definition has invalid fields.", errors);
		}
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Optional<DefineOutcome> outcome = tryDefine(name, schema, access, indexes);
			if (outcome.isPresent()) {
				this.definitions.changed(name);
				return outcome.get();
			}
		}
		return new Conflict("The collection was changed by another request at the same time; try again.");
	}

	/** Deletes a collection; false if there was none. */
	boolean delete(String name) {
		// From the store, not the copy: the storage to drop must be the current one.
		Optional<CollectionDefinition> definition = CollectionDefinition.isValidName(name) ? this.store.find(name)
				: Optional.empty();
		if (definition.isEmpty()) {
			return false;
		}
		boolean deleted = this.store.markDeleted(name, definition.get().storage(), CollectionDeleted.of(name));
		this.definitions.changed(name);
		this.janitor.wakeUp();
		return deleted;
	}

	private Optional<DefineOutcome> tryDefine(String name, DocumentSchema schema, AccessRules access,
			List<IndexDefinition> indexes) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Optional<Stored> stored = this.store.findStored(name);
		if (stored.isPresent() && !stored.get().deleted()) {
			return replace(stored.get().definition(), schema, access, indexes, now);
		}
		String fresh = this.storage.newName(name);
		this.storage.create(fresh, indexes);
		long revision = stored.map((s) -> s.definition().revision() + 1).orElse(1L);
		CollectionDefinition definition = new CollectionDefinition(name, schema, access, indexes, fresh, revision, now,
				now);
		CollectionDefined event = CollectionDefined.of(name, access.toMap(), true);
		boolean written = stored.isPresent()
				? this.store.replace(definition, stored.get().definition().revision(), event)
				: this.store.insert(definition, event);
		if (!written) {
			this.storage.drop(fresh);
			return Optional.empty();
		}
		return Optional.of(new Defined(definition, true));
	}

	private Optional<DefineOutcome> replace(CollectionDefinition current, DocumentSchema schema, AccessRules access,
			List<IndexDefinition> indexes, Instant now) {
		try {
			this.storage.update(current.storage(), current.indexes(), indexes);
		}
		catch (DuplicateValues ex) {
			return Optional.of(new Conflict(ex.getMessage()));
		}
		CollectionDefinition definition = new CollectionDefinition(current.name(), schema, access, indexes,
				current.storage(), current.revision() + 1, current.createdAt(), now);
		CollectionDefined event = CollectionDefined.of(current.name(), access.toMap(), false);
		return this.store.replace(definition, current.revision(), event) ? Optional.of(new Defined(definition, false))
				: Optional.empty();
	}

	private static DocumentSchema compile(JsonNode schema) {
		return (schema == null || schema.isNull()) ? null : DocumentSchema.compile(schema);
	}

}
