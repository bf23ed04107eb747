package dev.keel.data.collection;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import dev.keel.support.access.AccessRules;
import dev.keel.data.config.DataProperties;
import dev.keel.data.config.DriverUpdates;
import dev.keel.events.data.CollectionEvent;
import dev.keel.support.access.AccessRule;
import dev.keel.support.outbox.Outbox;

/**
 * Collection definitions in the {@value #COLLECTION} collection, one document per name. A
 * deleted collection keeps its document, marked {@code deleted}, until its storage is
 * dropped; {@code pendingDrops} lists storage still to drop. Schemas are stored as JSON
 * text, because their keywords ({@code $ref}, {@code $defs}) cannot be MongoDB field
 * names. Compiled schemas are cached per revision. Every change carries its collection
 * event in the same write, for the {@code keel.data.events} topic.
 */
@Repository
class CollectionStore {

	static final String COLLECTION = "collections";

	private final MongoTemplate mongo;

	private final JsonMapper json;

	private final DriverUpdates updates;

	private final Outbox outbox;

	private final String topic;

	private final Map<String, Compiled> schemas = new ConcurrentHashMap<>();

	CollectionStore(MongoTemplate mongo, JsonMapper json, DriverUpdates updates, Outbox outbox,
			DataProperties properties) {
		this.mongo = mongo;
		this.json = json;
		this.updates = updates;
		this.outbox = outbox;
		this.topic = properties.events().topic();
	}

	Optional<CollectionDefinition> find(String name) {
		// By _id alone, the one lookup the embedded store answers from an index.
		Document stored = definitions().find(Filters.eq("_id", name)).first();
		return Optional.ofNullable(stored).filter((d) -> !d.getBoolean("deleted", false)).map(this::definition);
	}

	/** The definition of a name, deleted or not, for a change of its definition. */
	Optional<Stored> findStored(String name) {
		return Optional.ofNullable(definitions().find(Filters.eq("_id", name)).first())
			.map((stored) -> new Stored(definition(stored), stored.getBoolean("deleted", false)));
	}

	List<CollectionDefinition> list(String after, int limit) {
		Bson filter = (after != null) ? Filters.and(active(), Filters.gt("_id", after)) : active();
		List<CollectionDefinition> page = new ArrayList<>();
		definitions().find(filter).sort(Sorts.ascending("_id")).limit(limit).forEach((d) -> page.add(definition(d)));
		return page;
	}

	/** Inserts the first definition of a name; false if another request was quicker. */
	boolean insert(CollectionDefinition definition, CollectionEvent event) {
		Document document = fields(definition).append("_id", definition.name());
		try {
			definitions().insertOne(this.outbox.attach(COLLECTION, document, this.topic, event));
			this.outbox.wakeUp(COLLECTION, definition.name());
			return true;
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCode() == 11000) {
				return false;
			}
			throw ex;
		}
	}

	/**
	 * Replaces the definition if it is still at {@code revision}; false if it changed
	 * meanwhile. A deleted definition comes back to life with the new storage, its old
	 * storage staying in {@code pendingDrops}.
	 */
	boolean replace(CollectionDefinition definition, long revision, CollectionEvent event) {
		Update update = new Update();
		fields(definition).forEach(update::set);
		update.unset("deleted");
		Bson unchanged = Filters.and(Filters.eq("_id", definition.name()), Filters.eq("revision", revision));
		return write(definition.name(), unchanged, this.outbox.push(COLLECTION, update, this.topic, event));
	}

	/** Marks an active definition deleted; false if there was none. */
	boolean markDeleted(String name, String storage, CollectionEvent event) {
		Update update = new Update().set("deleted", true)
			.set("deletedAt", new Date())
			.inc("revision", 1L)
			.addToSet("pendingDrops", storage);
		Bson active = Filters.and(Filters.eq("_id", name), active());
		return write(name, active, this.outbox.push(COLLECTION, update, this.topic, event));
	}

	private boolean write(String name, Bson filter, Update update) {
		boolean written = definitions().updateOne(filter, this.updates.of(update)).getModifiedCount() == 1;
		if (written) {
			this.outbox.wakeUp(COLLECTION, name);
		}
		return written;
	}

	MongoCollection<Document> definitions() {
		return this.mongo.getCollection(COLLECTION);
	}

	/** Definitions with storage to drop: deleted ones, or ones defined again since. */
	List<Document> withPendingDrops() {
		List<Document> found = new ArrayList<>();
		definitions().find(Filters.or(Filters.eq("deleted", true), Filters.exists("pendingDrops.0")))
			.projection(Projections.include("pendingDrops", "deleted", "deletedAt"))
			.forEach(found::add);
		return found;
	}

	void dropped(String name, String storage) {
		definitions().updateOne(Filters.eq("_id", name), new Document("$pull", new Document("pendingDrops", storage)));
	}

	/**
	 * Removes a deleted definition once its storage is dropped and its events are out.
	 */
	void removeIfDone(String name) {
		definitions().deleteOne(Filters.and(Filters.eq("_id", name), Filters.eq("deleted", true),
				Filters.exists("pendingDrops.0", false), Filters.exists(Outbox.ENTRIES + ".0", false)));
	}

	private static Bson active() {
		return Filters.ne("deleted", true);
	}

	private Document fields(CollectionDefinition definition) {
		List<Document> indexes = definition.indexes()
			.stream()
			.map((index) -> new Document("fields", index.fields()).append("unique", index.unique()))
			.toList();
		return new Document("schema",
				(definition.schema() != null) ? this.json.writeValueAsString(definition.schema().source()) : null)
			.append("access", new Document(definition.access().toMap()))
			.append("indexes", indexes)
			.append("storage", definition.storage())
			.append("revision", definition.revision())
			.append("createdAt", Date.from(definition.createdAt()))
			.append("updatedAt", Date.from(definition.updatedAt()));
	}

	private CollectionDefinition definition(Document stored) {
		String name = stored.getString("_id");
		long revision = stored.get("revision", Number.class).longValue();
		Document rules = stored.get("access", Document.class);
		AccessRules access = new AccessRules(rule(rules, "read"), rule(rules, "create"), rule(rules, "update"),
				rule(rules, "delete"));
		List<IndexDefinition> indexes = stored.getList("indexes", Document.class, List.of())
			.stream()
			.map((index) -> new IndexDefinition(index.getList("fields", String.class), index.getBoolean("unique")))
			.toList();
		return new CollectionDefinition(name, schema(name, revision, stored.getString("schema")), access, indexes,
				stored.getString("storage"), revision, stored.getDate("createdAt").toInstant(),
				stored.getDate("updatedAt").toInstant());
	}

	private DocumentSchema schema(String name, long revision, String text) {
		if (text == null) {
			return null;
		}
		Compiled cached = this.schemas.get(name);
		if (cached != null && cached.revision() == revision) {
			return cached.schema();
		}
		DocumentSchema schema = DocumentSchema.compile(this.json.readTree(text));
		this.schemas.put(name, new Compiled(revision, schema));
		return schema;
	}

	private static AccessRule rule(Document rules, String operation) {
		return AccessRule.parse(rules.getString(operation))
			.orElseThrow(() -> new IllegalStateException("Stored access rule is invalid: " + rules));
	}

	private record Compiled(long revision, DocumentSchema schema) {
	}

	/** A stored definition and whether it is deleted. */
	record Stored(CollectionDefinition definition, boolean deleted) {
	}

}
